using System;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>
/// Ends an iteration: thrown by a <c>[PyMethod("__next__")]</c>, it is Python's <c>StopIteration</c>,
/// carrying <see cref="Value"/> when given (what a generator's <c>return value</c> carries, and
/// <c>yield from</c> evaluates to).
/// </summary>
public sealed class PyStopIteration : PyBaseException
{
    private readonly object? _value;
    private readonly bool _hasValue;

    /// <summary>The iteration is over; no value (StopIteration().value is None).</summary>
    public PyStopIteration() : base("StopIteration") { }

    /// <summary>
    /// The iteration is over with this value (None when null). The exception holds a reference of its own (the
    /// caller's may be released before it reaches Python) and hands it to Python when raised. Call it with the GIL held.
    /// </summary>
    public unsafe PyStopIteration(PyRef? value) : this((object?)(value is null ? null : PyRef.OwnUntracked(Py_NewRef(value.Handle)))) { }

    public PyStopIteration(long value) : this((object)value) { }

    public PyStopIteration(double value) : this((object)value) { }

    public PyStopIteration(string? value) : this((object?)value) { }

    public PyStopIteration(bool value) : this((object)value) { }

    private PyStopIteration(object? value) : base("StopIteration")
    {
        _value = value;
        _hasValue = true;
    }

    /// <summary>The value the iteration ends with: a PyRef, long, double, string or bool; null for None or none.</summary>
    public object? Value => _value;

    private protected override unsafe PyObject* PythonType => Builtins.StopIteration;

    /// <summary>(value,), or () when there is none.</summary>
    private protected override unsafe PyObject* NewArguments()
    {
        if (!_hasValue) return PyTuple_New(0);
        PyObject* value = NewValue();
        if (value == null) return null;
        PyObject* args = PyTuple_New(1);
        if (args == null)
        {
            Py_DECREF(value);
            return null;
        }
        PyTuple_SET_ITEM(args, 0, value);
        return args;
    }

    private unsafe PyObject* NewValue() => _value switch
    {
        PyRef { IsAlive: true } r => r.Detach(),   // handed over: raised again, the value is None
        long l => PyLong_FromLongLong(l),
        double d => PyFloat_FromDouble(d),
        string s => Utf8.NewStr(s),
        bool b => Py_NewRef(b ? Builtins.True : Builtins.False),
        _ => Py_NewRef(Builtins.None),
    };

    /// <summary>
    /// Sets StopIteration(value) (or nothing at all when there is no value: a NULL from tp_iternext with no
    /// error is the cheapest StopIteration) and returns NULL for tp_iternext to return.
    /// </summary>
    internal unsafe PyObject* Raise()
    {
        if (!_hasValue) return null;
        // StopIteration(value) made first, so a tuple or exception value is not taken for the arguments.
        PyObject* args = NewArguments();
        if (args == null) return null;
        PyObject* exception = PyObject_Call(Builtins.StopIteration, args, null);
        Py_DECREF(args);
        if (exception == null) return null;
        PyErr_SetObject(Builtins.StopIteration, exception);
        Py_DECREF(exception);
        return null;
    }
}
