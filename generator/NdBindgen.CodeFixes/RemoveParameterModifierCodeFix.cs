using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.CodeFixes;

/// <summary>NDB0009: a ref, out, in, ref readonly or params parameter becomes a plain one.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveParameterModifierCodeFix)), Shared]
public sealed class RemoveParameterModifierCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "NDB0009.RemoveModifier";
    private static readonly FixAll s_fixAll = new(EquivalenceKey);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(D.ByRefParameter.Id);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id != D.ByRefParameter.Id) continue;   // dotnet format passes others
            if (root?.FindNode(diagnostic.Location.SourceSpan) is not ParameterSyntax parameter) continue;
            var removed = parameter.Modifiers.Where(IsPassingMode).ToList();
            if (removed.Count == 0) continue;
            string modifiers = string.Join(" ", removed.Select(m => m.Text));
            context.RegisterCodeFix(CodeAction.Create(
                $"Remove '{modifiers}' from '{parameter.Identifier.ValueText}'",
                _ => Task.FromResult(
                    context.Document.WithSyntaxRoot(root.ReplaceNode(parameter, WithoutPassingMode(parameter)))),
                EquivalenceKey), diagnostic);
        }
    }

    // 'scoped' goes too: it only qualifies the 'ref' (a scoped by-value parameter of a non-ref-struct type does not
    // compile).
    private static bool IsPassingMode(SyntaxToken modifier) => modifier.Kind() is
        SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword or SyntaxKind.ParamsKeyword
        or SyntaxKind.ReadOnlyKeyword or SyntaxKind.ScopedKeyword;

    /// <summary>
    /// The parameter without the modifiers and the space after them; its leading trivia (indentation, comments) stays.
    /// </summary>
    private static ParameterSyntax WithoutPassingMode(ParameterSyntax parameter) =>
        parameter.WithModifiers(SyntaxFactory.TokenList(parameter.Modifiers.Where(m => !IsPassingMode(m))))
            .WithLeadingTrivia(parameter.GetLeadingTrivia());
}
