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
/// Walks every element of a layout in C (row-major) order, whatever the strides. The trailing axes
/// that are one run in memory are merged into a "run" (a C-contiguous view is a single run of all
/// its elements); stepping within a run is a decrement and a pointer add, the loop a span's
/// <c>foreach</c> compiles to. At a run's end the next run's start is computed from its number.
/// <para>
/// Every field is a scalar and no method takes the cursor's address (nothing here is a call the
/// JIT does not inline), so the JIT keeps the cursor in registers. Measured (objdump of the
/// NativeAOT build): a cursor holding its layout and calling a row-start helper with it was kept
/// in memory, a load and a store per field per element, and the float accumulator of the loop body
/// with it (5.6x a C loop); no fixed-size index buffer either, which also forces memory.
/// </para>
/// </summary>
internal unsafe struct NdCursor
{
    private byte* _ptr;             // the current element (before the first MoveNext: one stride before the first)
    private nint _left;             // elements left in the current run after the current one (-1 past its end)
    private readonly nint _stride;  // the run's step in bytes (any sign, 0 for a broadcast axis)
    private readonly nint _runLength;
    private nint _run;              // the current run's number
    private readonly nint _runs;
    private readonly byte* _data;
    private readonly nint* _shape;
    private readonly nint* _strides;
    private readonly int _outerNdim; // axes 0.._outerNdim-1 number the runs; the others make a run

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal NdCursor(NdLayout layout)
    {
        nint* shape = layout.Shape, strides = layout.Strides;
        // The run: the last axis longer than 1, and every axis outside it whose stride steps over
        // the run so far exactly (length-1 axes do not count).
        int d = layout.Ndim - 1;
        while (d >= 0 && shape[d] == 1) d--;
        nint length = 1, stride = 0;
        if (d >= 0)
        {
            length = shape[d];
            stride = strides[d];
            for (d--; d >= 0 && (shape[d] == 1 || strides[d] == stride * length); d--) length *= shape[d];
        }
        _data = layout.Data;
        _shape = shape;
        _strides = strides;
        _outerNdim = d + 1;
        _stride = stride;
        _runLength = length;
        _runs = layout.Length == 0 ? 0 : layout.Length / length;
        _run = 0;
        _ptr = layout.Data - stride;
        _left = _runs == 0 ? 0 : length;
    }

    internal readonly byte* Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _ptr;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool MoveNext()
    {
        // Step first, test after: the loop's back edge is then this one conditional jump, as in a
        // span's loop (testing before stepping made the JIT add an unconditional jump per element).
        // What is left over a span's loop: the body is also entered from the new-run path below, so
        // the JIT does not hoist the body's constants into registers (docs/performance.md, Loops).
        _ptr += _stride;
        if (--_left >= 0) return true;
        if (++_run >= _runs) return false;
        // The next run's start, inline (a call here would make the JIT spill the loop's float
        // registers around it, SysV has no callee-saved ones).
        byte* p = _data;
        nint row = _run;
        for (int d = _outerNdim - 1; d >= 0 && row != 0; d--)
        {
            nint n = _shape[d];
            p += (row % n) * _strides[d];
            row /= n;
        }
        _ptr = p;
        _left = _runLength - 1;
        return true;
    }

    /// <summary>The first element of row <paramref name="row"/> along <paramref name="axis"/> (row-major over the other axes).</summary>
    internal static byte* RowStart(byte* data, nint* shape, nint* strides, int ndim, nint row, int axis)
    {
        byte* p = data;
        for (int d = ndim - 1; d >= 0 && row != 0; d--)
        {
            if (d == axis) continue;
            nint n = shape[d];
            p += (row % n) * strides[d];
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
