using System;
using System.Runtime.CompilerServices;

namespace NdBindgen.NumPy;

/// <summary>
/// Where the elements of an n-d array are: a data pointer (the first logical element), a shape and
/// byte strides of any sign. Shared by <see cref="NdView{T}"/>, <see cref="NdViewMut{T}"/> and
/// <see cref="NdArray{T}"/>. The shape and strides arrays must live as long as the layout: a view
/// of a Python argument copies them into storage its call owns (the wrapper's ArrayLease; see
/// <see cref="NdLayout(byte*, nint*, nint*, int, nint, nint*)"/>), because Python code that runs
/// during the call (<c>__float__</c>, <c>__index__</c>, a callback) may reshape the array, and numpy
/// frees an array's own shape and strides when it does.
/// </summary>
internal readonly unsafe struct NdLayout
{
    internal readonly byte* Data;
    internal readonly nint* Shape;
    internal readonly nint* Strides;
    internal readonly int Ndim;
    internal readonly nint Length;
    internal readonly bool IsCContiguous;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal NdLayout(byte* data, nint* shape, nint* strides, int ndim, nint itemSize)
    {
        Data = data;
        Shape = shape;
        Strides = strides;
        Ndim = ndim;
        nint length = 1;
        bool contiguous = true;
        nint expected = itemSize;
        for (int d = ndim - 1; d >= 0; d--)
        {
            nint n = shape[d];
            length *= n;
            if (n != 1 && strides[d] != expected) contiguous = false;
            expected *= n;
        }
        Length = length;
        IsCContiguous = contiguous || length == 0;
    }

    /// <summary>
    /// As the constructor above, with <paramref name="shape"/> and <paramref name="strides"/> copied
    /// into <paramref name="storage"/> (2 * <paramref name="ndim"/> entries: the shape, then the
    /// strides), which the layout points to. A null <paramref name="strides"/> means C-contiguous
    /// (the buffer protocol's convention): the strides are computed from the shape.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal NdLayout(byte* data, nint* shape, nint* strides, int ndim, nint itemSize, nint* storage)
    {
        nint* ownShape = storage, ownStrides = storage + ndim;
        Data = data;
        Shape = ownShape;
        Strides = ownStrides;
        Ndim = ndim;
        if (ndim == 1)
        {
            // The common argument, without the loop (measured: a third of the 1-d view's 40 instructions).
            nint n = shape[0];
            nint s = strides == null ? itemSize : strides[0];
            ownShape[0] = n;
            ownStrides[0] = s;
            Length = n;
            IsCContiguous = s == itemSize || n <= 1;
            return;
        }
        nint length = 1;
        bool contiguous = true;
        nint expected = itemSize;
        for (int d = ndim - 1; d >= 0; d--)
        {
            nint n = shape[d];
            nint s = strides == null ? expected : strides[d];
            ownShape[d] = n;
            ownStrides[d] = s;
            length *= n;
            if (n != 1 && s != expected) contiguous = false;
            expected *= n;
        }
        Length = length;
        IsCContiguous = contiguous || length == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal byte* At(nint i)
    {
        RequireNdim(1);
        if ((nuint)i >= (nuint)Shape[0]) throw OutOfBounds(0, i);
        return Data + i * Strides[0];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal byte* At(nint i, nint j)
    {
        RequireNdim(2);
        if ((nuint)i >= (nuint)Shape[0]) throw OutOfBounds(0, i);
        if ((nuint)j >= (nuint)Shape[1]) throw OutOfBounds(1, j);
        return Data + i * Strides[0] + j * Strides[1];
    }

    internal byte* At(ReadOnlySpan<nint> index)
    {
        RequireNdim(index.Length);
        byte* p = Data;
        for (int d = 0; d < index.Length; d++)
        {
            if ((nuint)index[d] >= (nuint)Shape[d]) throw OutOfBounds(d, index[d]);
            p += index[d] * Strides[d];
        }
        return p;
    }

    /// <summary>The contiguous elements as a span length, or -1 when they are not one C-order block a span can cover.</summary>
    internal int SpanLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsCContiguous && Length <= int.MaxValue ? (int)Length : -1;
    }

    /// <summary>[lowest byte, one past the highest byte] the elements touch; empty for no elements.</summary>
    internal (nuint Start, nuint End) Extent(nint itemSize)
    {
        if (Length == 0) return (0, 0);
        nint low = 0, high = 0;
        for (int d = 0; d < Ndim; d++)
        {
            nint span = (Shape[d] - 1) * Strides[d];
            if (span < 0) low += span; else high += span;
        }
        return ((nuint)(Data + low), (nuint)(Data + high + itemSize));
    }

    private void RequireNdim(int ndim)
    {
        if (Ndim != ndim)
            throw new InvalidOperationException($"a {ndim}-dimensional index was used on a {Ndim}-dimensional array");
    }

    private IndexOutOfRangeException OutOfBounds(int axis, nint i) =>
        new($"index {i} is out of bounds for axis {axis} with size {Shape[axis]}");
}

/// <summary>
/// Walks every element of a layout in C (row-major) order, whatever the strides. The last axis is
/// a "row": stepping within it is one compare and one add; at a row's end the next row's start is
/// computed from the row number. No fixed-size index buffer: a struct holding one makes the JIT
/// keep a whole method's locals in memory (measured: 8x slower strided loops).
/// </summary>
internal unsafe struct NdCursor
{
    private readonly NdLayout _layout;
    private readonly nint _innerStride;
    private readonly nint _innerLength;
    private readonly nint _rows;
    private nint _row;         // the current row's number
    private byte* _ptr;
    private nint _innerLeft;   // elements left in the current row after the current one

    internal NdCursor(NdLayout layout)
    {
        _layout = layout;
        _innerLength = layout.Ndim == 0 ? 1 : layout.Shape[layout.Ndim - 1];
        _innerStride = layout.Ndim == 0 ? 0 : layout.Strides[layout.Ndim - 1];
        _rows = layout.Length == 0 ? 0 : layout.Length / _innerLength;
        _row = -1;
        _ptr = null;
        _innerLeft = 0;
    }

    internal readonly byte* Current => _ptr;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool MoveNext()
    {
        if (_innerLeft != 0)
        {
            _innerLeft--;
            _ptr += _innerStride;
            return true;
        }
        return NextRow();
    }

    private bool NextRow()
    {
        if (++_row >= _rows) return false;
        _ptr = RowStart(_layout, _row, _layout.Ndim - 1);
        _innerLeft = _innerLength - 1;
        return true;
    }

    /// <summary>The first element of row <paramref name="row"/> along <paramref name="axis"/> (row-major over the other axes).</summary>
    internal static byte* RowStart(in NdLayout layout, nint row, int axis)
    {
        byte* p = layout.Data;
        for (int d = layout.Ndim - 1; d >= 0 && row != 0; d--)
        {
            if (d == axis) continue;
            nint n = layout.Shape[d];
            p += (row % n) * layout.Strides[d];
            row /= n;
        }
        return p;
    }
}

internal static unsafe class NdLayoutExtensions
{
    internal static void Fill<T>(this NdLayout layout, T value) where T : unmanaged
    {
        var cursor = new NdCursor(layout);
        while (cursor.MoveNext()) *(T*)cursor.Current = value;
    }
}
