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
}
