using System.Collections.Generic;
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
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.CodeFixes;

/// <summary>
/// NDB0010: the exported member, and every containing type the generated code cannot reach, gets the least access
/// that lets it: private, private protected and file-local become internal, protected becomes protected internal
/// (so subclasses keep theirs). Public stays the user's choice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeAccessibleCodeFix)), Shared]
public sealed class MakeAccessibleCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "NDB0010.MakeAccessible";
    private static readonly FixAll s_fixAll = new(EquivalenceKey);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(D.NotAccessible.Id);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken)
            .ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id != D.NotAccessible.Id) continue;   // dotnet format passes others
            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan);
            if (model.GetDeclaredSymbol(node, context.CancellationToken) is not { } member) continue;
            var symbols = new List<ISymbol>();
            for (ISymbol? s = member; s is not null and not INamespaceSymbol; s = s.ContainingSymbol)
                if (Wider(s) is not null) symbols.Add(s);
            if (symbols.Count == 0) continue;
            Solution solution = context.Document.Project.Solution;
            context.RegisterCodeFix(CodeAction.Create(
                $"Make '{member.Name}' accessible to generated code",
                ct => Widen(solution, symbols, ct),
                EquivalenceKey), diagnostic);
        }
    }

    /// <summary>The access that lets generated code in the same assembly reach the symbol, or null if it can.</summary>
    private static Accessibility? Wider(ISymbol symbol) =>
        symbol is INamedTypeSymbol { IsFileLocal: true } ? Accessibility.Internal
        : symbol.DeclaredAccessibility switch
        {
            Accessibility.Private or Accessibility.ProtectedAndInternal => Accessibility.Internal,
            Accessibility.Protected => Accessibility.ProtectedOrInternal,
            _ => null,
        };

    /// <summary>
    /// Every declaration of each symbol that spells its access (all parts of a partial method; the parts of a
    /// partial type that have a modifier, else its first part) gets the wider one.
    /// </summary>
    private static async Task<Solution> Widen(Solution solution, List<ISymbol> symbols, CancellationToken ct)
    {
        var editor = new SolutionEditor(solution);
        foreach (ISymbol symbol in symbols)
        {
            Accessibility access = Wider(symbol)!.Value;
            var declarations = symbol.DeclaringSyntaxReferences.Select(r => Declaration(r.GetSyntax(ct)))
                .OfType<MemberDeclarationSyntax>().ToList();
            var spelled = declarations.Where(d => d.Modifiers.Any(IsAccessModifier)).ToList();
            foreach (MemberDeclarationSyntax declaration in spelled.Count > 0 ? spelled : declarations.Take(1))
            {
                Document? document = solution.GetDocument(declaration.SyntaxTree);
                if (document is null) continue;
                DocumentEditor documentEditor = await editor.GetDocumentEditorAsync(document.Id, ct)
                    .ConfigureAwait(false);
                documentEditor.ReplaceNode(declaration, (node, generator) =>
                    generator.WithAccessibility(WithoutFile((MemberDeclarationSyntax)node), access));
            }
        }
        return editor.GetChangedSolution();
    }

    /// <summary>A field's access is on its declaration, not on the variable the symbol points to.</summary>
    private static SyntaxNode Declaration(SyntaxNode node) =>
        node is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } ? field : node;

    private static bool IsAccessModifier(SyntaxToken token) => token.Kind() is SyntaxKind.PrivateKeyword
        or SyntaxKind.ProtectedKeyword or SyntaxKind.InternalKeyword or SyntaxKind.PublicKeyword
        or SyntaxKind.FileKeyword;

    /// <summary>The declaration without 'file' (which SyntaxGenerator does not count as an access modifier).</summary>
    private static MemberDeclarationSyntax WithoutFile(MemberDeclarationSyntax declaration)
    {
        int index = declaration.Modifiers.IndexOf(SyntaxKind.FileKeyword);
        if (index < 0) return declaration;
        SyntaxToken file = declaration.Modifiers[index];
        SyntaxTokenList modifiers = declaration.Modifiers.RemoveAt(index);
        // Keep what came before 'file' (indentation, doc comments) on whatever now comes first.
        if (index == 0 && modifiers.Count > 0)
            modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(file.LeadingTrivia));
        MemberDeclarationSyntax without = declaration.WithModifiers(modifiers);
        return index == 0 && modifiers.Count == 0
            ? without.WithLeadingTrivia(file.LeadingTrivia)
            : without;
    }
}
