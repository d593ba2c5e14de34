using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Core;

/// <summary>
/// How .NET exceptions become Python exceptions: one table, most specific type first.
/// Anything not in the table is a RuntimeError that names the .NET type.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PyErrors
{
    /// <summary>The mapping, in the order it is tried (first match wins).</summary>
    internal static PyObject* PythonTypeFor(Exception e) => e switch
    {
        KeyNotFoundException => Builtins.KeyError,
        IndexOutOfRangeException => Builtins.IndexError,
        ArgumentException => Builtins.ValueError,           // includes ArgumentOutOfRange/ArgumentNull
        OverflowException => Builtins.OverflowError,
        DivideByZeroException => Builtins.ZeroDivisionError,
        NotImplementedException => Builtins.NotImplementedError,
        OutOfMemoryException => Builtins.MemoryError,
        InsufficientExecutionStackException => Builtins.RecursionError,
        PythonInterruptedException => Builtins.KeyboardInterrupt,
        _ => Builtins.RuntimeError,
    };

    /// <summary>The Python message for a .NET exception: its message, prefixed by the .NET type when unmapped.</summary>
    internal static string MessageFor(Exception e, PyObject* pythonType) =>
        pythonType == Builtins.RuntimeError && e is not PythonException
            ? $"{e.GetType().FullName}: {e.Message}"
            : e.Message;

    /// <summary>
    /// Turns an exception that reached an entry point from Python into the Python error indicator,
    /// and returns NULL for the entry point to return. Never throws.
    /// </summary>
    public static PyObject* Raise(Exception e)
    {
        try
        {
            if (e is PythonException pe)
            {
                pe.Restore();
                return null;
            }
            PyObject* type = PythonTypeFor(e);
            SetString(type, MessageFor(e, type));
        }
        catch
        {
            // Building the message failed (out of memory): still leave an error set.
            PyErr_SetString(Builtins.MemoryError, Utf8.Z("NdBindgen: failed to convert a .NET exception"u8));
        }
        return null;
    }

    /// <summary>As <see cref="Raise(Exception)"/>, for entry points that return an int status.</summary>
    public static int RaiseStatus(Exception e)
    {
        Raise(e);
        return -1;
    }

    /// <summary>Sets the error indicator to <paramref name="type"/>(<paramref name="message"/>), the whole message (NULs included).</summary>
    internal static void SetString(PyObject* type, string message)
    {
        PyObject* text = Utf8.NewStr(message);   // a str of its own: a C string would end at a NUL
        PyErr_SetObject(type, text);
        Py_DECREF(text);
    }
}
