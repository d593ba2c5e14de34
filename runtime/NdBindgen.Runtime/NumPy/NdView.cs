using System;
using System.Runtime.CompilerServices;

namespace NdBindgen;

/// <summary>
/// A read-only, zero-copy view of an n-dimensional array of <typeparamref name="T"/> that Python
/// passed in (a numpy array or any buffer-protocol exporter), valid for the duration of the call.
/// It is a ref struct: the compiler will not let it be stored in a field, captured or kept past
/// the call, so it can never outlive the array it looks at.
/// </summary>
/// <remarks>
/// Any shape, any strides (non-contiguous, negative, 0-d, empty). Contiguous data is also
/// available as a span (<see cref="TryGetSpan"/>); <c>foreach</c> visits elements in C order.
/// </remarks>
public readonly unsafe ref partial struct NdView<T> where T : unmanaged
{
    internal readonly NumPy.NdLayout Layout;
    /// <summary>The Python object whose memory this is (borrowed; null when none): what a view returned to Python keeps alive. See NdView.Views.cs.</summary>
    internal readonly Interop.PyObject* Owner;
    /// <summary>Holds a derived view's shape and strides storage (NumPy.NdDerive); null when the layout points elsewhere.</summary>
    internal readonly object? Keep;

    internal NdView(NumPy.NdLayout layout) => Layout = layout;

    /// <summary>A view of an argument: its layout built in place (no copy of a returned layout: see Arrays.ToView).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal NdView(byte* data, nint* shape, nint* strides, int ndim, nint itemSize, nint* storage, Interop.PyObject* owner)
    {
        Layout = new NumPy.NdLayout(data, shape, strides, ndim, itemSize, storage);
        Owner = owner;
        Keep = null;
    }

    internal NdView(NumPy.NdLayout layout, Interop.PyObject* owner, object? keep = null)
    {
        Layout = layout;
        Owner = owner;
        Keep = keep;
    }

    /// <summary>The number of dimensions (0 for a scalar array).</summary>
    public int Ndim => Layout.Ndim;

    /// <summary>The length of each dimension.</summary>
    public ReadOnlySpan<nint> Shape => new(Layout.Shape, Layout.Ndim);

    /// <summary>The step in bytes between neighbours along each dimension; may be negative or zero.</summary>
    public ReadOnlySpan<nint> Strides => new(Layout.Strides, Layout.Ndim);

    /// <summary>The number of elements (the product of the shape).</summary>
    public nint Length => Layout.Length;

    /// <summary>True when the elements are one C-order block of memory.</summary>
    public bool IsContiguous => Layout.IsCContiguous;

    /// <summary>The elements as a span when they are contiguous (the fast path); false otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetSpan(out ReadOnlySpan<T> span)
    {
        int n = Layout.SpanLength;
        span = n >= 0 ? new ReadOnlySpan<T>(Layout.Data, n) : default;
        return n >= 0;
    }

    /// <summary>The element at <paramref name="i"/> of a 1-d view.</summary>
    public ref readonly T this[nint i] => ref Unsafe.AsRef<T>(Layout.At(i));

    /// <summary>The element at row <paramref name="i"/>, column <paramref name="j"/> of a 2-d view.</summary>
    public ref readonly T this[nint i, nint j] => ref Unsafe.AsRef<T>(Layout.At(i, j));

    /// <summary>The element at a full index (one entry per dimension).</summary>
    public ref readonly T this[ReadOnlySpan<nint> index] => ref Unsafe.AsRef<T>(Layout.At(index));

    /// <summary>Copies the elements in C order into <paramref name="destination"/>, which must hold <see cref="Length"/> of them.</summary>
    public void CopyTo(Span<T> destination)
    {
        if (destination.Length < Layout.Length) throw new ArgumentException("destination is shorter than the view", nameof(destination));
        if (TryGetSpan(out var span))
        {
            span.CopyTo(destination);
            return;
        }
        int i = 0;
        foreach (T x in this) destination[i++] = x;
    }

    /// <summary>The elements in C order, copied into a new .NET array.</summary>
    public T[] ToArray()
    {
        var result = new T[checked((int)Layout.Length)];
        CopyTo(result);
        return result;
    }

    /// <summary>
    /// The rows (runs along the last axis) in C order: for strided arrays, a loop over rows with a
    /// counted inner loop is several times faster than visiting each element through the enumerator.
    /// </summary>
    public RowEnumerator Rows => new(Layout, memoryOrder: false);

    /// <summary>
    /// Every element once, in rows along the axis with the smallest stride (the others in C order):
    /// the order closest to memory's, as numpy's <c>order='K'</c>. For elementwise work where the
    /// order of visits does not matter: on a transposed or column-sliced array <see cref="Rows"/>
    /// walks across memory (measured: <c>b.T[:, ::2]</c> of a 1000x1000 array in place, 3.9x slower).
    /// </summary>
    public RowEnumerator RowsInMemoryOrder => new(Layout, memoryOrder: true);

    /// <summary>Visits the rows of the view; see <see cref="Rows"/>.</summary>
    public ref struct RowEnumerator
    {
        private NdRowCursor _cursor;

        internal RowEnumerator(NumPy.NdLayout layout, bool memoryOrder) => _cursor = new NdRowCursor(layout, memoryOrder);

        public readonly RowEnumerator GetEnumerator() => this;

        public bool MoveNext() => _cursor.MoveNext();

        public readonly NdRow<T> Current => new(_cursor.Current, _cursor.Length, _cursor.Stride);
    }

    /// <summary>Every element in C order: a contiguous view as one run, the loop a span's <c>foreach</c> compiles to (see NdCursor).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Enumerator GetEnumerator() => new(Layout);

    /// <summary>Visits every element in C (row-major) order.</summary>
    public ref struct Enumerator
    {
        private NumPy.NdCursor _cursor;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal Enumerator(NumPy.NdLayout layout) => _cursor = new NumPy.NdCursor(layout);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MoveNext() => _cursor.MoveNext();

        public readonly ref readonly T Current
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => ref Unsafe.AsRef<T>(_cursor.Current);
        }
    }
}
