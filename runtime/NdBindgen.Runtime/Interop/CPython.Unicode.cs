using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/unicodeobject.h
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern byte* PyUnicode_AsUTF8AndSize(PyObject* o, nint* size);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern nint PyUnicode_GetLength(PyObject* unicode);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyUnicode_FromStringAndSize(byte* s, nint size);

    // A leaf (see CPython.Number.cs): a str is not GC-tracked, and filling it is the caller's work.
    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern PyObject* PyUnicode_New(nint size, uint maxchar);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyUnicode_InternFromString(byte* s);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyUnicode_Compare(PyObject* a, PyObject* b);
}

internal static unsafe partial class CPython
{
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyUnicode_Join(PyObject* separator, PyObject* items);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyUnicode_Concat(PyObject* left, PyObject* right);
}
