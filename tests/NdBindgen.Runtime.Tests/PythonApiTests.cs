using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>The C#-side Python API against the embedded interpreter.</summary>
public class PythonApiTests
{
    [Fact]
    public void EvalCallAndAttributes()
    {
        Run(() =>
        {
            Python py = Python.AssumeGilHeld();
            using PyScope scope = py.Scope();
            PyRef ns = py.NewDict();
            py.Exec("def f(a, b=0):\n    return a * 10 + b\nclass C:\n    x = 1", ns);
            PyRef f = py.Eval("f", ns);
            Assert.Equal(12L, f.Call(py, [py.From(1L)], [("b", py.From(2L))]).ToInt64(py));
            PyRef c = py.Eval("C", ns);
            Assert.Equal(1L, c.GetAttr(py, "x").ToInt64(py));
            c.SetAttr(py, "x", py.From("two"));
            Assert.Equal("two", c.GetAttr(py, "x").ToString(py));
            Assert.Equal("'two'", c.GetAttr(py, "x").Repr(py));
            Assert.True(f.IsCallable(py));
            Assert.True(py.None.IsNone(py));
            Assert.Equal(2.0, py.Import("math").CallMethod(py, "sqrt", py.From(4.0)).ToDouble(py));
        });
    }

    [Fact]
    public void AScopeReleasesWhatWasMadeInIt()
    {
        Run(() =>
        {
            Python py = Python.AssumeGilHeld();
            PyRef sentinel = py.Eval("object()").Keep();
            PyRef wrap = py.Eval("lambda s: [s]").Keep();
            nint baseline = sentinel.RefCount(py);
            PyRef kept;
            using (PyScope scope = py.Scope())
            {
                wrap.Call(py, sentinel);
                kept = wrap.Call(py, sentinel).Keep();
                Assert.Equal(baseline + 2, sentinel.RefCount(py));
            }
            Assert.Equal(baseline + 1, sentinel.RefCount(py));   // the kept one survives the scope
            kept.Dispose();
            Assert.Equal(baseline, sentinel.RefCount(py));
            sentinel.Dispose();
            wrap.Dispose();
        });
    }

    [Fact]
    public void PythonErrorsBecomePythonExceptionsWithTracebacks()
    {
        Run(() =>
        {
            Python py = Python.AssumeGilHeld();
            var e = Assert.Throws<PythonException>(() => Python.AssumeGilHeld().Exec("def g():\n    raise KeyError('k')\ng()"));
            Assert.Equal("KeyError", e.PythonTypeName);
            Assert.Equal("'k'", e.Message);
            Assert.Contains("line 2, in g", e.PythonTraceback);
            using PyRef? value = e.Value;
            Assert.NotNull(value);
            Assert.Equal("KeyError('k')", value!.Repr(py));
        });
    }

    [Fact]
    public void AllowThreadsReleasesTheGilAndDisposeWithoutItQueues()
    {
        Run(() =>
        {
            Python py = Python.AssumeGilHeld();
            PyRef obj = py.Eval("object()");
            nint before = obj.RefCount(py);
            PyRef extra = py.Eval("lambda o: o").Call(py, obj);
            Assert.Equal(before + 1, obj.RefCount(py));
            bool heldInside = py.AllowThreads(extra, static e =>
            {
                e.Dispose();   // no GIL here: queued
                return Python.IsGilHeld;
            });
            Assert.False(heldInside);
            Assert.Equal(before + 1, obj.RefCount(py));
            Assert.True(PyRef.PendingReleases >= 1);
            using (Python.Acquire()) { }
            Assert.Equal(before, obj.RefCount(py));
            obj.Dispose();
        });
    }
}
