using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace NdBindgen.CodeFixes;

/// <summary>
/// Fix All for a code fix that offers one kind of action (one equivalence key): Roslyn's batch fixer, told that
/// key when the caller gives none. <c>dotnet format analyzers</c> passes the key of the action offered for the
/// first diagnostic it found, of any id the analyzer reported (it runs the whole analyzer); when that one is of
/// another id, or has no fix, the key is null, the batch fixer matches no action, and nothing is fixed ("didn't
/// return a Fix All action").
/// </summary>
internal sealed class FixAll : FixAllProvider
{
    private readonly string _equivalenceKey;

    public FixAll(string equivalenceKey) => _equivalenceKey = equivalenceKey;

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

    public override Task<CodeAction?> GetFixAsync(FixAllContext context) =>
        WellKnownFixAllProviders.BatchFixer.GetFixAsync(context.CodeActionEquivalenceKey is null
            ? WithKey(context)
            : context);

    private FixAllContext WithKey(FixAllContext context)
    {
        var diagnostics = new SameDiagnostics(context);
        return context.Document is { } document
            ? new FixAllContext(document, context.CodeFixProvider, context.Scope, _equivalenceKey,
                context.DiagnosticIds, diagnostics, context.CancellationToken)
            : new FixAllContext(context.Project, context.CodeFixProvider, context.Scope, _equivalenceKey,
                context.DiagnosticIds, diagnostics, context.CancellationToken);
    }

    /// <summary>The diagnostics the caller's context finds (already narrowed to the fixed ids).</summary>
    private sealed class SameDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext _context;

        public SameDiagnostics(FixAllContext context) => _context = context;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document,
            CancellationToken cancellationToken) =>
            await _context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project,
            CancellationToken cancellationToken) =>
            await _context.GetProjectDiagnosticsAsync(project).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project,
            CancellationToken cancellationToken) =>
            await _context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
    }
}
