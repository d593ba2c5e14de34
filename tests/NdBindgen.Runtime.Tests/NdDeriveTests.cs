using NdBindgen.NumPy;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// Views of views on pinned managed memory (no Python needed): the layout arithmetic of rows,
/// slices, transposes, reshapes (numpy's no-copy rule) and squeezes, and that derived views keep
/// their own shape and strides alive (the parent's storage is neither used nor written).
/// </summary>
public unsafe class NdDeriveTests
{
    // 0..23 as a 2x3x4 C-ordered float64 array, on the pinned heap (the view outlives no fixed block).
    private static readonly double[] Data = GC.AllocateArray<double>(24, pinned: true);
    private static readonly nint[] Dims = GC.AllocateArray<nint>(6, pinned: true);

    static NdDeriveTests()
    {
        for (int i = 0; i < 24; i++) Data[i] = i;
        nint[] dims = [2, 3, 4, 96, 32, 8];
        dims.CopyTo(Dims, 0);
    }

    private static NdView<double> Cube()
    {
        nint* dims = (nint*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref Dims[0]);
        byte* data = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref Data[0]);
        return new NdView<double>(new NdLayout(data, dims, dims + 3, 3, sizeof(double)));
    }

    private static double[] Values(NdView<double> v) => v.ToArray();

    [Fact]
    public void RowSharesItsParentsShapeAndStrides()
    {
        NdView<double> cube = Cube();
        NdView<double> row = cube.Row(1);
        Assert.Equal(new nint[] { 3, 4 }, row.Shape.ToArray());
        Assert.Equal(new nint[] { 32, 8 }, row.Strides.ToArray());
        Assert.Equal(Enumerable.Range(12, 12).Select(i => (double)i), Values(row));
        NdView<double> element = row.Row(2).Row(3);
        Assert.Equal(0, element.Ndim);
        Assert.Equal([23.0], Values(element));
        Assert.Throws<IndexOutOfRangeException>(() => { _ = Cube().Row(2); });
        Assert.Throws<IndexOutOfRangeException>(() => { _ = Cube().Row(1).Row(2).Row(3).Row(0); });
    }

    [Fact]
    public void IndexAxisRemovesThatAxis()
    {
        NdView<double> col = Cube().IndexAxis(2, 1);   // a[:, :, 1]
        Assert.Equal(new nint[] { 2, 3 }, col.Shape.ToArray());
        Assert.Equal(new nint[] { 96, 32 }, col.Strides.ToArray());
        Assert.Equal([1, 5, 9, 13, 17, 21], Values(col));
        Assert.Throws<ArgumentException>(() => { _ = Cube().IndexAxis(3, 0); });
    }

    [Fact]
    public void SlicesFollowNumpysStartEndThenStep()
    {
        // a[1:, 0:3][:, ::-2, ::3]: rows 2 and 0 of plane 1, columns 0 and 3.
        NdView<double> s = Cube().Slice(1.., new NdSlice(0..3, -2), NdSlice.Step(.., 3));
        Assert.Equal(new nint[] { 1, 2, 2 }, s.Shape.ToArray());
        Assert.Equal(new nint[] { 96, -64, 24 }, s.Strides.ToArray());
        Assert.Equal([20, 23, 12, 15], Values(s));
    }

    [Fact]
    public void SliceBoundsClampAsNumpys()
    {
        Assert.Equal(new nint[] { 2, 3, 4 }, Cube().Slice(0..100).Shape.ToArray());
        Assert.Equal(new nint[] { 0, 3, 4 }, Cube().Slice(2..1).Shape.ToArray());
        Assert.Equal(new nint[] { 1, 3, 4 }, Cube().Slice(^1..).Shape.ToArray());
        Assert.Equal(new nint[] { 2, 3, 4 }, Cube().Slice(^100..).Shape.ToArray());
        Assert.Empty(Values(Cube().Slice(.., 3..)));
        Assert.Throws<ArgumentException>(() => { _ = Cube().Slice(NdSlice.Step(.., 0)); });
        Assert.Throws<IndexOutOfRangeException>(() => { _ = Cube().Slice(.., .., .., ..); });
    }

    [Fact]
    public void TransposeAndPermuteReorderAxes()
    {
        NdView<double> t = Cube().Transpose();
        Assert.Equal(new nint[] { 4, 3, 2 }, t.Shape.ToArray());
        Assert.Equal(new nint[] { 8, 32, 96 }, t.Strides.ToArray());
        Assert.Equal(0.0, t[[0, 0, 0]]);
        Assert.Equal(13.0, t[[1, 0, 1]]);
        NdView<double> p = Cube().Permute(1, 2, 0);
        Assert.Equal(new nint[] { 3, 4, 2 }, p.Shape.ToArray());
        Assert.Equal(Cube()[[1, 2, 3]], p[[2, 3, 1]]);
        Assert.Throws<ArgumentException>(() => { _ = Cube().Permute(0, 1); });
        Assert.Throws<ArgumentException>(() => { _ = Cube().Permute(0, 1, 1); });
    }

    [Fact]
    public void ReshapeWithoutCopyWhereNumpyCan()
    {
        NdView<double> flat = Cube().Reshape(-1);
        Assert.Equal(new nint[] { 24 }, flat.Shape.ToArray());
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (double)i), Values(flat));
        NdView<double> r = Cube().Reshape(6, 1, 4);
        Assert.Equal(new nint[] { 32, 32, 8 }, r.Strides.ToArray());
        // Reversed columns: a run with a negative stride still splits and merges with itself.
        NdView<double> rev = Cube().Slice(.., .., NdSlice.Step(.., -1)).Reshape(2, 3, 2, 2);
        Assert.Equal(new nint[] { 96, 32, -16, -8 }, rev.Strides.ToArray());
        // Transposed: the axes to merge are not evenly spaced in C order.
        var e = Assert.Throws<ArgumentException>(() => { _ = Cube().Transpose().Reshape(24); });
        Assert.Contains("without copying", e.Message);
        Assert.Throws<ArgumentException>(() => { _ = Cube().Reshape(5, -1); });
        Assert.Throws<ArgumentException>(() => { _ = Cube().Reshape(-1, -1); });
        // Its first axis split off, the transpose reshapes along the others.
        Assert.Equal(new nint[] { 4, 3, 2, 1 }, Cube().Transpose().Reshape(4, 3, 2, 1).Shape.ToArray());
    }

    [Fact]
    public void SqueezeAndInsertAxis()
    {
        NdView<double> v = Cube().Slice(.., 1..2).InsertAxis(0);
        Assert.Equal(new nint[] { 1, 2, 1, 4 }, v.Shape.ToArray());
        NdView<double> s = v.Squeeze();
        Assert.Equal(new nint[] { 2, 4 }, s.Shape.ToArray());
        Assert.Equal(new nint[] { 96, 8 }, s.Strides.ToArray());
        Assert.Equal([4, 5, 6, 7, 16, 17, 18, 19], Values(s));
        Assert.Throws<ArgumentException>(() => { _ = Cube().InsertAxis(4); });
    }

    [Fact]
    public void DerivedViewsOutliveACollectionAndLeaveTheParentAlone()
    {
        NdView<double> t = Cube().Transpose().Slice(1..3);
        GC.Collect();
        GC.Collect();
        _ = new byte[1 << 20];
        Assert.Equal(new nint[] { 2, 3, 2 }, t.Shape.ToArray());
        Assert.Equal([1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22], Values(t));
        Assert.Equal(new nint[] { 2, 3, 4, 96, 32, 8 }, Dims);
    }

    [Fact]
    public void WritesThroughDerivedMutableViewsLandInTheParent()
    {
        var data = GC.AllocateArray<double>(12, pinned: true);
        var dims = GC.AllocateArray<nint>(4, pinned: true);
        dims[0] = 3; dims[1] = 4; dims[2] = 32; dims[3] = 8;
        var m = new NdViewMut<double>(new NdLayout(
            (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref data[0]),
            (nint*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref dims[0]),
            (nint*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref dims[2]), 2, sizeof(double)));
        m.Transpose().Row(1).Fill(7);          // column 1
        m.Slice(NdSlice.Step(.., -2)).Fill(1);   // rows 2 and 0
        Assert.Equal([1, 1, 1, 1, 0, 7, 0, 0, 1, 1, 1, 1], data);
    }
}
