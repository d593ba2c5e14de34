using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests;

/// <summary>
/// A view is valid only while the call holds the array; the compiler, not a crash, must stop code
/// that keeps one. NdView/NdViewMut are ref structs, so each of these is a compile error.
/// </summary>
public class ViewLifetimeTests
{
    [Theory]
    [InlineData("class Holder { NdView<double> kept; }", "CS8345")]                     // field of a class
    [InlineData("static class Holder { static NdViewMut<double> kept; }", "CS8345")]   // static field
    [InlineData("static class F { static System.Func<double> Later(NdView<double> v) => () => v[0]; }", "CS9108")] // captured by a lambda
    [InlineData("static class F { static object Box(NdView<double> v) => v; }", "CS0029")]   // boxed
    [InlineData("static class F { static async System.Threading.Tasks.Task A(NdView<double> v) { await System.Threading.Tasks.Task.Yield(); } }", "CS4012")] // across await
    // A borrowed reference cannot escape its scope either.
    [InlineData("class Holder { PyBorrowed kept; }", "CS8345")]
    // The GIL token is a ref struct too: code that runs without the GIL cannot have one.
    [InlineData("class Holder { Python kept; }", "CS8345")]
    [InlineData("static class F { static void G(Python py) => py.AllowThreads(1, x => py.CheckSignals()); }", "CS9108")]
    [InlineData("static class F { static void G(Python py) => new System.Threading.Thread(() => py.CheckSignals()).Start(); }", "CS9108")]
    public void StoringAViewIsACompileError(string code, string expectedError)
    {
        var compilation = TestCompilation.Create("using NdBindgen;\nnamespace Samples;\n" + code);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        Assert.Contains(expectedError, errors);
    }
}
