using System;
using System.Collections.Generic;
using NdBindgen.Binding;
using NdBindgen.Conversions;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.Converters;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// Callbacks over converter structs, as generated code makes them (<c>Callbacks.ToFunc&lt;T1, TResult, C1, CR&gt;</c>):
/// arguments and result by their rows, a bad result named by the callback and its place, references released.
/// </summary>
public unsafe class CallbackConversionTests
{
    private static readonly PySignature Sig = new("apply", ["f", "x"], required: 2);

    private struct Refused : IPyConverter<int>
    {
        public static string PythonType => "int";
        public static int FromPython(PyObject* o, PySignature sig, int index) => throw new NotSupportedException();
        public static PyObject* ToPython(int value) =>
            throw new PythonException(Core.Builtins.ValueError, "refused " + value);
    }

    private delegate TDelegate Maker<TDelegate>(PyObject* callable);

    /// <summary>Makes a delegate of the Python callable <paramref name="expression"/>, calls it, returns what came back or the error.</summary>
    private static string Call<TDelegate>(string expression, Maker<TDelegate> make, Func<TDelegate, string> call)
        where TDelegate : Delegate
    {
        string result = "";
        Run(() =>
        {
            PyObject* o = Eval(expression);
            TDelegate f = make(o);
            try
            {
                result = call(f);
            }
            catch (PythonException e)
            {
                result = $"{e.PythonTypeName}: {e.Message}";
            }
            finally
            {
                Callbacks.Release(f);
                Py_DECREF(o);
            }
        });
        return result;
    }

    [Theory]
    [InlineData("lambda xs: [x * 2 for x in xs]", "2,4")]
    [InlineData("lambda xs: (1, 2.5)", "1,2.5")]
    [InlineData("lambda xs: 3", "TypeError: callback passed as 'f' of apply returned int, expected a sequence of float")]
    [InlineData("lambda xs: [1.0, 'a']", "TypeError: the result[1] of the callback passed as 'f' of apply must be float, not str")]
    [InlineData("lambda xs: 1 / 0", "ZeroDivisionError: division by zero")]
    public void A_list_both_ways(string callable, string expected) =>
        Assert.Equal(expected,
            Call(callable, o => Callbacks.ToFunc<List<double>, List<double>, Float64List, Float64List>(o, Sig, 0),
                f => string.Join(",", f([1.0, 2.0]))));

    private struct Nested : IPyConverter<List<List<double>>>
    {
        public static string PythonType => "list[list[float]]";
        public static List<List<double>> FromPython(PyObject* o, PySignature sig, int index) =>
            Sequences.ToList<List<double>, Float64List>(o, sig, index);
        public static PyObject* ToPython(List<List<double>> value) =>
            Sequences.FromList<List<double>, Float64List>(value);
    }

    [Theory]
    [InlineData("lambda: [[1.0], [2.0, 3.0]]", "2")]
    [InlineData("lambda: [[1.0], [2.0, None]]", "TypeError: the result[1][1] of the callback passed as 'f' of apply must be float, not None")]
    [InlineData("lambda: [[1.0], 5]", "TypeError: the result[1] of the callback passed as 'f' of apply must be a sequence of float, not int")]
    public void A_nested_result_names_its_place_outside_in(string callable, string expected) =>
        Assert.Equal(expected, Call(callable, o => Callbacks.ToFunc<List<List<double>>, Nested>(o, Sig, 0),
            f => f().Count.ToString()));

    private const string Recorder =
        "class Recorder:\n    def __init__(self): self.calls = []\n    def __call__(self, *a): self.calls.append(a)\n"
        + "    def __str__(self): return str(self.calls)\n";

    [Fact]
    public void Actions_of_no_and_four_arguments_pass_them_in_order()
    {
        Run(() =>
        {
            PyObject* recorder = Eval("Recorder()", Recorder);
            Action none = Callbacks.ToAction(recorder, Sig, 0);
            Action<string, double, string, double> four =
                Callbacks.ToAction<string, double, string, double, Str, Float64, Str, Float64>(recorder, Sig, 0);
            none();
            four("a", 1.5, "b", 2.0);
            Assert.Equal("[(), ('a', 1.5, 'b', 2.0)]", Str(recorder));
            Callbacks.Release(four);
            Assert.Throws<ObjectDisposedException>(() => four("a", 1, "b", 2));
            Callbacks.Release(none);
            Py_DECREF(recorder);
        });
    }

    /// <summary>Passes an object as it is: a new reference to the very object, to count.</summary>
    private struct Same : IPyConverter<nint>
    {
        public static string PythonType => "object";
        public static nint FromPython(PyObject* o, PySignature sig, int index) => (nint)o;
        public static PyObject* ToPython(nint value) => Py_NewRef((PyObject*)value);
    }

    [Fact]
    public void An_argument_list_that_fails_half_built_releases_what_it_made()
    {
        Run(() =>
        {
            PyObject* f = Eval("lambda a, b, c: None");
            PyObject* thing = Eval("object()");
            var call = Callbacks.ToFunc<nint, nint, int, double, Same, Same, Refused, Float64>(f, Sig, 0);
            nint before = thing->ob_refcnt;
            var e = Assert.Throws<PythonException>(() => call((nint)thing, (nint)thing, 7));
            Assert.Equal("refused 7", e.Message);
            Assert.Equal(before, thing->ob_refcnt);
            Callbacks.Release(call);
            Py_DECREF(thing);
            Py_DECREF(f);
        });
    }

    [Fact]
    public void Arguments_and_result_are_released_after_a_call()
    {
        Run(() =>
        {
            PyObject* f = Eval("lambda a, b: a");
            PyObject* thing = Eval("object()");
            var call = Callbacks.ToFunc<nint, nint, nint, Same, Same, Same>(f, Sig, 0);
            nint before = thing->ob_refcnt;
            for (int i = 0; i < 10; i++) Assert.Equal((nint)thing, call((nint)thing, (nint)thing));
            Assert.Equal(before, thing->ob_refcnt);
            Callbacks.Release(call);
            Py_DECREF(thing);
            Py_DECREF(f);
        });
    }
}
