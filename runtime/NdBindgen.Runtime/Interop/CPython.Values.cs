using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

// bytes, capsule import and big ints: what Conversions/Bytes.cs, BigIntegers.cs, Decimals.cs and
// DateTimes.cs call. Every function here is exported by CPython 3.6-3.13 (the symbol audit of
// tests/python/test_hosts.py); the int <-> bytes functions that changed in 3.13 are in CPython.Resolved.cs.
internal static unsafe partial class CPython
{
    // Include/bytesobject.h
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyBytes_FromStringAndSize(byte* data, nint size);

    /// <summary>The bytes' own storage and length (0, or -1 with TypeError for a non-bytes).</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyBytes_AsStringAndSize(PyObject* o, byte** data, nint* size);

    /// <summary>bytes(o) for a buffer exporter, contiguous or not (a copy in C order).</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyBytes_FromObject(PyObject* o);

    /// <summary>Whether the buffer is contiguous in <paramref name="order"/> ('C', 'F' or 'A').</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyBuffer_IsContiguous(Py_buffer* view, byte order);

    // Include/pycapsule.h: imports "module.attribute" and returns the capsule's pointer.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void* PyCapsule_Import(byte* name, int noBlock);

    // Include/cpython/longobject.h: bits of |v| (0 for 0), (size_t)-1 with OverflowError.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern nuint _PyLong_NumBits(PyObject* v);
}
