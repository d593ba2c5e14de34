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

/// <summary>The rows of a layout in C order (see <see cref="NumPy.NdCursor.RowStart"/>).</summary>
internal unsafe struct NdRowCursor
{
    private readonly NumPy.NdLayout _layout;
    private readonly nint _rows;
    private nint _row;
    internal readonly nint Length;
    internal readonly nint Stride;

    internal NdRowCursor(NumPy.NdLayout layout)
    {
        _layout = layout;
        Length = layout.Ndim == 0 ? 1 : layout.Shape[layout.Ndim - 1];
        Stride = layout.Ndim == 0 ? 0 : layout.Strides[layout.Ndim - 1];
        _rows = layout.Length == 0 ? 0 : layout.Length / Length;
        _row = -1;
    }

    internal bool MoveNext() => ++_row < _rows;

    internal readonly byte* Current => NumPy.NdCursor.RowStart(_layout, _row);
}
