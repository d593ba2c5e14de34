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
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, TestCompilation.DefaultModuleName, expected);

    public static Task VerifyAsync(string source, string moduleName, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.PyModuleName = {moduleName}\n"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
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
