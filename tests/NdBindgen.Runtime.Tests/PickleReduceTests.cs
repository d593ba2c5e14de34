using NdBindgen.Classes;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// PyReduce, what a generated __reduce__ returns, over instances of Python classes standing for a [PyClass]
/// (A) and a Python subclass of it (B): the tuple's shape, the state, and that every reference it took is
/// handed over or released, also when a value fails midway.
/// </summary>
[Collection(nameof(PendingReleases))]
public unsafe class PickleReduceTests
{
    private const string Classes = "class A:\n    __slots__ = ('__weakref__',)\n"
        + "class B(A):\n    pass\n"
        + "class C(A):\n    __slots__ = ('s', 't')\n";

    private static string Reduce(string self, string state, bool userGetState = false, bool fail = false)
    {
        string outcome = "";
        Run(() =>
        {
            PyObject* o = Eval(self, Classes + "a = A(); b = B(); b.tag = 1; c = C(); c.s = 2\n"
                + "class G(A):\n    def __getstate__(self): return 'mine'\ng = G()\n");
            // A, the class standing for the [PyClass]: the last before object in o's MRO.
            PyObject* mro = PyObject_GetAttrString((PyObject*)Py_TYPE(o), Utf8.Z("__mro__"u8));
            PyTypeObject* root = (PyTypeObject*)PyTuple_GET_ITEM(mro, PyTuple_GET_SIZE(mro) - 2);
            string[] names = state.Length == 0 ? [] : state.Split(',');
            var how = new PyPickling(2, names, userGetState);
            var reduce = new PyReduce(o, 0, null, how);
            try
            {
                reduce.Arg(0, Conversions.Floats.FromDouble(1.5));
                if (fail)
                {
                    PyErr_SetString(Builtins.ValueError, Utf8.Z("conversion failed"u8));
                    reduce.Arg(1, null);
                }
                reduce.Arg(1, Conversions.Strings.FromString("two"));
                for (int i = 0; i < names.Length; i++) reduce.State(i, Conversions.Ints.FromInt64(10 + i));
                PyObject* result = reduce.Finish(root);
                outcome = Str(result).Replace("<function __newobj__ at ", "<__newobj__ ");
                outcome = System.Text.RegularExpressions.Regex.Replace(outcome, "0x[0-9a-f]+>", ">");
                Py_DECREF(result);
            }
            catch (PythonException e)
            {
                outcome = $"{e.PythonTypeName}: {e.Message}";
            }
            finally
            {
                reduce.Dispose();
            }
            Py_DECREF(mro);
            Py_DECREF(o);
        });
        return outcome;
    }

    [Theory]
    [InlineData("a", "", false, "(<class 'A'>, (1.5, 'two'))")]
    [InlineData("a", "label,rank", false, "(<class 'A'>, (1.5, 'two'), (None, {'label': 10, 'rank': 11}))")]
    [InlineData("b", "", false, "(<__newobj__ >, (<class 'B'>, 1.5, 'two'), {'tag': 1})")]
    [InlineData("b", "label", false, "(<__newobj__ >, (<class 'B'>, 1.5, 'two'), ({'tag': 1}, {'label': 10}))")]
    [InlineData("c", "", false, "(<__newobj__ >, (<class 'C'>, 1.5, 'two'), (None, {'s': 2}))")]
    [InlineData("g", "label", false, "(<__newobj__ >, (<class 'G'>, 1.5, 'two'), 'mine')")]
    [InlineData("g", "label", true, "(<__newobj__ >, (<class 'G'>, 1.5, 'two'), 'mine')")]
    public void TheTupleIsTheTypeTheArgumentsAndTheState(string self, string state, bool userGetState,
        string expected) =>
        Assert.Equal(expected, Reduce(self, state, userGetState));

    [Fact]
    public void AFailedValueRaisesItsError() =>
        Assert.Equal("ValueError: conversion failed", Reduce("a", "label", fail: true));

    [Fact]
    public void KeywordOnlyArgumentsGoByName()
    {
        string outcome = "";
        Run(() =>
        {
            PyObject* o = Eval("a", Classes + "a = A()\n");
            var reduce = new PyReduce(o, 0, null, new PyPickling(1, ["note"], false, keywords: ["unit"]));
            try
            {
                reduce.Arg(0, Conversions.Floats.FromDouble(1.5));
                reduce.Keyword(0, Conversions.Strings.FromString("km"));
                reduce.State(0, Conversions.Strings.FromString("n"));
                PyObject* result = reduce.Finish(Py_TYPE(o));
                outcome = System.Text.RegularExpressions.Regex.Replace(Str(result), "<function (\\w+) at 0x[0-9a-f]+>",
                    "<$1>");
                Py_DECREF(result);
            }
            finally
            {
                reduce.Dispose();
            }
            Py_DECREF(o);
        });
        Assert.Equal("(<__newobj_ex__>, (<class 'A'>, (1.5,), {'unit': 'km'}), (None, {'note': 'n'}))", outcome);
    }

    [Fact]
    public void ArgumentsAreRefused()
    {
        string outcome = "";
        Run(() =>
        {
            PyObject* o = Eval("object()");
            try
            {
                var reduce = new PyReduce(o, 1, null, new PyPickling(0, [], false));
                reduce.Dispose();
            }
            catch (PythonException e)
            {
                outcome = $"{e.PythonTypeName}: {e.Message}";
            }
            Py_DECREF(o);
        });
        Assert.Equal("TypeError: __reduce__() takes no arguments", outcome);
    }

    [Fact]
    public void RefusalNamesTheTypeAsPythonDoes()
    {
        string outcome = "";
        Run(() =>
        {
            PyObject* o = Eval("object()");
            var e = Assert.Throws<PythonException>(() => PyReduce.Refuse(o, "its constructor parameter 'p' has no "
                + "property to read it back from"));
            outcome = $"{e.PythonTypeName}: {e.Message}";
            Py_DECREF(o);
        });
        Assert.Equal("TypeError: cannot pickle 'object' object: its constructor parameter 'p' has no property to read "
            + "it back from", outcome);
    }

    [Fact]
    public void ValuesHandedOverAreOwnedByTheResultAndReleasedWithIt()
    {
        Run(() =>
        {
            PyObject* value = Eval("[1, 2]");
            PyObject* o = Eval("a", Classes + "a = A()\n");
            PyTypeObject* type = Py_TYPE(o);
            nint before = value->ob_refcnt;
            var reduce = new PyReduce(o, 0, null, new PyPickling(1, ["items"], false));
            try
            {
                Py_INCREF(value);
                reduce.Arg(0, value);
                Py_INCREF(value);
                reduce.State(0, value);
                PyObject* result = reduce.Finish(type);
                Assert.Equal(before + 2, value->ob_refcnt);
                Py_DECREF(result);
            }
            finally
            {
                reduce.Dispose();
            }
            Assert.Equal(before, value->ob_refcnt);
            // Not finished: Dispose releases what was given.
            var unfinished = new PyReduce(o, 0, null, new PyPickling(1, ["items"], false));
            Py_INCREF(value);
            unfinished.Arg(0, value);
            Py_INCREF(value);
            unfinished.State(0, value);
            unfinished.Dispose();
            Assert.Equal(before, value->ob_refcnt);
            Py_DECREF(o);
            Py_DECREF(value);
        });
    }
}
