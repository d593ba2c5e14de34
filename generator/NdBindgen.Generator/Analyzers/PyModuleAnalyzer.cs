using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using NdBindgen.Generator.Parsing;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Analyzers;

/// <summary>
/// The module-wide diagnostics in an editor: two exports of one Python name (NDB0005: functions, classes,
/// constants, submodules and exception classes, in the module or in one submodule), an invalid
/// module name (NDB0007), overloads Python cannot tell apart (NDB0023, of module functions and of a
/// class's methods alike), members of an exported enum Python's enum would refuse or drop (NDB0032). It
/// collects what the generator's module step sees (each [PyFunction]'s and [PyClass]'s model, parsed by
/// the same parsers) and runs <see cref="ModuleParser"/> on it when
/// the compilation ends. A separate analyzer, so that its compilation-end descriptors do not make
/// editors treat <see cref="PyBindingsAnalyzer"/>'s live diagnostics as compilation-end ones.
/// Silent in a build, where the generator reports these (<see cref="ModuleOptionsParser.DiagnosticsKey"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PyModuleAnalyzer : DiagnosticAnalyzer
{
    internal static bool Reports(string id) => id is "NDB0005" or "NDB0007" or "NDB0023" or "NDB0032";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        D.All.Where(d => Reports(d.Id)).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? pyFunction = start.Compilation.GetTypeByMetadataName(KnownTypes.PyFunctionAttribute);
            INamedTypeSymbol? pyClass = start.Compilation.GetTypeByMetadataName(KnownTypes.PyClassAttribute);
            if (pyFunction is null || pyClass is null) return;   // not an NdBindgen project
            var provider = start.Options.AnalyzerConfigOptionsProvider;
            if (ModuleOptionsParser.GeneratorReports(provider.GlobalOptions)) return;

            var functions = new ConcurrentBag<FunctionModel?>();
            var classes = new ConcurrentBag<ClassExport>();
            var classDiagnostics = new ConcurrentBag<DiagnosticInfo>();
            var constants = new ConcurrentBag<ConstantModel>();
            var submodules = new ConcurrentBag<SubmoduleDeclaration>();
            var exceptions = new ConcurrentBag<ExceptionModel>();
            start.RegisterSymbolAction(c =>
            {
                var marks = MemberMarks.Of(c.Symbol);
                if (marks.Count != 1 || !KnownTypes.Is(marks[0], KnownTypes.PyConstantAttribute)) return;
                if (ConstantParser.ParseMember(c.Symbol, marks[0], c.CancellationToken).Model is { } model)
                    constants.Add(model);
            }, SymbolKind.Field, SymbolKind.Property);
            start.RegisterSymbolAction(c =>
            {
                var method = (IMethodSymbol)c.Symbol;
                if (method.MethodKind != MethodKind.Ordinary) return;
                var marks = MemberMarks.Of(method);
                if (marks.Count != 1 || !SymbolEqualityComparer.Default.Equals(marks[0].AttributeClass, pyFunction))
                    return;
                var result = FunctionParser.ParseMethod(method, marks[0], CallKind.ModuleFunction, null,
                    c.CancellationToken, c.Compilation);
                if (result.Model is { } model) functions.Add(model);
            }, SymbolKind.Method);
            start.RegisterSymbolAction(c =>
            {
                var type = (INamedTypeSymbol)c.Symbol;
                if (type.GetAttributes().Any(a => KnownTypes.Is(a, KnownTypes.PySubmoduleAttribute))
                    && SubmoduleParser.ParseClass(type, c.CancellationToken).Model is { } submodule)
                    submodules.Add(submodule);
                if (ExceptionParser.Mark(type) is not null
                    && ExceptionParser.ParseClass(type, c.CancellationToken).Model is { } exception)
                    exceptions.Add(exception);
                if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, pyClass)))
                    return;
                var result = ClassParser.ParseClass(type, c.CancellationToken);
                if (result.Model is { } model)
                    classes.Add(new ClassExport(model.Python, model.TypeName, model.Location));
                foreach (DiagnosticInfo d in result.Diagnostics.Where(d => Reports(d.Id))) classDiagnostics.Add(d);
            }, SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                var (_, diagnostics) = ModuleParser.Parse(functions.ToImmutableArray(), classes.ToImmutableArray(),
                    ModuleOptionsParser.Parse(provider, end.CancellationToken), constants.ToImmutableArray(),
                    submodules.ToImmutableArray(), exceptions.ToImmutableArray());
                PyBindingsAnalyzer.Report(end.Compilation, end.ReportDiagnostic, D.HelpPage(provider.GlobalOptions),
                    diagnostics.Concat(classDiagnostics));
            });
        });
    }
}
