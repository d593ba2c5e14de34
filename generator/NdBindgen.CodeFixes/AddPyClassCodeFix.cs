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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using NdBindgen.Generator.Naming;
using NdBindgen.Generator.Parsing;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.CodeFixes;

/// <summary>
/// NDB0018: the type of a [PyMethod], [PyClassMethod], [PyProperty] or [PyConstructor] member becomes a
/// [PyClass] (and partial), when that is all it lacks. A type that could not be one (static, generic, nested,
/// abstract, not a class) has no fix: its members want [PyFunction] or another type, a decision.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPyClassCodeFix)), Shared]
public sealed class AddPyClassCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "NDB0018.AddPyClass";
    private static readonly FixAll s_fixAll = new(EquivalenceKey);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(D.MemberOutsideClass.Id);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken)
            .ConfigureAwait(false);
        if (root is null || model is null) return;
        INamedTypeSymbol? pyClass = model.Compilation.GetTypeByMetadataName(KnownTypes.PyClassAttribute);
        if (pyClass is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id != D.MemberOutsideClass.Id) continue;   // dotnet format passes others
            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan);
            if (model.GetDeclaredSymbol(node, context.CancellationToken)?.ContainingType is not { } type
                || ClassParser.ShapeProblem(type) is not (null or ClassParser.NotPartial)) continue;
            Solution solution = context.Document.Project.Solution;
            context.RegisterCodeFix(CodeAction.Create(
                $"Mark '{type.Name}' [PyClass]",
                ct => MarkPyClass(solution, type, pyClass, ct),
                EquivalenceKey), diagnostic);
        }
    }

    /// <summary>[PyClass] on the type's first declaration, and 'partial' on it if no part has it.</summary>
    private static async Task<Solution> MarkPyClass(Solution solution, INamedTypeSymbol type,
        INamedTypeSymbol pyClass, CancellationToken ct)
    {
        if (type.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct) is not ClassDeclarationSyntax declaration
            || solution.GetDocument(declaration.SyntaxTree) is not { } document) return solution;
        DocumentEditor editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
        // Written as the user would ([PyClass]) when the NdBindgen namespace is in scope: the simplifier decides.
        var attribute = (AttributeListSyntax)editor.Generator.Attribute(editor.Generator.TypeExpression(pyClass));
        ClassDeclarationSyntax marked = WithAttributeLine(declaration,
            attribute.WithoutTrivia().WithAdditionalAnnotations(Simplifier.Annotation));
        if (ClassParser.ShapeProblem(type) == ClassParser.NotPartial)
            marked = (ClassDeclarationSyntax)editor.Generator.WithModifiers(marked,
                editor.Generator.GetModifiers(marked).WithPartial(true));
        editor.ReplaceNode(declaration, marked);
        return editor.GetChangedDocument().Project.Solution;
    }

    /// <summary>
    /// The attribute on a line of its own after the declaration's other attributes, at its indentation, with any
    /// doc comment still first (the formatter would add a blank line before the type).
    /// </summary>
    private static ClassDeclarationSyntax WithAttributeLine(ClassDeclarationSyntax declaration,
        AttributeListSyntax attribute)
    {
        SyntaxTriviaList leading = declaration.GetLeadingTrivia();
        var indentation = SyntaxFactory.TriviaList(leading.Reverse().TakeWhile(t =>
            t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
        SyntaxTrivia newLine = declaration.SyntaxTree.GetRoot().DescendantTrivia()
            .FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (newLine == default) newLine = SyntaxFactory.EndOfLine("\n");
        if (declaration.AttributeLists.Count > 0)
            return declaration.AddAttributeLists(attribute.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine));
        ClassDeclarationSyntax unindented = declaration.WithLeadingTrivia(indentation);
        return unindented.WithAttributeLists(SyntaxFactory.SingletonList(
            attribute.WithLeadingTrivia(leading).WithTrailingTrivia(newLine)));
    }
}
