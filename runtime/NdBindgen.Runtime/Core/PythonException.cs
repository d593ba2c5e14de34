using System;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>
/// A Python exception in .NET clothing. Either it carries a Python exception fetched from the
/// interpreter (raised by a C API call) and hands the very same object back when it returns to
/// Python, or it names a Python exception type and a message to raise.
/// </summary>
public sealed unsafe class PythonException : Exception
{
    // Owned references while the exception is in .NET; given back to the interpreter by Restore.
    private PyObject* _type, _value, _traceback;

    internal PythonException(PyObject* type, string message) : base(message)
    {
        Py_INCREF(type);
        _type = type;
    }

    private PythonException(PyObject* type, PyObject* value, PyObject* traceback, string message)
        : base(message)
    {
        _type = type;
        _value = value;
        _traceback = traceback;
    }

    /// <summary>The Python type name of the exception, e.g. "ValueError".</summary>
    public string PythonTypeName => _type == null ? "" : Core.Utf8.FromC(((PyTypeObject*)_type)->tp_name);

    /// <summary>Takes the interpreter's current error (the GIL is held) into a .NET exception.</summary>
    internal static PythonException Fetch()
    {
        PyObject* type, value, tb;
        PyErr_Fetch(&type, &value, &tb);
        if (type == null)
            return new PythonException(Core.Py.RuntimeError, "a Python C API call failed without setting an exception");
        PyErr_NormalizeException(&type, &value, &tb);
        string message = "";
        if (value != null)
        {
            PyObject* s = PyObject_Str(value);
            if (s != null)
            {
                message = Conversions.Strings.ToManaged(s) ?? "";
                Py_DECREF(s);
            }
            else
            {
                PyErr_Clear();
            }
        }
        return new PythonException(type, value, tb, message);
    }

    /// <summary>Sets the interpreter's error indicator from this exception. Call once, with the GIL held.</summary>
    internal void Restore()
    {
        if (_value != null || _traceback != null)
        {
            PyErr_Restore(_type, _value, _traceback);
            _type = _value = _traceback = null;
        }
        else if (_type != null)
        {
            Core.PyErrors.SetString(_type, Message);
            Py_DECREF(_type);
            _type = null;
        }
        else
        {
            Core.PyErrors.SetString(Core.Py.RuntimeError, Message);
        }
    }
}
