using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/cpython/abstract.h (buffer protocol), pycapsule.h
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyObject_GetBuffer(PyObject* exporter, Py_buffer* view, int flags);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyBuffer_Release(Py_buffer* view);

    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern int PyObject_CheckBuffer(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyCapsule_New(void* pointer, byte* name, delegate* unmanaged<PyObject*, void> destructor);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void* PyCapsule_GetPointer(PyObject* capsule, byte* name);
}
