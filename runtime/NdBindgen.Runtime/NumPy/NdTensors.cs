using System;
using System.Numerics.Tensors;

namespace NdBindgen;

/// <summary>
/// Views as System.Numerics.Tensors spans (zero-copy) and tensors as new arrays (one copy), so
/// <see cref="Tensor"/> and <see cref="TensorPrimitives"/> work on numpy's memory. Not experimental
/// in System.Numerics.Tensors 10.0 (no SYSLIB5001): plain API.
/// <para>
/// A tensor span takes element strides &gt;= 0 (0 is a broadcast axis) over one memory block. A view
/// converts when every stride is a whole number of elements and none is negative; numpy's other
/// layouts (<c>a[::-1]</c>, overlapping <c>as_strided</c> views, a byte stride of a packed record
/// field) make <c>AsTensorSpan</c> throw <see cref="ArgumentException"/> and <c>TryAsTensorSpan</c>
/// return false: use <see cref="ToTensor{T}(NdView{T})"/> (a copy), or pass
/// <c>np.ascontiguousarray(a)</c>. A 0-d view becomes a one-element tensor span of rank 1 (a tensor
/// span has rank &gt;= 1).
/// </para>
/// </summary>
public static unsafe class NdTensors
{
    /// <summary>The elements as a read-only tensor span over the same memory, strides and all.</summary>
    /// <exception cref="ArgumentException">A stride is negative, not a whole number of elements, or makes elements overlap.</exception>
    public static ReadOnlyTensorSpan<T> AsTensorSpan<T>(this NdView<T> view) where T : unmanaged
    {
        if (!Describe<T>(view.Layout, out nint length, out nint[] lengths, out nint[] strides, out string? why))
            throw new ArgumentException(why, nameof(view));
        return new ReadOnlyTensorSpan<T>((T*)view.Layout.Data, length, lengths, strides);
    }

    /// <summary>The elements as a writable tensor span over the same memory, strides and all.</summary>
    /// <exception cref="ArgumentException">A stride is negative, not a whole number of elements, or makes elements overlap.</exception>
    public static TensorSpan<T> AsTensorSpan<T>(this NdViewMut<T> view) where T : unmanaged
    {
        if (!Describe<T>(view.Layout, out nint length, out nint[] lengths, out nint[] strides, out string? why))
            throw new ArgumentException(why, nameof(view));
        return new TensorSpan<T>((T*)view.Layout.Data, length, lengths, strides);
    }

    /// <summary>As <see cref="AsTensorSpan{T}(NdView{T})"/>, false (and an empty span) where the layout cannot be one.</summary>
    public static bool TryAsTensorSpan<T>(this NdView<T> view, out ReadOnlyTensorSpan<T> span) where T : unmanaged
    {
        if (!Describe<T>(view.Layout, out nint length, out nint[] lengths, out nint[] strides, out _))
        {
            span = default;
            return false;
        }
        span = new ReadOnlyTensorSpan<T>((T*)view.Layout.Data, length, lengths, strides);
        return true;
    }

    /// <summary>As <see cref="AsTensorSpan{T}(NdViewMut{T})"/>, false (and an empty span) where the layout cannot be one.</summary>
    public static bool TryAsTensorSpan<T>(this NdViewMut<T> view, out TensorSpan<T> span) where T : unmanaged
    {
        if (!Describe<T>(view.Layout, out nint length, out nint[] lengths, out nint[] strides, out _))
        {
            span = default;
            return false;
        }
        span = new TensorSpan<T>((T*)view.Layout.Data, length, lengths, strides);
        return true;
    }

    /// <summary>A new array's elements as a writable tensor span (always possible: it is C-contiguous).</summary>
    public static TensorSpan<T> AsTensorSpan<T>(this NdArray<T> array) where T : unmanaged => array.AsViewMut().AsTensorSpan();

    /// <summary>A copy of the elements, in C order, as a new managed <see cref="Tensor{T}"/> (any layout).</summary>
    public static Tensor<T> ToTensor<T>(this NdView<T> view) where T : unmanaged
    {
        nint[] lengths = view.Ndim == 0 ? [1] : view.Shape.ToArray();
        return Tensor.Create(view.ToArray(), lengths);
    }

    extension<T>(NdArray<T>) where T : unmanaged
    {
        /// <summary>
        /// A new array with the tensor span's shape and elements (one copy, in C order). Returned from a
        /// <c>[PyFunction]</c> it becomes a <c>numpy.ndarray</c>.
        /// </summary>
        public static NdArray<T> From(ReadOnlyTensorSpan<T> source)
        {
            var array = NdArray<T>.Uninitialized(source.Lengths);
            source.FlattenTo(array.AsSpan());
            return array;
        }

        /// <summary>A new array with the tensor's shape and elements (one copy: a tensor's managed memory cannot be handed to numpy).</summary>
        public static NdArray<T> From(Tensor<T> source) => From(source.AsReadOnlyTensorSpan());
    }

    /// <summary>
    /// The tensor-span form of a layout: element strides (0 on length-1 axes and on every axis of an
    /// empty array, which System.Numerics.Tensors 10.0 requires) and the data length the strides
    /// reach. False with the reason where it has none.
    /// </summary>
    internal static bool Describe<T>(in NumPy.NdLayout layout, out nint length, out nint[] lengths, out nint[] strides, out string? why) where T : unmanaged
    {
        int ndim = layout.Ndim;
        why = null;
        if (ndim == 0)
        {
            lengths = [1];
            strides = [0];
            length = 1;
            return true;
        }
        lengths = new nint[ndim];
        strides = new nint[ndim];
        length = layout.Length == 0 ? 0 : 1;
        for (int d = 0; d < ndim; d++)
        {
            nint n = layout.Shape[d], s = layout.Strides[d];
            lengths[d] = n;
            if (layout.Length == 0 || n == 1) continue;
            if (s < 0)
            {
                why = $"axis {d} has a negative stride ({s} bytes), which a tensor span cannot represent: pass np.ascontiguousarray(a), or copy with ToTensor()";
                return false;
            }
            if (s % sizeof(T) != 0)
            {
                why = $"axis {d} has a stride of {s} bytes, not a multiple of the {sizeof(T)}-byte element, which a tensor span cannot represent: pass np.ascontiguousarray(a), or copy with ToTensor()";
                return false;
            }
            strides[d] = s / sizeof(T);
            length += (n - 1) * strides[d];
        }
        if (!NonOverlapping(lengths, strides))
        {
            why = $"the strides ({string.Join(", ", new ReadOnlySpan<nint>(layout.Strides, ndim).ToArray())}) make elements overlap, which a tensor span cannot represent: pass np.ascontiguousarray(a), or copy with ToTensor()";
            return false;
        }
        return true;
    }

    // Distinct indices reach distinct elements (broadcast axes, stride 0, aside): sorted by stride,
    // each axis steps over everything the smaller ones reach. Tensor spans refuse other layouts.
    private static bool NonOverlapping(nint[] lengths, nint[] strides)
    {
        int n = lengths.Length;
        Span<int> order = n <= 32 ? stackalloc int[n] : new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = 1; i < n; i++)
            for (int j = i; j > 0 && strides[order[j]] < strides[order[j - 1]]; j--)
                (order[j], order[j - 1]) = (order[j - 1], order[j]);
        nint reach = 1;   // one past the largest offset the axes so far reach
        foreach (int d in order)
        {
            if (strides[d] == 0) continue;
            if (strides[d] < reach) return false;
            reach += (lengths[d] - 1) * strides[d];
        }
        return true;
    }
}
