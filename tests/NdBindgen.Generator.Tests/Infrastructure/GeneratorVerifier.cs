using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace NdBindgen.Generator.Tests.Infrastructure;

/// <summary>
/// The Roslyn source generator verifier, set up like <see cref="TestCompilation"/>: the test host's
/// framework (nothing downloaded), NdBindgen.Runtime, unsafe code, doc comments parsed, and the
/// module name as a build_property in a global analyzer config. Checks diagnostics (generator and
/// compiler errors) against markup like <c>{|#0:here|}</c>; generated sources are covered by the snapshots.
/// </summary>
internal static class GeneratorVerifier
{
    /// <summary>Module-wide diagnostics come from the generator; the rest from the analyzer.</summary>
    private static bool FromGenerator(DiagnosticResult d) => d.Id is "NDB0005" or "NDB0007" or "NDB0023";

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, TestCompilation.DefaultModuleName, expected);

    /// <summary>
    /// Runs both halves on the source: the generator (which must still produce compiling code,
    /// skipping invalid declarations) expecting the module-wide diagnostics, and the analyzer
    /// expecting the per-declaration ones, each at its exact location.
    /// </summary>
    public static Task VerifyAsync(string source, string moduleName, params DiagnosticResult[] expected) =>
        VerifyAsync(source, moduleName, FromGenerator, expected);

    /// <summary>Every expected diagnostic from the analyzer: those of a [PyClass]'s members, NDB0023 included (a class is one declaration).</summary>
    public static Task VerifyClassAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, TestCompilation.DefaultModuleName, d => d.Id is "NDB0005" or "NDB0007", expected);

    private static async Task VerifyAsync(string source, string moduleName, System.Func<DiagnosticResult, bool> fromGenerator, DiagnosticResult[] expected)
    {
        string config = $"is_global = true\nbuild_property.PyModuleName = {moduleName}\n";
        var generator = new Test { TestCode = source };
        generator.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        // The compiler's own diagnostics are in every compilation, whichever half runs.
        static bool FromCompiler(DiagnosticResult d) => d.Id.StartsWith("CS", System.StringComparison.Ordinal);
        generator.ExpectedDiagnostics.AddRange(expected.Where(d => fromGenerator(d) || FromCompiler(d)));
        await generator.RunAsync();

        var analyzer = new OfflineAnalyzerTest<NdBindgen.Generator.Analyzers.PyBindingsAnalyzer> { TestCode = source };
        analyzer.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        analyzer.ExpectedDiagnostics.AddRange(expected.Where(d => !fromGenerator(d) && d.Id != "NDB0021"));
        await analyzer.RunAsync();

        var escapes = new OfflineAnalyzerTest<NdBindgen.Generator.Analyzers.ViewEscapeAnalyzer> { TestCode = source };
        escapes.ExpectedDiagnostics.AddRange(expected.Where(d => d.Id == "NDB0021" || FromCompiler(d)));
        await escapes.RunAsync();
    }

    /// <summary>An analyzer test with the same offline references and options as the compilations.</summary>
    private sealed class OfflineAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        public OfflineAnalyzerTest()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(TestCompilation.References);
        }

        protected override ParseOptions CreateParseOptions() => TestCompilation.ParseOptions;

        protected override CompilationOptions CreateCompilationOptions() => TestCompilation.CompilationOptions;
    }

    private sealed class Test : CSharpSourceGeneratorTest<PyModuleGenerator, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");   // no package: the references below are the framework
            TestState.AdditionalReferences.AddRange(TestCompilation.References);
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        protected override ParseOptions CreateParseOptions() => TestCompilation.ParseOptions;

        protected override CompilationOptions CreateCompilationOptions() => TestCompilation.CompilationOptions;
    }
}
