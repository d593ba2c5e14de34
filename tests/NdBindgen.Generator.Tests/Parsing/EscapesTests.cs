using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Parsing;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests.Parsing;

/// <summary>
/// Which parameters a method may keep past the call (Escapes): only those the wrapper must not
/// release when the call returns. A use the analysis cannot classify counts as kept.
/// </summary>
public class EscapesTests
{
    private static bool MayKeep(string body, string parameters = "NdBindgen.PyRef p, NdBindgen.Python py, System.Func<double, double> f")
    {
        var compilation = TestCompilation.Create(
            "using System; using System.Collections.Generic; using NdBindgen;\n" +
            $"static class C {{ static List<PyRef> s_list = new(); static PyRef? s_field; static object? Sink(object? o) => o;\n static object? M({parameters}) {body} }}");
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var method = (IMethodSymbol)compilation.GetTypeByMetadataName("C")!.GetMembers("M").Single();
        return Escapes.MayKeep(method.Parameters.First());
    }

    [Theory]
    [InlineData("{ return p.GetAttr(py, \"x\"); }")]                         // a member called
    [InlineData("{ return p.IsAlive; }")]                                     // a member read
    [InlineData("{ return p?.IsAlive; }")]                                    // conditional access
    [InlineData("{ if (p == null || null != p) return null; return 1; }")]    // compared with null
    [InlineData("{ if (p is null) return null; return p is not null; }")]     // null patterns
    [InlineData("{ py.Exec(\"x = 1\"); return null; }")]                      // not used at all
    [InlineData("{ return nameof(p); }")]                                     // its name only
    [InlineData("=> s_field?.GetAttr(py, nameof(p));")]                       // another member named like it
    public void UsesThatDoNotKeep(string body) => Assert.False(MayKeep(body));

    [Theory]
    [InlineData("{ s_field = p; return null; }")]                             // stored in a field
    [InlineData("{ s_list.Add(p); return null; }")]                           // stored in a collection
    [InlineData("{ return p; }")]                                             // returned
    [InlineData("=> Sink(p);")]                                               // passed to unknown code
    [InlineData("{ var q = p; return q.IsAlive; }")]                          // aliased
    [InlineData("{ Func<bool> g = () => p.IsAlive; return g(); }")]           // captured by a lambda
    [InlineData("{ bool G() => p.IsAlive; return G(); }")]                    // captured by a local function
    [InlineData("{ return p.Keep(); }")]                                      // a member returning itself
    [InlineData("{ return (object)p; }")]                                     // converted
    public void UsesThatMayKeep(string body) => Assert.True(MayKeep(body));

    [Fact]
    public void AnArgumentOfTheRuntimesOwnObjectsIsNotKept()
    {
        // obj.SetAttr(py, name, value) takes a reference of its own.
        Assert.False(MayKeep("{ obj.SetAttr(py, \"x\", p); return null; }", "NdBindgen.PyRef p, NdBindgen.PyRef obj, NdBindgen.Python py"));
        // A call on something else may keep it.
        Assert.True(MayKeep("{ s_list.Insert(0, p); return null; }", "NdBindgen.PyRef p, NdBindgen.PyRef obj, NdBindgen.Python py"));
    }

    [Fact]
    public void ACallbackCalledIsNotKeptOneStoredIs()
    {
        Assert.False(MayKeep("{ return f(1.0) + f.Invoke(2.0); }", "System.Func<double, double> f"));
        Assert.True(MayKeep("{ Sink(f); return null; }", "System.Func<double, double> f"));
    }
}
