using NdBindgen.NumPy;

namespace NdBindgen.Runtime.Tests;

/// <summary>Shape/stride arithmetic and C-order walking, on managed memory (no Python needed).</summary>
public unsafe class NdLayoutTests
{
    private static List<double> Walk(double[] data, nint offset, nint[] shape, nint[] strides)
    {
        var seen = new List<double>();
        fixed (double* p = data)
        fixed (nint* sh = shape)
        fixed (nint* st = strides)
        {
            var layout = new NdLayout((byte*)(p + offset), sh, st, shape.Length, sizeof(double));
            var cursor = new NdCursor(layout);
            while (cursor.MoveNext()) seen.Add(*(double*)cursor.Current);
        }
        return seen;
    }

    private static readonly double[] Data = Enumerable.Range(0, 12).Select(i => (double)i).ToArray();

    [Fact]
    public void WalksAContiguousMatrixInRowOrder() =>
        Assert.Equal(Data, Walk(Data, 0, [3, 4], [32, 8]));

    [Fact]
    public void WalksATransposeColumnByColumn() =>
        Assert.Equal([0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11], Walk(Data, 0, [4, 3], [8, 32]));

    [Fact]
    public void WalksNegativeStridesBackwards() =>
        Assert.Equal([11, 9, 7, 5, 3, 1], Walk(Data, 11, [6], [-16]));

    [Fact]
    public void ZeroDimensionalHasOneElementAndEmptyHasNone()
    {
        Assert.Equal([5], Walk(Data, 5, [], []));
        Assert.Empty(Walk(Data, 0, [3, 0], [0, 8]));
    }

    [Fact]
    public void ContiguityIgnoresLengthOneAxes()
    {
        fixed (double* p = Data)
        {
            nint* shape = stackalloc nint[] { 3, 1, 4 };
            nint* strides = stackalloc nint[] { 32, 999, 8 };
            Assert.True(new NdLayout((byte*)p, shape, strides, 3, 8).IsCContiguous);
            nint* strided = stackalloc nint[] { 64, 0, 8 };
            Assert.False(new NdLayout((byte*)p, shape, strided, 3, 8).IsCContiguous);
        }
    }

    [Fact]
    public void ExtentCoversNegativeStrides()
    {
        fixed (double* p = Data)
        {
            nint* shape = stackalloc nint[] { 6 };
            nint* strides = stackalloc nint[] { -16 };
            var (start, end) = new NdLayout((byte*)(p + 11), shape, strides, 1, 8).Extent(8);
            Assert.Equal((nuint)(p + 1), start);
            Assert.Equal((nuint)(p + 12), end);
        }
    }

    [Fact]
    public void IndexingOutOfBoundsIsAnIndexError()
    {
        using var array = NdArray<double>.Zeros(2, 3);
        array[1, 2] = 7;
        Assert.Equal(7, array.AsSpan()[5]);
        var e = Assert.Throws<IndexOutOfRangeException>(() => array[2, 0]);
        Assert.Equal("index 2 is out of bounds for axis 0 with size 2", e.Message);
        Assert.Throws<InvalidOperationException>(() => array[0]);
    }
}
