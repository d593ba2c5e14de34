using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.CodeFixes;

/// <summary>NDB0001: a [PyFunction] instance method becomes static.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeFunctionStaticCodeFix)), Shared]
public sealed class MakeFunctionStaticCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "NDB0001.MakeStatic";
    private static readonly FixAll s_fixAll = new(EquivalenceKey);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(D.FunctionNotStatic.Id);

    public override FixAllProvider GetFixAllProvider() => s_fixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id != D.FunctionNotStatic.Id) continue;   // dotnet format passes others
            if (root?.FindNode(diagnostic.Location.SourceSpan) is not MethodDeclarationSyntax method) continue;
            context.RegisterCodeFix(CodeAction.Create(
                $"Make '{method.Identifier.ValueText}' static",
                async ct =>
                {
                    DocumentEditor editor = await DocumentEditor.CreateAsync(context.Document, ct)
                        .ConfigureAwait(false);
                    editor.ReplaceNode(method, (node, generator) =>
                        generator.WithModifiers(node, generator.GetModifiers(node).WithIsStatic(true)));
                    return editor.GetChangedDocument();
                },
                EquivalenceKey), diagnostic);
        }
    }
}
