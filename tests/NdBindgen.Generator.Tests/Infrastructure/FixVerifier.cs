using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NdBindgen.Generator.Analyzers;

namespace NdBindgen.Generator.Tests.Infrastructure;

/// <summary>
/// The Roslyn code fix verifier, set up like <see cref="GeneratorVerifier"/> (the test host's
/// framework, NdBindgen.Runtime, <see cref="TestCompilation"/>'s options): the analyzer must report
/// exactly <c>expected</c> on the source, the fix must turn it into <c>fixedSource</c> with nothing
/// left to report, one diagnostic at a time and all at once (FixAll in document, project and solution).
/// </summary>
internal static class FixVerifier<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>As above, for a fix that leaves other problems (<paramref name="remaining"/>, at markup in <paramref name="fixedSource"/>).</summary>
    public static Task VerifyAsync(string source, DiagnosticResult[] expected, string fixedSource, params DiagnosticResult[] remaining)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync();
    }

    /// <summary>The analyzer reports <paramref name="expected"/>, and the fix offers nothing for them.</summary>
    public static Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private sealed class Test : CSharpCodeFixTest<PyBindingsAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");   // no package: the references below are the framework
            TestState.AdditionalReferences.AddRange(TestCompilation.References);
        }

        protected override ParseOptions CreateParseOptions() => TestCompilation.ParseOptions;

        protected override CompilationOptions CreateCompilationOptions() => TestCompilation.CompilationOptions;
    }
}
