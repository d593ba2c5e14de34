using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/cpython/abstract.h (buffer protocol), pycapsule.h
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyObject_GetBuffer(PyObject* exporter, Py_buffer* view, int flags);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyBuffer_Release(Py_buffer* view);

    /// <summary>
    /// Whether <paramref name="o"/> exports buffers: the 3.8 macro, which the 3.9+ function does too
    /// (inline, so 3.8 can load the module and be refused clearly).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static int PyObject_CheckBuffer(PyObject* o)
    {
        PyBufferProcs* buffer = Py_TYPE(o)->tp_as_buffer;
        return buffer != null && buffer->bf_getbuffer != 0 ? 1 : 0;
    }

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyCapsule_New(void* pointer, byte* name, delegate* unmanaged<PyObject*, void> destructor);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void* PyCapsule_GetPointer(PyObject* capsule, byte* name);
}
