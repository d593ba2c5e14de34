using System;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>
/// A Python exception in .NET clothing. Either it carries a Python exception fetched from the
/// interpreter (raised by Python code or a C API call) — and if it propagates back to Python,
/// Python sees that very exception object again, traceback and <c>__cause__</c> intact — or it
/// names a Python exception type and a message to raise.
/// </summary>
public sealed unsafe partial class PythonException : Exception
{
    // Owned while the exception is in .NET (PyRef: released with the GIL, or queued without it);
    // handed back to the interpreter when raised (TakeObject).
    private PyRef? _type, _value, _traceback;
    private string? _tracebackText;

    /// <param name="type">A class the runtime keeps for the life of the process: a built-in or a registered one.</param>
    internal PythonException(PyObject* type, string message) : base(message)
    {
        _type = PyRef.OwnUntracked(Py_NewRef(type));
        PythonTypeName = Utf8.FromC(((PyTypeObject*)type)->tp_name);
    }

    private PythonException(PyRef type, PyRef? value, PyRef? traceback, string message) : base(message)
    {
        _type = type;
        _value = value;
        _traceback = traceback;
    }

    /// <summary>The Python type name of the exception, e.g. "ValueError".</summary>
    public string PythonTypeName { get; private set; } = "";

    /// <summary>
    /// The Python traceback as <c>traceback.format_exception</c> writes it ("" when the exception
    /// never ran through Python code). Formatted on first use, taking the GIL if needed.
    /// </summary>
    public string PythonTraceback
    {
        get
        {
            if (_tracebackText is null && _type is { IsAlive: true } && _traceback is { IsAlive: true })
            {
                using GilGuard gil = Python.Acquire();
                _tracebackText = FormatTraceback(_type.Handle, _value is { IsAlive: true } ? _value.Handle : null, _traceback.Handle);
            }
            return _tracebackText ?? "";
        }
    }

    /// <summary>The exception object (a new reference), or null before it was ever raised in Python.</summary>
    public PyRef? Value => _value is { IsAlive: true } v ? PyRef.FromBorrowed(v.Handle) : null;

    /// <summary>
    /// Whether this is an instance of the Python class <typeparamref name="T"/> raises (a subclass counts), as
    /// <c>except</c> decides: <c>catch (PythonException e) when (e.Matches&lt;PyKeyError&gt;())</c>, a
    /// <c>[PyException]</c> class of the module, <c>Matches&lt;ArgumentException&gt;()</c> for ValueError,
    /// <c>Matches&lt;Exception&gt;()</c> for Exception. With the GIL held.
    /// </summary>
    public unsafe bool Matches<T>() where T : Exception =>
        _type is { IsAlive: true } t
        && PyType_IsSubtype((PyTypeObject*)t.Handle, (PyTypeObject*)PyErrors.PythonTypeOf(typeof(T))) != 0;

    /// <summary>Takes the interpreter's current error (the GIL is held) into a .NET exception.</summary>
    internal static PythonException Fetch()
    {
        PyObject* type, value, tb;
        PyErr_Fetch(&type, &value, &tb);
        if (type == null)
            return new PythonException(Builtins.RuntimeError, "a Python C API call failed without setting an exception") { PythonTypeName = "RuntimeError" };
        PyErr_NormalizeException(&type, &value, &tb);
        // The object carries its traceback from now on (before 3.12 the indicator's may be newer).
        if (value != null && tb != null) PyException_SetTraceback(value, tb);
        string message = value == null ? "" : Text(PyObject_Str(value));
        return new PythonException(PyRef.OwnUntracked(type), value == null ? null : PyRef.OwnUntracked(value), tb == null ? null : PyRef.OwnUntracked(tb), message)
        {
            PythonTypeName = Utf8.FromC(((PyTypeObject*)type)->tp_name),
        };
    }

    /// <summary>Whether this is a type and a message not yet raised in Python (a conversion's own error).</summary>
    internal bool IsMessageOnly => _value is null && _traceback is null && _type is { IsAlive: true };

    /// <summary>The same Python exception type with another message; this one's reference is released.</summary>
    internal PythonException WithMessage(string message)
    {
        var relabeled = new PythonException(_type!.Handle, message) { PythonTypeName = PythonTypeName };
        _type.Dispose();
        _type = null;
        return relabeled;
    }

    /// <summary>
    /// The Python exception object (a new reference; NULL with an error set): the one Python raised, or,
    /// for a type and a message not raised yet, a new instance. The GIL is held.
    /// <para>
    /// Called as the exception goes back to Python: the object Python raised is handed over, not copied, and
    /// its traceback is released too, so .NET no longer keeps it (and the frames its traceback holds) alive until
    /// a finalizer runs; raised again, the exception is a new object of the same type and message, and
    /// <see cref="Value"/> and <see cref="PythonTraceback"/> (unless read before) are empty.
    /// </para>
    /// </summary>
    internal PyObject* TakeObject()
    {
        if (_value is { IsAlive: true } v)
        {
            _traceback?.Dispose();
            _type?.Dispose();   // raised again: a RuntimeError with the message (the class may be gone by then)
            return v.Detach();
        }
        PyObject* type = _type is { IsAlive: true } t ? t.Handle : _raisedType != 0 ? (PyObject*)_raisedType : Builtins.RuntimeError;
        PyObject* args = PyErrors.MessageArguments(Message);
        if (args == null) return null;
        PyObject* exception = PyObject_Call(type, args, null);
        Py_DECREF(args);
        if (_type is { IsAlive: true } owned)
        {
            // A type and a message: the type is a class the runtime keeps for the life of the process (a built-in
            // or a registered one), so its reference is released now, not by a finalizer, and the pointer kept.
            _raisedType = (nint)owned.Handle;
            owned.Dispose();
        }
        return exception;
    }

    private nint _raisedType;   // the type of a message-only exception once raised (see TakeObject)

    private static string Text(PyObject* s)
    {
        if (s == null)
        {
            PyErr_Clear();
            return "";
        }
        string text = Utf8.FromStr(s) ?? "";
        if (text.Length == 0) PyErr_Clear();
        Py_DECREF(s);
        return text;
    }

    /// <summary>traceback.format_exception(type, value, tb), joined; "" if formatting itself fails.</summary>
    private static string? FormatTraceback(PyObject* type, PyObject* value, PyObject* tb)
    {
        PyObject* module = PyImport_ImportModule(Utf8.Z("traceback"u8));
        if (module == null)
        {
            PyErr_Clear();
            return null;
        }
        try
        {
            PyObject* format = PyObject_GetAttrString(module, Utf8.Z("format_exception"u8));
            if (format == null)
            {
                PyErr_Clear();
                return null;
            }
            PyObject** argv = stackalloc PyObject*[4];
            argv[1] = type;
            argv[2] = value == null ? Builtins.None : value;
            argv[3] = tb;
            PyObject* lines = PyObject_VectorcallDict(format, argv + 1, 3 | unchecked((nuint)PyConst.PY_VECTORCALL_ARGUMENTS_OFFSET), null);
            Py_DECREF(format);
            if (lines == null)
            {
                PyErr_Clear();
                return null;
            }
            PyObject* empty = PyUnicode_FromString(Utf8.Z(""u8));
            PyObject* joined = empty == null ? null : PyUnicode_Join(empty, lines);
            Py_XDECREF(empty);
            Py_DECREF(lines);
            return Text(joined);
        }
        finally
        {
            Py_DECREF(module);
        }
    }
}
