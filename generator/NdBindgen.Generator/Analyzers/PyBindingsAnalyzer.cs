using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Parsing;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Analyzers;

/// <summary>
/// Reports misuse on the user's own code, live in the IDE. It runs the generator's own parsers
/// (one set of checks), on the narrowest actions: a symbol action per method and per named type,
/// only in compilations that reference NdBindgen, concurrently, never on generated code. What
/// needs the whole module (NDB0005, NDB0007, NDB0023, NDB0032) is <see cref="PyModuleAnalyzer"/>'s. In a
/// build (<see cref="ModuleOptionsParser.DiagnosticsKey"/>) the generator reports all of these
/// instead, and this analyzer only NDB0020.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PyBindingsAnalyzer : DiagnosticAnalyzer
{
    // NDB0021 is ViewEscapeAnalyzer's.
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        D.All.Where(d => !PyModuleAnalyzer.Reports(d.Id) && d.Id != "NDB0021").ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? pyFunction = start.Compilation.GetTypeByMetadataName(KnownTypes.PyFunctionAttribute);
            INamedTypeSymbol? pyClass = start.Compilation.GetTypeByMetadataName(KnownTypes.PyClassAttribute);
            if (pyFunction is null || pyClass is null) return;   // not an NdBindgen project
            IMethodSymbol? assumeGil = start.Compilation.GetTypeByMetadataName(KnownTypes.Python)
                ?.GetMembers("AssumeGilHeld").OfType<IMethodSymbol>().FirstOrDefault();

            var global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            string? help = D.HelpPage(global);
            if (!ModuleOptionsParser.GeneratorReports(global))
            {
                start.RegisterSymbolAction(c => AnalyzeMethod(c, pyFunction, help), SymbolKind.Method,
                    SymbolKind.Property, SymbolKind.Field);
                start.RegisterSymbolAction(c => AnalyzeType(c, pyClass, help), SymbolKind.NamedType);
            }
            if (assumeGil is not null)
            {
                start.RegisterOperationAction(c =>
                {
                    IMethodSymbol target = ((IInvocationOperation)c.Operation).TargetMethod;
                    if (SymbolEqualityComparer.Default.Equals(target, assumeGil))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(D.WithHelp(D.AssumedGil, help),
                            c.Operation.Syntax.GetLocation()));
                    }
                }, OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol pyFunction, string? help)
    {
        ISymbol member = context.Symbol;
        var marks = MemberMarks.Of(member);
        if (marks.Count == 0) return;
        if (MemberMarks.Problem(member, marks) is { } problem)
        {
            Report(context.Compilation, context.ReportDiagnostic, help, new[] { problem });
            return;
        }
        if (KnownTypes.Is(marks[0], KnownTypes.PyConstantAttribute) && member is IFieldSymbol or IPropertySymbol)
        {
            var constant = ConstantParser.ParseMember(member, marks[0], context.CancellationToken);
            Report(context.Compilation, context.ReportDiagnostic, help, constant.Diagnostics);
            return;
        }
        // A class member mark in a [PyClass]: the class's own analysis checks it.
        if (!SymbolEqualityComparer.Default.Equals(marks[0].AttributeClass, pyFunction)) return;
        if (member is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary)
        {
            var result = FunctionParser.ParseMethod(method, marks[0], CallKind.ModuleFunction, null,
                context.CancellationToken, context.Compilation);
            Report(context.Compilation, context.ReportDiagnostic, help, result.Diagnostics);
        }
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol pyClass, string? help)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.GetAttributes().Any(a => KnownTypes.Is(a, KnownTypes.PySubmoduleAttribute)))
        {
            Report(context.Compilation, context.ReportDiagnostic, help,
                SubmoduleParser.ParseClass(type, context.CancellationToken).Diagnostics);
        }
        if (ExceptionParser.Mark(type) is not null)
        {
            Report(context.Compilation, context.ReportDiagnostic, help,
                ExceptionParser.ParseClass(type, context.CancellationToken).Diagnostics);
        }
        if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, pyClass))) return;
        var diagnostics = ClassParser.ParseClass(type, context.CancellationToken).Diagnostics;
        Report(context.Compilation, context.ReportDiagnostic, help,
            diagnostics.Where(d => !PyModuleAnalyzer.Reports(d.Id)));
    }

    /// <summary>
    /// Reports at locations in the syntax trees (so #pragma and the IDE see them), not the models' plain spans.
    /// </summary>
    internal static void Report(Compilation compilation, System.Action<Diagnostic> report, string? help,
        System.Collections.Generic.IEnumerable<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo d in diagnostics)
        {
            Location? location = d.Location is { } info
                ? compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == info.FilePath) is { } tree
                    ? Location.Create(tree, info.Span)
                    : info.ToLocation()
                : null;
            report(Diagnostic.Create(D.WithHelp(D.ById(d.Id), help), location, d.Arguments.Items.ToArray<object>()));
        }
    }
}
