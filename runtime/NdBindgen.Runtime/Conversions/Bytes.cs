using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c> and <c>ReadOnlySpan&lt;byte&gt;</c>: bytes,
/// bytearray, memoryview or any buffer exporter in (its bytes, whatever its format), <c>bytes</c>
/// out. A <c>str</c> is refused with a hint to encode it. <c>byte[]</c> and
/// <c>ReadOnlyMemory&lt;byte&gt;</c> are copies (a Memory may outlive the call, the export would
/// not); a <c>ReadOnlySpan&lt;byte&gt;</c> parameter reads the exporter's memory in place, the
/// buffer export held in the call's <see cref="ArrayLease"/> and released after it, thrown or not.
/// While it is held a bytearray cannot be resized (BufferError), so the span cannot dangle.
/// A non-contiguous buffer (a strided memoryview or numpy array) is copied into a temporary bytes
/// first; an exporter that refuses a strided, formatted request (numpy's object arrays) raises its own error.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Bytes
{
    private const string Expected = "a bytes-like object (bytes, bytearray, memoryview or a buffer)";

    public static byte[] ToByteArray(PyObject* o, PySignature sig, int index)
    {
        if ((Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_BYTES_SUBCLASS) != 0)
        {
            byte* data;
            nint size;
            if (PyBytes_AsStringAndSize(o, &data, &size) < 0) throw sig.ConversionError(index);
            return new ReadOnlySpan<byte>(data, checked((int)size)).ToArray();
        }
        var lease = new ArrayLease();
        try
        {
            return ToReadOnlySpan(o, sig, index, ref lease).ToArray();
        }
        finally
        {
            lease.Dispose();
        }
    }

    /// <summary>A copy, as <see cref="ToByteArray"/>: a ReadOnlyMemory may be kept after the call returns.</summary>
    public static ReadOnlyMemory<byte> ToReadOnlyMemory(PyObject* o, PySignature sig, int index) =>
        ToByteArray(o, sig, index);

    /// <summary>
    /// The exporter's bytes in place, valid while <paramref name="lease"/> holds the export (the
    /// call); a non-contiguous buffer is copied into a bytes object the lease holds.
    /// </summary>
    public static ReadOnlySpan<byte> ToReadOnlySpan(PyObject* o, PySignature sig, int index, ref ArrayLease lease)
    {
        if (lease.Active || lease.Temporary != null)
            throw new InvalidOperationException("an ArrayLease holds one buffer at a time");
        if ((Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) != 0)
            throw new PythonException(Builtins.TypeError,
                $"{sig.ArgumentPrefix(index)} must be {Expected}, not str; encode it first, e.g. s.encode()");
        if (PyObject_CheckBuffer(o) == 0) throw sig.WrongType(index, Expected, o);
        Py_buffer* b = (Py_buffer*)Unsafe.AsPointer(ref lease.Buffer);   // a ref struct: on the stack
        // Strides and format asked for, so an exporter gives what it has (numpy refuses a simple request
        // of a strided array, and would give an object array's pointers to one); a C-contiguous block is read
        // in place, anything else copied.
        if (PyObject_GetBuffer(o, b, PyConst.PyBUF_FULL_RO) < 0) throw sig.ConversionError(index);
        lease.Active = true;
        // A hostile exporter's numbers are checked before memory is read through them.
        if (b->len < 0 || b->len > int.MaxValue || b->buf == null && b->len != 0)
            throw new PythonException(Builtins.ValueError,
                $"{sig.ArgumentPrefix(index)} exported an invalid buffer (length {b->len})");
        if (PyBuffer_IsContiguous(b, (byte)'C') != 0) return new ReadOnlySpan<byte>(b->buf, (int)b->len);
        // Not one contiguous block (a strided memoryview or array): bytes(o) copies it in C order.
        lease.Active = false;
        PyBuffer_Release(b);
        PyObject* copy = PyBytes_FromObject(o);
        if (copy == null) throw sig.ConversionError(index);
        lease.Temporary = copy;
        byte* data;
        nint size;
        if (PyBytes_AsStringAndSize(copy, &data, &size) < 0) throw sig.ConversionError(index);
        return new ReadOnlySpan<byte>(data, checked((int)size));
    }

    public static PyObject* FromByteArray(byte[] value) => FromReadOnlySpan(value);

    public static PyObject* FromReadOnlyMemory(ReadOnlyMemory<byte> value) => FromReadOnlySpan(value.Span);

    public static PyObject* FromReadOnlySpan(ReadOnlySpan<byte> value)
    {
        fixed (byte* p = value)
        {
            PyObject* o = PyBytes_FromStringAndSize(p, value.Length);
            if (o == null) throw PythonException.Fetch();
            return o;
        }
    }
}
