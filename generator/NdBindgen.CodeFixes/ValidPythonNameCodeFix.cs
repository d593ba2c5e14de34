using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Rename;
using NdBindgen.Generator.Parsing;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.CodeFixes;

/// <summary>
/// NDB0006: the nearest valid Python name (<see cref="PythonIdentifiers.ToIdentifier"/>). A name given in the
/// attribute is replaced; a name taken from the C# name (a method <c>@if</c>) is given to the
/// attribute, leaving the C# name alone; a parameter (whose Python name is always its C# name)
/// is renamed, with every reference to it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ValidPythonNameCodeFix)), Shared]
public sealed class ValidPythonNameCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "NDB0006.ValidPythonName";
    private static readonly FixAll s_fixAll = new(EquivalenceKey);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(D.InvalidPythonName.Id);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken)
            .ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id != D.InvalidPythonName.Id) continue;   // dotnet format passes others
            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan);
            CodeAction? action = node.FirstAncestorOrSelf<ParameterSyntax>() is { } parameter
                ? RenameParameter(context.Document, model, parameter, context.CancellationToken)
                : NameInAttribute(context.Document.Project.Solution, model, node, context.CancellationToken);
            if (action is not null) context.RegisterCodeFix(action, diagnostic);
        }
    }

    private static CodeAction? RenameParameter(Document document, SemanticModel model, ParameterSyntax parameter,
        CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(parameter, cancellationToken) is not IParameterSymbol symbol) return null;
        string pythonName = PythonIdentifiers.ToSnakeCase(symbol.Name);
        if (PythonIdentifiers.WhyNotIdentifier(pythonName) is null) return null;
        // Already snake_case, so the new C# name is also the Python name.
        string newName = PythonIdentifiers.ToIdentifier(pythonName);
        if (newName.Length == 0 || !SyntaxFacts.IsValidIdentifier(newName)
            || SyntaxFacts.GetKeywordKind(newName) != SyntaxKind.None) return null;
        return CodeAction.Create($"Rename parameter '{symbol.Name}' to '{newName}'",
            ct => Renamer.RenameSymbolAsync(document.Project.Solution, symbol, new SymbolRenameOptions(), newName, ct),
            EquivalenceKey);
    }

    /// <summary>
    /// Replaces (or adds) the name argument of the member's NdBindgen attribute, wherever that attribute is written.
    /// </summary>
    private static CodeAction? NameInAttribute(Solution solution, SemanticModel model, SyntaxNode node,
        CancellationToken cancellationToken)
    {
        ISymbol? target = DeclaredSymbol(model, node.FirstAncestorOrSelf<AttributeSyntax>() is { } attributeSyntax
            ? attributeSyntax.Parent?.Parent
            : node, cancellationToken);
        AttributeData? attribute = target?.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c
            && c.ContainingNamespace?.ToDisplayString() == KnownTypes.Namespace
            && KnownTypes.NamingAttributes.Contains(c.Name));
        if (target is null
            || attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
            return null;
        Document? document = solution.GetDocument(syntax.SyntaxTree);
        if (document is null) return null;

        string defaultName = target is INamedTypeSymbol ? target.Name : PythonIdentifiers.ToSnakeCase(target.Name);
        string current = FunctionParser.ExplicitName(attribute) ?? defaultName;
        if (PythonIdentifiers.WhyNotIdentifier(current) is null) return null;
        string newName = PythonIdentifiers.ToIdentifier(current.Length > 0 ? current : defaultName);
        if (PythonIdentifiers.WhyNotIdentifier(newName) is not null) return null;

        AttributeArgumentSyntax? nameArgument = syntax.ArgumentList?.Arguments.FirstOrDefault(a =>
            a.NameEquals?.Name.Identifier.ValueText == "Name" || (a.NameEquals is null && a.NameColon is null));
        if (nameArgument is not null && nameArgument.Expression is not LiteralExpressionSyntax)
            return null;   // a constant: the user's to rename
        return CodeAction.Create($"Use the Python name '{newName}'", async ct =>
        {
            SyntaxNode root = await syntax.SyntaxTree.GetRootAsync(ct).ConfigureAwait(false);
            LiteralExpressionSyntax literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression,
                SyntaxFactory.Literal(newName));
            SyntaxNode newRoot = nameArgument is not null
                ? root.ReplaceNode(nameArgument.Expression, literal.WithTriviaFrom(nameArgument.Expression))
                : root.ReplaceNode(syntax, syntax.WithArgumentList(SyntaxFactory.AttributeArgumentList(
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(literal)))));
            return solution.WithDocumentSyntaxRoot(document.Id, newRoot);
        }, EquivalenceKey);
    }

    /// <summary>
    /// The method, property, field or class a diagnostic or attribute belongs to; none for a field declaring several
    /// variables (one attribute, several names).
    /// </summary>
    private static ISymbol? DeclaredSymbol(SemanticModel model, SyntaxNode? node,
        CancellationToken cancellationToken) => node switch
    {
        FieldDeclarationSyntax { Declaration.Variables: { Count: 1 } variables } =>
            model.GetDeclaredSymbol(variables[0], cancellationToken),
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } } v =>
            model.GetDeclaredSymbol(v, cancellationToken),
        BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseTypeDeclarationSyntax =>
            model.GetDeclaredSymbol(node, cancellationToken),
        _ => null,
    };
}
