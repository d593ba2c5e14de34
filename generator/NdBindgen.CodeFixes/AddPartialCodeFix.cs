using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// NDB0013, when the only problem is the missing 'partial': adds it. The other shapes (static,
/// generic, nested, abstract, not a class) need a decision, not a keyword.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFix)), Shared]
public sealed class AddPartialCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "NDB0013.AddPartial";
    private static readonly FixAll s_fixAll = new(EquivalenceKey);

    // The reason ClassParser puts in the message; the descriptor has no other way to tell the shapes apart.
    private const string NotPartial = "but is not partial;";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(D.ClassNotPartial.Id);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id != D.ClassNotPartial.Id) continue;   // dotnet format passes others
            if (!diagnostic.GetMessage(CultureInfo.InvariantCulture).Contains(NotPartial)) continue;
            if (root?.FindNode(diagnostic.Location.SourceSpan) is not ClassDeclarationSyntax type
                || type.Modifiers.Any(SyntaxKind.PartialKeyword)) continue;
            context.RegisterCodeFix(CodeAction.Create(
                $"Make '{type.Identifier.ValueText}' partial",
                async ct =>
                {
                    DocumentEditor editor = await DocumentEditor.CreateAsync(context.Document, ct)
                        .ConfigureAwait(false);
                    editor.ReplaceNode(type, (node, generator) =>
                        generator.WithModifiers(node, generator.GetModifiers(node).WithPartial(true)));
                    return editor.GetChangedDocument();
                },
                EquivalenceKey), diagnostic);
        }
    }
}
