using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/pyerrors.h
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyErr_SetString(PyObject* type, byte* message);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyErr_SetObject(PyObject* type, PyObject* value);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyErr_Occurred();

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyErr_ExceptionMatches(PyObject* type);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyErr_Fetch(PyObject** type, PyObject** value, PyObject** traceback);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyErr_Restore(PyObject* type, PyObject* value, PyObject* traceback);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyErr_NormalizeException(PyObject** type, PyObject** value, PyObject** traceback);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyErr_Clear();

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyErr_WriteUnraisable(PyObject* obj);

    // Exception classes, objects and warnings (all in the stable ABI since 3.2).
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyErr_NewExceptionWithDoc(byte* name, byte* doc, PyObject* @base, PyObject* dict);

    /// <summary>Steals <paramref name="cause"/> (may be NULL); sets <c>__suppress_context__</c>.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyException_SetCause(PyObject* exception, PyObject* cause);

    /// <summary>A new reference, or NULL without an error when there is none.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyException_GetCause(PyObject* exception);

    /// <summary>A new reference, or NULL without an error when there is none.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyException_GetTraceback(PyObject* exception);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyException_SetTraceback(PyObject* exception, PyObject* traceback);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyErr_WarnEx(PyObject* category, byte* message, nint stackLevel);
}
