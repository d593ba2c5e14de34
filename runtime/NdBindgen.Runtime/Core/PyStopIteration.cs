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

    /// <summary>The iteration is over with this value (None when null).</summary>
    public PyStopIteration(PyRef? value) : this((object?)PyErrors.OwnReference(value)) { }

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

    /// <summary>(value,), or () when there is none.</summary>
    private protected override unsafe PyObject* NewArguments() =>
        _hasValue ? PyErrors.OneArgument(NewValue()) : PyTuple_New(0);

    private unsafe PyObject* NewValue() => _value switch
    {
        PyRef { IsAlive: true } r => r.Detach(),   // the reference goes to Python with the exception
        PyRef => Py_NewRef(Builtins.None),
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
