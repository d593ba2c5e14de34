using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Analyzers;

/// <summary>
/// NdView, NdViewMut and PyBorrowed are ref structs, so the compiler already stops them (and the
/// spans they hand out) from being stored, captured or kept across await. What it cannot see is
/// unsafe code turning them into a raw pointer: <c>fixed (double* p = span) s_data = p;</c> or
/// <c>s_data = Unsafe.AsPointer(ref view[0]);</c>. This flags a pointer taken in a method that
/// borrows such a parameter and assigned to a field or property, where it outlives the call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ViewEscapeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(D.ViewPointerEscapes);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.NdView) is null) return;
            start.RegisterSyntaxNodeAction(Analyze, SyntaxKind.SimpleAssignmentExpression);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var assignment = (AssignmentExpressionSyntax)context.Node;
        SemanticModel model = context.SemanticModel;
        // Only stores that outlive the call: fields and properties.
        ISymbol? target = model.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol;
        if (target is not (IFieldSymbol or IPropertySymbol)) return;
        if (context.ContainingSymbol is not IMethodSymbol method) return;
        IParameterSymbol? borrowed = method.Parameters.FirstOrDefault(p => IsBorrowed(p.Type));
        if (borrowed is null) return;
        if (!TakesPointer(assignment.Right, model, context)) return;
        context.ReportDiagnostic(Diagnostic.Create(
            D.WithHelp(D.ViewPointerEscapes, D.HelpPage(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions)),
            assignment.GetLocation(), method.Name,
            borrowed.Name));
    }

    private static bool IsBorrowed(ITypeSymbol type) =>
        KnownTypes.IsNdBindgen(type, KnownTypes.NdViewName) || KnownTypes.IsNdBindgen(type, KnownTypes.NdViewMutName)
        || KnownTypes.IsNdBindgen(type, KnownTypes.PyBorrowedName);

    /// <summary>
    /// The value is (a cast of) a pointer local declared by a fixed statement, or Unsafe.AsPointer(...).
    /// </summary>
    private static bool TakesPointer(ExpressionSyntax value, SemanticModel model, SyntaxNodeAnalysisContext context)
    {
        while (value is CastExpressionSyntax or ParenthesizedExpressionSyntax)
            value = value is CastExpressionSyntax c ? c.Expression : ((ParenthesizedExpressionSyntax)value).Expression;
        if (value is InvocationExpressionSyntax call
            && model.GetSymbolInfo(call, context.CancellationToken).Symbol is IMethodSymbol { Name: "AsPointer" } m
            && m.ContainingType.ToDisplayString() == "System.Runtime.CompilerServices.Unsafe")
            return true;
        return model.GetSymbolInfo(value, context.CancellationToken).Symbol is ILocalSymbol { IsFixed: true };
    }
}
