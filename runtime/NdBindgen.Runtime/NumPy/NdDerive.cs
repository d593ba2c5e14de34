using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace NdBindgen.NumPy;

/// <summary>
/// The layout arithmetic of views of views (rows, slices, transposes, reshapes): pure functions
/// from a layout to a new one over the same elements. Nothing is copied but shape and strides.
/// </summary>
/// <remarks>
/// Where the new shape and strides live: a row along axis 0 points at its parent's (shape + 1,
/// strides + 1), so it needs no storage and lives exactly as long as its parent. Every other
/// derived view writes its shape and strides into a small pinned array on .NET's pinned-object
/// heap (<see cref="NewStorage"/>), which the view holds in a field: views are ref structs copied
/// by value, so the storage cannot be inside the view itself, and the pinned array lives as long
/// as any copy of the view refers to it. The parent view's own storage (a call's ArrayLease, for
/// a parameter) is never written.
/// </remarks>
internal static unsafe class NdDerive
{
    /// <summary>Room for the shape and strides of an <paramref name="ndim"/>-dimensional layout: a pinned array the view keeps.</summary>
    internal static nint* NewStorage(int ndim, out nint[] keep)
    {
        keep = GC.AllocateUninitializedArray<nint>(Math.Max(1, 2 * ndim), pinned: true);
        return (nint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(keep));
    }

    /// <summary>Row <paramref name="i"/> along axis 0: an (n-1)-d layout over the parent's own shape and strides.</summary>
    internal static NdLayout Row(in NdLayout layout, nint i, nint itemSize)
    {
        if (layout.Ndim == 0) throw new IndexOutOfRangeException("too many indices for array: array is 0-dimensional, but 1 were indexed");
        if ((nuint)i >= (nuint)layout.Shape[0]) throw OutOfBounds(layout, 0, i);
        return new NdLayout(layout.Data + i * layout.Strides[0], layout.Shape + 1, layout.Strides + 1, layout.Ndim - 1, itemSize);
    }

    /// <summary>Element <paramref name="i"/> along <paramref name="axis"/>: that axis removed, <paramref name="storage"/> holds ndim - 1 shape and strides.</summary>
    internal static NdLayout IndexAxis(in NdLayout layout, int axis, nint i, nint itemSize, nint* storage)
    {
        CheckAxis(axis, layout.Ndim);
        if ((nuint)i >= (nuint)layout.Shape[axis]) throw OutOfBounds(layout, axis, i);
        int nd = layout.Ndim - 1;
        nint* shape = storage, strides = storage + nd;
        for (int d = 0, k = 0; d < layout.Ndim; d++)
        {
            if (d == axis) continue;
            shape[k] = layout.Shape[d];
            strides[k] = layout.Strides[d];
            k++;
        }
        return new NdLayout(layout.Data + i * layout.Strides[axis], shape, strides, nd, itemSize);
    }

    /// <summary>
    /// Slices every axis (<paramref name="slices"/> covers the first ones; the rest are kept whole).
    /// A range picks the elements [start, end) of its axis, clamped to the axis as numpy clamps
    /// (so <c>2..100</c> on 5 elements is 2..5, and an end before the start is empty); the step
    /// then takes every step-th of them, starting from the last when it is negative: numpy's
    /// <c>a[start:end][::step]</c>. A zero step is an error, as in numpy.
    /// </summary>
    internal static NdLayout Slice(in NdLayout layout, ReadOnlySpan<NdSlice> slices, nint itemSize, nint* storage)
    {
        int nd = layout.Ndim;
        if (slices.Length > nd)
            throw new IndexOutOfRangeException($"too many indices for array: array is {nd}-dimensional, but {slices.Length} were indexed");
        nint* shape = storage, strides = storage + nd;
        byte* data = layout.Data;
        for (int d = 0; d < nd; d++)
        {
            nint n = layout.Shape[d], stride = layout.Strides[d];
            if (d >= slices.Length)
            {
                shape[d] = n;
                strides[d] = stride;
                continue;
            }
            NdSlice s = slices[d];
            if (s.StepSize == 0) throw new ArgumentException("slice step cannot be zero");
            nint start = Clamp(s.Range.Start, n), end = Clamp(s.Range.End, n);
            nint count = Math.Max(0, end - start);
            nint step = s.StepSize, magnitude = step > 0 ? step : -step;
            nint length = count == 0 ? 0 : (count - 1) / magnitude + 1;
            if (length > 0) data += (step > 0 ? start : end - 1) * stride;
            shape[d] = length;
            strides[d] = stride * step;
        }
        return new NdLayout(data, shape, strides, nd, itemSize);
    }

    private static nint Clamp(Index index, nint n)
    {
        nint i = index.IsFromEnd ? n - index.Value : index.Value;
        return i < 0 ? 0 : i > n ? n : i;
    }

    /// <summary>The axes in the order <paramref name="axes"/> gives (axis d of the result is axis axes[d] of this one); empty reverses them (the transpose).</summary>
    internal static NdLayout Permute(in NdLayout layout, ReadOnlySpan<int> axes, nint itemSize, nint* storage)
    {
        int nd = layout.Ndim;
        nint* shape = storage, strides = storage + nd;
        if (axes.IsEmpty)
        {
            for (int d = 0; d < nd; d++)
            {
                shape[d] = layout.Shape[nd - 1 - d];
                strides[d] = layout.Strides[nd - 1 - d];
            }
            return new NdLayout(layout.Data, shape, strides, nd, itemSize);
        }
        if (axes.Length != nd) throw new ArgumentException($"axes don't match array: {axes.Length} axes given for a {nd}-dimensional array");
        ulong seen = 0;
        for (int d = 0; d < nd; d++)
        {
            int a = axes[d];
            CheckAxis(a, nd);
            if ((seen & (1UL << a)) != 0) throw new ArgumentException($"repeated axis {a} in the permutation");
            seen |= 1UL << a;
            shape[d] = layout.Shape[a];
            strides[d] = layout.Strides[a];
        }
        return new NdLayout(layout.Data, shape, strides, nd, itemSize);
    }

    /// <summary>Every axis of length 1 removed.</summary>
    internal static NdLayout Squeeze(in NdLayout layout, nint itemSize, out nint[] keep)
    {
        int nd = 0;
        for (int d = 0; d < layout.Ndim; d++)
        {
            if (layout.Shape[d] != 1) nd++;
        }
        nint* storage = NewStorage(nd, out keep);
        nint* shape = storage, strides = storage + nd;
        for (int d = 0, k = 0; d < layout.Ndim; d++)
        {
            if (layout.Shape[d] == 1) continue;
            shape[k] = layout.Shape[d];
            strides[k] = layout.Strides[d];
            k++;
        }
        return new NdLayout(layout.Data, shape, strides, nd, itemSize);
    }

    /// <summary>A new axis of length 1 at <paramref name="axis"/> (0..ndim); <paramref name="storage"/> holds ndim + 1.</summary>
    internal static NdLayout InsertAxis(in NdLayout layout, int axis, nint itemSize, nint* storage)
    {
        int nd = layout.Ndim + 1;
        CheckAxis(axis, nd);
        nint* shape = storage, strides = storage + nd;
        for (int d = 0, k = 0; d < nd; d++)
        {
            if (d == axis)
            {
                shape[d] = 1;
                strides[d] = 0;
                continue;
            }
            shape[d] = layout.Shape[k];
            strides[d] = layout.Strides[k];
            k++;
        }
        return new NdLayout(layout.Data, shape, strides, nd, itemSize);
    }

    /// <summary>
    /// The same elements in C order with shape <paramref name="newShape"/> (one entry may be -1:
    /// whatever the others leave), without copying: numpy's rule (<c>_attempt_nocopy_reshape</c>):
    /// each run of old axes that becomes a run of new axes must be evenly spaced in memory.
    /// Otherwise an ArgumentException that says why and what to do.
    /// </summary>
    internal static NdLayout Reshape(in NdLayout layout, ReadOnlySpan<nint> newShape, nint itemSize, nint* storage)
    {
        int nd = newShape.Length;
        nint* shape = storage, strides = storage + nd;
        int unknown = -1;
        nint known = 1;
        for (int d = 0; d < nd; d++)
        {
            nint n = newShape[d];
            if (n == -1)
            {
                if (unknown >= 0) throw new ArgumentException("can only specify one unknown dimension (-1) in a new shape");
                unknown = d;
                continue;
            }
            if (n < 0) throw new ArgumentException($"negative dimensions are not allowed: {FormatShape(newShape)}");
            known = checked(known * n);
            shape[d] = n;
        }
        if (unknown >= 0)
        {
            if (known == 0 || layout.Length % known != 0) throw SizeMismatch(layout, newShape);
            shape[unknown] = layout.Length / known;
            known = layout.Length;
        }
        if (known != layout.Length) throw SizeMismatch(layout, newShape);

        if (layout.Length == 0 || !NoCopyStrides(layout, shape, strides, nd, itemSize))
        {
            if (layout.Length != 0)
                throw new ArgumentException(
                    $"cannot reshape a view of shape {FormatShape(new ReadOnlySpan<nint>(layout.Shape, layout.Ndim))} and strides " +
                    $"{FormatShape(new ReadOnlySpan<nint>(layout.Strides, layout.Ndim))} into {FormatShape(new ReadOnlySpan<nint>(shape, nd))} " +
                    "without copying: its elements are not evenly spaced in C order along the axes to be merged; " +
                    "copy it first (ToArray(), or an NdArray), or reshape in Python, where numpy.reshape copies");
            nint stride = itemSize;   // no elements: any strides will do; C order's
            for (int d = nd - 1; d >= 0; d--)
            {
                strides[d] = stride;
                stride *= Math.Max(shape[d], 1);
            }
        }
        return new NdLayout(layout.Data, shape, strides, nd, itemSize);
    }

    // numpy's _attempt_nocopy_reshape (numpy/core/src/multiarray/shape.c), for C order.
    private static bool NoCopyStrides(in NdLayout layout, nint* newDims, nint* newStrides, int newNd, nint itemSize)
    {
        int oldNd = 0;
        Span<nint> oldDims = layout.Ndim <= 32 ? stackalloc nint[layout.Ndim] : new nint[layout.Ndim];
        Span<nint> oldStrides = layout.Ndim <= 32 ? stackalloc nint[layout.Ndim] : new nint[layout.Ndim];
        for (int d = 0; d < layout.Ndim; d++)
        {
            if (layout.Shape[d] == 1) continue;
            oldDims[oldNd] = layout.Shape[d];
            oldStrides[oldNd] = layout.Strides[d];
            oldNd++;
        }
        int oi = 0, oj = 1, ni = 0, nj = 1;
        while (ni < newNd && oi < oldNd)
        {
            nint np = newDims[ni], op = oldDims[oi];
            while (np != op)
            {
                if (np < op) np *= newDims[nj++];
                else op *= oldDims[oj++];
            }
            for (int ok = oi; ok < oj - 1; ok++)
            {
                if (oldStrides[ok] != oldDims[ok + 1] * oldStrides[ok + 1]) return false;
            }
            newStrides[nj - 1] = oldStrides[oj - 1];
            for (int nk = nj - 1; nk > ni; nk--) newStrides[nk - 1] = newStrides[nk] * newDims[nk];
            ni = nj++;
            oi = oj++;
        }
        nint last = ni >= 1 ? newStrides[ni - 1] : itemSize;
        for (int nk = ni; nk < newNd; nk++) newStrides[nk] = last;
        return true;
    }

    private static ArgumentException SizeMismatch(in NdLayout layout, ReadOnlySpan<nint> newShape) =>
        new($"cannot reshape a view of size {layout.Length} into shape {FormatShape(newShape)}");

    internal static string FormatShape(ReadOnlySpan<nint> shape)
    {
        var text = new StringBuilder("(");
        for (int d = 0; d < shape.Length; d++)
        {
            if (d > 0) text.Append(", ");
            text.Append(shape[d]);
        }
        if (shape.Length == 1) text.Append(',');
        return text.Append(')').ToString();
    }

    private static void CheckAxis(int axis, int ndim)
    {
        if ((uint)axis >= (uint)ndim)
            throw new ArgumentException($"axis {axis} is out of bounds for array of dimension {ndim}");
    }

    private static IndexOutOfRangeException OutOfBounds(in NdLayout layout, int axis, nint i) =>
        new($"index {i} is out of bounds for axis {axis} with size {layout.Shape[axis]}");
}
