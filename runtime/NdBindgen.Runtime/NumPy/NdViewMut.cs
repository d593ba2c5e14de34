using System;
using System.Runtime.CompilerServices;

namespace NdBindgen;

/// <summary>
/// A writable, zero-copy view of an n-dimensional array of <typeparamref name="T"/> that Python
/// passed in, valid for the duration of the call; writes go straight to the caller's array.
/// A read-only array is refused before the function runs. Like <see cref="NdView{T}"/> it is a
/// ref struct and cannot outlive the call.
/// </summary>
public readonly unsafe ref partial struct NdViewMut<T> where T : unmanaged
{
    internal readonly NumPy.NdLayout Layout;
    /// <summary>The Python object whose memory this is (borrowed; null when none): what a view returned to Python keeps alive. See NdViewMut.Views.cs.</summary>
    internal readonly Interop.PyObject* Owner;
    /// <summary>Holds a derived view's shape and strides storage (NumPy.NdDerive); null when the layout points elsewhere.</summary>
    internal readonly object? Keep;

    internal NdViewMut(NumPy.NdLayout layout) => Layout = layout;

    /// <summary>A view of an argument: its layout built in place (no copy of a returned layout: see Arrays.ToView).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal NdViewMut(byte* data, nint* shape, nint* strides, int ndim, nint itemSize, nint* storage, Interop.PyObject* owner)
    {
        Layout = new NumPy.NdLayout(data, shape, strides, ndim, itemSize, storage);
        Owner = owner;
        Keep = null;
    }

    internal NdViewMut(NumPy.NdLayout layout, Interop.PyObject* owner, object? keep = null)
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

    /// <summary>The elements as a writable span when they are contiguous (the fast path); false otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetSpan(out Span<T> span)
    {
        int n = Layout.SpanLength;
        span = n >= 0 ? new Span<T>(Layout.Data, n) : default;
        return n >= 0;
    }

    /// <summary>The element at <paramref name="i"/> of a 1-d view.</summary>
    public ref T this[nint i] => ref Unsafe.AsRef<T>(Layout.At(i));

    /// <summary>The element at row <paramref name="i"/>, column <paramref name="j"/> of a 2-d view.</summary>
    public ref T this[nint i, nint j] => ref Unsafe.AsRef<T>(Layout.At(i, j));

    /// <summary>The element at a full index (one entry per dimension).</summary>
    public ref T this[ReadOnlySpan<nint> index] => ref Unsafe.AsRef<T>(Layout.At(index));

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(T value)
    {
        if (TryGetSpan(out var span))
        {
            span.Fill(value);
            return;
        }
        foreach (ref T x in this) x = value;
    }

    /// <summary>A read-only view of the same elements.</summary>
    public NdView<T> AsReadOnly() => new(Layout, Owner, Keep);

    public static implicit operator NdView<T>(NdViewMut<T> view) => new(view.Layout, view.Owner, view.Keep);

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

        public readonly NdRowMut<T> Current => new(_cursor.Current, _cursor.Length, _cursor.Stride);
    }

    /// <summary>Every element in C order: a contiguous view as one run, the loop a span's <c>foreach</c> compiles to (see NdCursor).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Enumerator GetEnumerator() => new(Layout);

    /// <summary>Visits every element in C (row-major) order, by reference.</summary>
    public ref struct Enumerator
    {
        private NumPy.NdCursor _cursor;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal Enumerator(NumPy.NdLayout layout) => _cursor = new NumPy.NdCursor(layout);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MoveNext() => _cursor.MoveNext();

        public readonly ref T Current
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => ref Unsafe.AsRef<T>(_cursor.Current);
        }
    }
}
