using System.Runtime.CompilerServices;
using NdBindgen.Interop;

namespace NdBindgen.NumPy;

/// <summary>
/// A buffer-protocol export (<c>Py_buffer</c>) read as PEP 3118 and the C-API documentation say:
/// a NULL shape is a 1-d buffer of <c>len / itemsize</c> items; NULL strides are C-contiguous
/// (ctypes arrays export them so); suboffsets are honoured only when absent or all negative (a
/// negative suboffset means "no indirection" on that axis), anything else is a PIL-style indirect
/// buffer a view cannot read. 0-d buffers have neither shape nor strides.
/// </summary>
internal static unsafe class BufferLayout
{
    /// <summary>The number of dimensions the layout has: 1 for a NULL shape (unless the export says 0-d).</summary>
    internal static int Ndim(nint* shape, int ndim) => shape == null && ndim != 0 ? 1 : ndim;

    /// <summary>Whether every item is at <c>buf + sum(index * stride)</c>: no suboffsets, or only negative ones.</summary>
    internal static bool DirectOnly(nint* suboffsets, int ndim)
    {
        if (suboffsets == null) return true;
        for (int d = 0; d < ndim; d++)
        {
            if (suboffsets[d] >= 0) return false;
        }
        return true;
    }

    /// <summary>
    /// The layout of <paramref name="b"/>, its shape and strides copied into <paramref name="storage"/>
    /// (2 * <see cref="Ndim"/> entries) with the NULL conventions filled in. The format and item size
    /// were checked against the element type before.
    /// </summary>
    internal static NdLayout Copy(Py_buffer* b, nint itemSize, nint* storage)
    {
        int ndim = Ndim(b->shape, b->ndim);
        if (b->shape == null && ndim == 1)
        {
            nint items = itemSize == 0 ? 0 : b->len / itemSize;
            return new NdLayout((byte*)b->buf, &items, null, 1, itemSize, storage);   // strides are C's when the shape is absent
        }
        return new NdLayout((byte*)b->buf, b->shape, b->strides, ndim, itemSize, storage);
    }
}
