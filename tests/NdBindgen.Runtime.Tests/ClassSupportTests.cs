using NdBindgen.Binding;
using NdBindgen.Classes;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>Runtime pieces classes use: tuple/dict binding, attribute messages, PyRef ownership, PyFormat.</summary>
/// <remarks>
/// Not in parallel with other classes: a finalized PyRef's release waits in a queue that any GIL
/// acquisition (Python.Acquire, PyInstance.New) drains, and the finalizer test counts it in between.
/// </remarks>
[Collection(nameof(PendingReleases))]
public unsafe class ClassSupportTests
{
    private static string BindTupleDict(string args, string kwargs)
    {
        var sig = new PySignature("Point", ["x", "y"], required: 1);
        string outcome = "";
        Run(() =>
        {
            PyObject* a = Eval(args), k = Eval(kwargs);
            PyObject** slots = stackalloc PyObject*[2];
            try
            {
                PyObject** bound = sig.BindTupleDict(a, k == Core.Builtins.None ? null : k, slots);
                outcome = string.Join(",", Enumerable.Range(0, 2).Select(i => bound[i] == null ? "-" : Str(bound[i])));
            }
            catch (PythonException e)
            {
                outcome = $"{e.PythonTypeName}: {e.Message}";
            }
            Py_DECREF(a);
            Py_DECREF(k);
        });
        return outcome;
    }

    [Theory]
    [InlineData("(1, 2)", "None", "1,2")]
    [InlineData("(1,)", "{'y': 5}", "1,5")]
    [InlineData("()", "{'x': 3}", "3,-")]
    [InlineData("()", "None", "TypeError: Point() missing 1 required positional argument: 'x'")]
    [InlineData("(1, 2, 3)", "None", "TypeError: Point() takes from 1 to 2 positional arguments but 3 were given")]
    [InlineData("(1,)", "{'x': 2}", "TypeError: Point() got multiple values for argument 'x'")]
    [InlineData("(1,)", "{'z': 2}", "TypeError: Point() got an unexpected keyword argument 'z'")]
    public void ConstructorArgumentsBindLikeCalls(string args, string kwargs, string expected) =>
        Assert.Equal(expected, BindTupleDict(args, kwargs));

    [Fact]
    public void AttributeMessagesNameTheTypeAndAttribute()
    {
        Run(() =>
        {
            var sig = PySignature.ForAttribute("Point", "x");
            var text = Eval("'a'");
            var e = Assert.Throws<PythonException>(() => Conversions.Floats.ToDouble(text, sig, 0));
            Assert.Equal("'Point' attribute 'x' must be float, not str", e.Message);
            Py_DECREF(text);
        });
    }

    [Fact]
    public void PyRefOwnsOneReferenceAndReleasesItOnDispose()
    {
        Run(() =>
        {
            PyObject* o = Eval("object()");
            nint before = o->ob_refcnt;
            var reference = PyRef.FromBorrowed(o);
            Assert.Equal(before + 1, o->ob_refcnt);
            reference.Dispose();
            Assert.Equal(before, o->ob_refcnt);
            Assert.False(reference.IsAlive);
            Assert.Throws<ObjectDisposedException>(() => (nint)reference.Handle);
            reference.Dispose();   // twice is harmless
            Assert.Equal(before, o->ob_refcnt);
            Py_DECREF(o);
        });
    }

    [Fact]
    public void AFinalizedPyRefIsReleasedLaterWithTheGil()
    {
        PyObject* o = null;
        nint before = 0;
        Run(() =>
        {
            o = Eval("[]");
            before = o->ob_refcnt;
            MakeGarbage(o);
        });
        GC.Collect();
        GC.WaitForPendingFinalizers();   // the finalizer only queues: no GIL on that thread
        Run(() =>
        {
            Assert.Equal(before + 1, o->ob_refcnt);
            PyRef.ReleasePending();
            Assert.Equal(before, o->ob_refcnt);
            Py_DECREF(o);
        });
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void MakeGarbage(PyObject* o) => _ = PyRef.FromBorrowed(o);

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e20, "1e+20")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(9999999999999998.0, "9999999999999998.0")]
    [InlineData(123456789012345680.0, "1.2345678901234568e+17")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00012345, "0.00012345")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(-1234.5, "-1234.5")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "nan")]
    public void FloatsPrintAsPythonReprDoes(double value, string expected) =>
        Assert.Equal(expected, PyFormat.Float(value));
}

/// <summary>Tests that watch the queue of releases finalizers left: run with no other test class beside them.</summary>
[CollectionDefinition(nameof(PendingReleases), DisableParallelization = true)]
public sealed class PendingReleases;
