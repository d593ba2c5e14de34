using System;
using NdBindgen.NumPy;

namespace NdBindgen;

// Views of views: zero-copy rows, slices, transposes and reshapes (the arithmetic: NumPy/NdDerive.cs).
// A derived view looks at the same elements, and writes through it land in the same array; it is valid as long as the view it came from
// (for a parameter: the call) and it keeps the same owner, so it can be returned to Python.
public readonly unsafe ref partial struct NdViewMut<T>
{
    /// <summary>
    /// Row <paramref name="i"/> along the first axis: an (n-1)-d view (numpy's <c>a[i]</c>). Costs no
    /// allocation: it shares this view's shape and strides. On a 1-d view it is a 0-d view of one
    /// element (the indexer <c>this[i]</c> gives the element itself).
    /// </summary>
    public NdViewMut<T> Row(nint i) => new(NdDerive.Row(Layout, i, sizeof(T)), Owner, Keep);

    /// <summary>Element <paramref name="i"/> along <paramref name="axis"/>, that axis removed (numpy's <c>a[:, i]</c> for axis 1).</summary>
    public NdViewMut<T> IndexAxis(int axis, nint i)
    {
        if (axis == 0 && Layout.Ndim > 0) return Row(i);
        nint* storage = NdDerive.NewStorage(Math.Max(Layout.Ndim - 1, 0), out nint[] keep);
        return new(NdDerive.IndexAxis(Layout, axis, i, sizeof(T), storage), Owner, keep);
    }

    /// <summary>
    /// A slice of the first <c>slices.Length</c> axes (the others whole): <c>v.Slice(1..3, NdSlice.Step(.., -2))</c>
    /// is numpy's <c>a[1:3, ::-2]</c>. Ranges are clamped to each axis as numpy clamps; see <see cref="NdSlice"/>.
    /// </summary>
    public NdViewMut<T> Slice(params ReadOnlySpan<NdSlice> slices)
    {
        nint* storage = NdDerive.NewStorage(Layout.Ndim, out nint[] keep);
        return new(NdDerive.Slice(Layout, slices, sizeof(T), storage), Owner, keep);
    }

    /// <summary>A slice of axis <paramref name="axis"/> only: elements <paramref name="range"/>, every <paramref name="step"/>-th.</summary>
    public NdViewMut<T> SliceAxis(int axis, Range range, nint step = 1)
    {
        if ((uint)axis >= (uint)Layout.Ndim) throw new ArgumentException($"axis {axis} is out of bounds for array of dimension {Layout.Ndim}");
        Span<NdSlice> slices = stackalloc NdSlice[axis + 1];
        slices.Fill(NdSlice.All);
        slices[axis] = new NdSlice(range, step);
        return Slice(slices);
    }

    /// <summary>The axes reversed (numpy's <c>a.T</c>).</summary>
    public NdViewMut<T> Transpose()
    {
        nint* storage = NdDerive.NewStorage(Layout.Ndim, out nint[] keep);
        return new(NdDerive.Permute(Layout, default, sizeof(T), storage), Owner, keep);
    }

    /// <summary>The axes in a new order: axis d of the result is axis <c>axes[d]</c> of this view (numpy's <c>a.transpose(axes)</c>).</summary>
    public NdViewMut<T> Permute(params ReadOnlySpan<int> axes)
    {
        if (axes.IsEmpty && Layout.Ndim != 0) throw new ArgumentException($"axes don't match array: 0 axes given for a {Layout.Ndim}-dimensional array");
        nint* storage = NdDerive.NewStorage(Layout.Ndim, out nint[] keep);
        return new(NdDerive.Permute(Layout, axes, sizeof(T), storage), Owner, keep);
    }

    /// <summary>
    /// The same elements in C order with a new shape (one entry may be -1), without copying:
    /// possible when numpy's <c>reshape</c> would not copy either (always for a C-contiguous view).
    /// Otherwise an ArgumentException (ValueError in Python) that says why; copy the view first then.
    /// </summary>
    public NdViewMut<T> Reshape(params ReadOnlySpan<nint> shape)
    {
        nint* storage = NdDerive.NewStorage(shape.Length, out nint[] keep);
        return new(NdDerive.Reshape(Layout, shape, sizeof(T), storage), Owner, keep);
    }

    /// <summary>Every axis of length 1 removed (numpy's <c>a.squeeze()</c>).</summary>
    public NdViewMut<T> Squeeze() => new(NdDerive.Squeeze(Layout, sizeof(T), out nint[] keep), Owner, keep);

    /// <summary>A new axis of length 1 before axis <paramref name="axis"/> (0..Ndim; numpy's <c>numpy.expand_dims</c>).</summary>
    public NdViewMut<T> InsertAxis(int axis)
    {
        nint* storage = NdDerive.NewStorage(Layout.Ndim + 1, out nint[] keep);
        return new(NdDerive.InsertAxis(Layout, axis, sizeof(T), storage), Owner, keep);
    }
}
