using System.Collections.Generic;
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
    private const string InBuild = "ndbindgen_diagnostics = build\n";

    /// <summary>Diagnostics only the analyzers report, in a build as in an editor (operations in method bodies).</summary>
    private static bool AnalyzerOnly(DiagnosticResult d) => d.Id is "NDB0020" or "NDB0021";

    // The compiler's own diagnostics are in every compilation, whoever reports the rest.
    private static bool FromCompiler(DiagnosticResult d) => d.Id.StartsWith("CS", System.StringComparison.Ordinal);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, TestCompilation.DefaultModuleName, expected);

    /// <summary>The same for a [PyClass]: a class is one declaration, checked like any other.</summary>
    public static Task VerifyClassAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, TestCompilation.DefaultModuleName, expected);

    /// <summary>
    /// Each expected diagnostic exactly once, at its exact location, in both places a user meets them:
    /// in a build (NdBindgen.props sets ndbindgen_diagnostics = build) the generator reports every NDB
    /// diagnostic and the analyzers only NDB0020/NDB0021; in an editor (no key) the analyzers report
    /// them all and the generator none. Either way the generator must still produce compiling code,
    /// skipping invalid declarations.
    /// </summary>
    public static async Task VerifyAsync(string source, string moduleName, params DiagnosticResult[] expected)
    {
        string config = $"is_global = true\nbuild_property.PyModuleName = {moduleName}\n";

        var inBuild = new Test { TestCode = source };
        inBuild.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config + InBuild));
        inBuild.ExpectedDiagnostics.AddRange(expected.Where(d => !AnalyzerOnly(d)));
        await inBuild.RunAsync();

        var inEditor = new Test { TestCode = source };
        inEditor.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        inEditor.ExpectedDiagnostics.AddRange(expected.Where(FromCompiler));
        await inEditor.RunAsync();

        var analyzersInBuild = new BindingAnalyzersTest { TestCode = source };
        analyzersInBuild.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config + InBuild));
        analyzersInBuild.ExpectedDiagnostics.AddRange(expected.Where(d => d.Id == "NDB0020" || FromCompiler(d)));
        await analyzersInBuild.RunAsync();

        var analyzersInEditor = new BindingAnalyzersTest { TestCode = source };
        analyzersInEditor.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        analyzersInEditor.ExpectedDiagnostics.AddRange(expected.Where(d => d.Id != "NDB0021"));
        await analyzersInEditor.RunAsync();

        var escapes = new OfflineAnalyzerTest<NdBindgen.Generator.Analyzers.ViewEscapeAnalyzer> { TestCode = source };
        escapes.ExpectedDiagnostics.AddRange(expected.Where(d => d.Id == "NDB0021" || FromCompiler(d)));
        await escapes.RunAsync();
    }

    /// <summary>An analyzer test with the same offline references and options as the compilations.</summary>
    private class OfflineAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
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

    /// <summary>PyBindingsAnalyzer and PyModuleAnalyzer together: what an editor runs.</summary>
    private sealed class BindingAnalyzersTest : OfflineAnalyzerTest<NdBindgen.Generator.Analyzers.PyBindingsAnalyzer>
    {
        protected override IEnumerable<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[]
            {
                new NdBindgen.Generator.Analyzers.PyBindingsAnalyzer(),
                new NdBindgen.Generator.Analyzers.PyModuleAnalyzer(),
            };
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
