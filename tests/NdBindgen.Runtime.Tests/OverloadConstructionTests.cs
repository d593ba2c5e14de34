using System.Runtime.InteropServices;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// PyOverloads.NewFromTupleDict: tp_new of a class with several constructors hands its (tuple, dict)
/// to the vectorcall-shaped dispatcher as a vectorcall would, and releases the keyword names it made.
/// </summary>
public unsafe class OverloadConstructionTests
{
    private static string s_seen = "";
    private static PyObject* s_kwnames;

    /// <summary>A stand-in dispatcher: writes down what it was handed and keeps the keyword-name tuple to check its count.</summary>
    [UnmanagedCallersOnly]
    private static PyObject* Record(PyObject* self, PyObject** args, nint nargsf, PyObject* kwnames)
    {
        try
        {
            nint nkw = kwnames == null ? 0 : PyTuple_GET_SIZE(kwnames);
            var values = new List<string>();
            for (nint i = 0; i < nargsf + nkw; i++) values.Add(Str(args[i]));
            s_seen = $"{Str(self)} {nargsf} [{string.Join(", ", values)}] {(kwnames == null ? "no keywords" : Str(kwnames))}";
            s_kwnames = kwnames;
            if (kwnames != null) Py_INCREF(kwnames);
            return Conversions.Args.None();
        }
        catch (Exception e)
        {
            s_seen = e.ToString();
            return null;
        }
    }

    private static string Call(string args, string? kwargs)
    {
        string seen = "";
        Run(() =>
        {
            PyObject* type = Eval("int");
            PyObject* tuple = Eval(args);
            PyObject* dict = kwargs is null ? null : Eval(kwargs);
            s_kwnames = null;
            PyObject* result = PyOverloads.NewFromTupleDict(&Record, (PyTypeObject*)type, tuple, dict);
            Assert.True(result != null, s_seen);
            seen = s_seen;
            if (s_kwnames != null)
            {
                Assert.Equal(1, s_kwnames->ob_refcnt);   // only the reference the stand-in took: the helper released its own
                Py_DECREF(s_kwnames);
            }
            Py_DECREF(result);
            Py_XDECREF(dict);
            Py_DECREF(tuple);
            Py_DECREF(type);
        });
        return seen;
    }

    [Fact]
    public void PositionalOnlyPassesTheTuplesItemsAndNoNames() =>
        Assert.Equal("<class 'int'> 2 [1, two] no keywords", Call("(1, 'two')", null));

    [Fact]
    public void AnEmptyDictIsNoKeywords() =>
        Assert.Equal("<class 'int'> 0 [] no keywords", Call("()", "{}"));

    [Fact]
    public void KeywordValuesFollowThePositionalOnesWithTheirNamesInATuple() =>
        Assert.Equal("<class 'int'> 1 [1, 3.5, None] ('a', 'b')", Call("(1,)", "{'a': 3.5, 'b': None}"));

    [Fact]
    public void ManyArgumentsAreLaidOutBeyondTheStackBuffer() =>
        Assert.Equal($"<class 'int'> 20 [{string.Join(", ", Enumerable.Range(0, 20))}, x, y] ('k1', 'k2')",
            Call("tuple(range(20))", "{'k1': 'x', 'k2': 'y'}"));
}
