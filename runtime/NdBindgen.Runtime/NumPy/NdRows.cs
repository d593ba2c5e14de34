using System;
using System.Runtime.CompilerServices;

namespace NdBindgen;

/// <summary>
/// One row of a view: the elements along its last axis, <see cref="Length"/> of them, a constant
/// byte stride apart (any sign). Walking a strided array row by row keeps the inner loop a plain
/// counted loop over a pointer and a stride, which the compiler keeps in registers.
/// </summary>
public readonly unsafe ref struct NdRow<T> where T : unmanaged
{
    private readonly byte* _first;
    private readonly nint _stride;

    internal NdRow(byte* first, nint length, nint stride)
    {
        _first = first;
        Length = length;
        _stride = stride;
    }

    public nint Length { get; }

    public ref readonly T this[nint i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((nuint)i >= (nuint)Length) NdRowErrors.OutOfRange(i, Length);
            return ref Unsafe.AsRef<T>(_first + i * _stride);
        }
    }

    /// <summary>The row as a span when its elements are adjacent (stride = element size), for vectorised kernels.</summary>
    public bool TryGetSpan(out ReadOnlySpan<T> span)
    {
        bool adjacent = _stride == sizeof(T) && Length <= int.MaxValue;
        span = adjacent ? new ReadOnlySpan<T>(_first, (int)Length) : default;
        return adjacent;
    }

    /// <summary>The elements in order: <c>foreach (T x in row)</c> walks a pointer by the stride, the loop a C programmer writes.</summary>
    public NdRowEnumerator<T> GetEnumerator() => new(_first, Length, _stride);
}

/// <summary>A writable <see cref="NdRow{T}"/>.</summary>
public readonly unsafe ref struct NdRowMut<T> where T : unmanaged
{
    private readonly byte* _first;
    private readonly nint _stride;

    internal NdRowMut(byte* first, nint length, nint stride)
    {
        _first = first;
        Length = length;
        _stride = stride;
    }

    public nint Length { get; }

    public ref T this[nint i]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((nuint)i >= (nuint)Length) NdRowErrors.OutOfRange(i, Length);
            return ref Unsafe.AsRef<T>(_first + i * _stride);
        }
    }

    /// <summary>The row as a span when its elements are adjacent (stride = element size), for vectorised kernels.</summary>
    public bool TryGetSpan(out Span<T> span)
    {
        bool adjacent = _stride == sizeof(T) && Length <= int.MaxValue;
        span = adjacent ? new Span<T>(_first, (int)Length) : default;
        return adjacent;
    }

    /// <summary>The elements in order, by reference: <c>foreach (ref T x in row) x += s;</c> walks a pointer by the stride.</summary>
    public NdRowEnumerator<T> GetEnumerator() => new(_first, Length, _stride);
}

/// <summary>
/// Enumerates a row's elements by reference: a pointer moved by the stride and a count, no
/// multiplication and no bounds check per element (measured: an indexed loop over a stride-16
/// row took 1.8x the time of C's pointer loop). Writable only through <see cref="NdRowMut{T}"/>.
/// </summary>
public unsafe ref struct NdRowEnumerator<T> where T : unmanaged
{
    private byte* _current;
    private nint _left;
    private readonly nint _stride;

    internal NdRowEnumerator(byte* first, nint length, nint stride)
    {
        _current = first - stride;
        _left = length;
        _stride = stride;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        if (_left <= 0) return false;
        _left--;
        _current += _stride;
        return true;
    }

    public readonly ref T Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.AsRef<T>(_current);
    }
}

/// <summary>
/// The indexers' error, out of line: a throw with an interpolated message inlined into a loop puts
/// the message builder (a 48-byte struct) in the loop, zeroed on every iteration.
/// </summary>
internal static class NdRowErrors
{
    // Throw-only: the JIT keeps calls to it out of the loop's register allocation (a call it
    // thought could return would make it spill every float register around the loop).
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    internal static void OutOfRange(nint i, nint length) => throw Create(i, length);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IndexOutOfRangeException Create(nint i, nint length) =>
        new($"index {i} is out of bounds for a row of {length}");
}

/// <summary>
/// The rows of a layout: runs along one axis (the last, or in memory order the one with the
/// smallest stride), their starts in C order over the other axes (see <see cref="NumPy.NdCursor.RowStart"/>).
/// </summary>
internal unsafe struct NdRowCursor
{
    private readonly byte* _data;
    private readonly nint* _shape;
    private readonly nint* _strides;
    private readonly int _ndim;
    private readonly nint _rows;
    private readonly int _axis;
    private nint _row;
    internal readonly nint Length;
    internal readonly nint Stride;

    internal NdRowCursor(NumPy.NdLayout layout, bool memoryOrder = false)
    {
        _data = layout.Data;
        _shape = layout.Shape;
        _strides = layout.Strides;
        _ndim = layout.Ndim;
        _axis = layout.Ndim - 1;
        if (memoryOrder)
        {
            // The axis with the smallest |stride| among those longer than 1 (numpy's order='K'
            // makes it the inner loop too).
            for (int d = layout.Ndim - 2; d >= 0; d--)
            {
                if (layout.Shape[d] > 1 && (layout.Shape[_axis] <= 1 || Math.Abs(layout.Strides[d]) < Math.Abs(layout.Strides[_axis]))) _axis = d;
            }
        }
        Length = layout.Ndim == 0 ? 1 : layout.Shape[_axis];
        Stride = layout.Ndim == 0 ? 0 : layout.Strides[_axis];
        _rows = layout.Length == 0 ? 0 : layout.Length / Length;
        _row = -1;
    }

    internal bool MoveNext() => ++_row < _rows;

    // By value, not the layout by reference: a reference would keep the enumerator in memory.
    internal readonly byte* Current => NumPy.NdCursor.RowStart(_data, _shape, _strides, _ndim, _row, _axis);
}
