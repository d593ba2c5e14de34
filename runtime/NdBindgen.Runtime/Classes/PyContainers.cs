using System;
using System.ComponentModel;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Classes;

/// <summary>
/// What generated container, iterator and context-manager slots share: slices as keys, KeyError with
/// the key, the end of an own <c>__next__</c>, and the argument checks of a generated <c>with</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PyContainers
{
    /// <summary>Whether the key is a slice (<c>obj[a:b:c]</c>; slice cannot be subclassed).</summary>
    public static bool IsSlice(PyObject* key) => Py_TYPE(key) == Builtins.SliceType;

    /// <summary>A slice key as the runtime's <see cref="PySlice"/> (PySlice_Unpack's rules for its bounds).</summary>
    public static PySlice ToSlice(PyObject* key)
    {
        var s = (PySliceObject*)key;
        long? step = Bound(s->step);
        if (step == 0) throw new PythonException(Builtins.ValueError, "slice step cannot be zero");
        return new PySlice(Bound(s->start), Bound(s->stop), step);
    }

    /// <summary>
    /// A slice key as a C# <see cref="Range"/> (for a <c>this[Range]</c> indexer): of step 1 only; against
    /// <paramref name="length"/> when the class has one (-1: none, negative bounds count from the end).
    /// </summary>
    public static Range ToRange(PyObject* key, long length, string typeName)
    {
        PySlice slice = ToSlice(key);
        if (slice.Step != 1)
            throw new PythonException(Builtins.ValueError, $"{typeName} slices take step 1 only (its C# indexer takes a "
                + $"Range), not {slice.Step}");
        if (length >= 0)
        {
            PySliceIndices i = slice.Indices(length);
            int start = (int)Math.Min(i.Start, int.MaxValue);
            return new Range(start, (int)Math.Min(Math.Max(i.Stop, i.Start), int.MaxValue));
        }
        return new Range(Index(slice.Start, Range.All.Start), Index(slice.Stop, Range.All.End));
    }

    private static Index Index(long? bound, Index omitted) => bound switch
    {
        null => omitted,
        < 0 => System.Index.FromEnd((int)Math.Min(-bound.Value, int.MaxValue)),
        _ => new Index((int)Math.Min(bound.Value, int.MaxValue)),
    };

    /// <summary>A bound as _PyEval_SliceIndex reads it: None, else any __index__, clamped.</summary>
    private static long? Bound(PyObject* o)
    {
        if (o == Builtins.None) return null;
        if (PyIndex_Check(o) == 0)
            throw new PythonException(Builtins.TypeError,
                $"slice indices must be integers or None or have an __index__ method, not {PyFormat.TypeName(o)}");
        nint value = PyNumber_AsSsize_t(o, null);
        if (value == -1 && PyErr_Occurred() != null) throw PythonException.Fetch();
        return value;
    }

    /// <summary>KeyError(key), as a dict raises it (the key itself is the exception's argument).</summary>
    public static Exception KeyError(PyObject* key)
    {
        PyObject* args = PyTuple_New(1);
        if (args == null) return PythonException.Fetch();
        PyTuple_SET_ITEM(args, 0, Py_NewRef(key));
        PyErr_SetObject(Builtins.KeyError, args);
        Py_DECREF(args);
        return PythonException.Fetch();
    }

    /// <summary>
    /// No key of any indexer's type: the TypeError Python's own containers raise (list indices must be
    /// integers or slices, not str).
    /// </summary>
    public static Exception BadKey(string typeName, string keyTypes, PyObject* key) =>
        new PythonException(Builtins.TypeError, $"{typeName} indices must be {keyTypes}, not {PyFormat.TypeName(key)}");

    /// <summary>Item assignment without a settable indexer: Python's own words for it.</summary>
    public static Exception CannotAssignItems(string typeName) =>
        new PythonException(Builtins.TypeError, $"'{typeName}' object does not support item assignment");

    /// <summary>tp_iter of an object that is its own iterator (it has <c>__next__</c>).</summary>
    public static PyObject* Self(PyObject* self) => Py_NewRef(self);

    /// <summary>tp_iternext's end: a <see cref="PyStopIteration"/> sets StopIteration (with its value); NULL.</summary>
    public static PyObject* Stop(PyStopIteration stop) => stop.Raise();

    /// <summary>A generated <c>__enter__</c>: no arguments; the object itself.</summary>
    public static PyObject* Enter(PyObject* self, nint nargs, PyObject* kwnames, string typeName)
    {
        nint given = nargs + (kwnames == null ? 0 : PyTuple_GET_SIZE(kwnames));
        if (given != 0)
            throw new PythonException(Builtins.TypeError, $"{typeName}.__enter__() takes no arguments ({given} given)");
        return Py_NewRef(self);
    }

    /// <summary>A generated <c>__exit__</c>: the three positional arguments <c>with</c> passes.</summary>
    public static void CheckExit(nint nargs, PyObject* kwnames, string typeName)
    {
        if (nargs != 3 || (kwnames != null && PyTuple_GET_SIZE(kwnames) != 0))
            throw new PythonException(Builtins.TypeError, $"{typeName}.__exit__() takes 3 positional arguments "
                + $"(exc_type, exc_value, traceback), {nargs + (kwnames == null ? 0 : PyTuple_GET_SIZE(kwnames))} given");
    }
}
