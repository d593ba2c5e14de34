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

    /// <summary>The rows (last-axis runs, or in memory order) of a layout, each as its elements (indexed, or enumerated by the row).</summary>
    private static List<double[]> Rows(double[] data, nint offset, nint[] shape, nint[] strides, bool memoryOrder = false, bool enumerate = false)
    {
        var rows = new List<double[]>();
        fixed (double* p = data)
        fixed (nint* sh = shape)
        fixed (nint* st = strides)
        {
            var view = new NdView<double>(new NdLayout((byte*)(p + offset), sh, st, shape.Length, sizeof(double)));
            foreach (NdRow<double> row in memoryOrder ? view.RowsInMemoryOrder : view.Rows)
            {
                var values = new List<double>();
                if (enumerate)
                {
                    foreach (double x in row) values.Add(x);
                }
                else
                {
                    for (nint j = 0; j < row.Length; j++) values.Add(row[j]);
                }
                Assert.Equal(row.Length, values.Count);
                rows.Add(values.ToArray());
            }
        }
        return rows;
    }

    [Fact]
    public void RowsFollowTheLastAxisInCOrder()
    {
        Assert.Equal(new[] { new double[] { 0, 4, 8 }, new double[] { 1, 5, 9 }, new double[] { 2, 6, 10 }, new double[] { 3, 7, 11 } },
            Rows(Data, 0, [4, 3], [8, 32]));                                    // a transpose
        Assert.Equal(new[] { new double[] { 11, 9, 7 } }, Rows(Data, 11, [3], [-16]));   // negative stride
        Assert.Equal(new[] { new double[] { 5 } }, Rows(Data, 5, [], []));               // 0-d: one row of one
        Assert.Empty(Rows(Data, 0, [0, 3], [24, 8]));                                    // empty: no rows
        var threeD = Rows(Data, 0, [2, 2, 3], [48, 24, 8]);
        Assert.Equal(4, threeD.Count);
        Assert.Equal(new double[] { 9, 10, 11 }, threeD[3]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RowsEnumerateTheSameElementsTheirIndexerReads(bool memoryOrder)
    {
        nint[][] shapes = [[4, 3], [3], [], [0, 3], [2, 2, 3], [3, 1], [1, 3]];
        nint[][] strides = [[8, 32], [-16], [], [24, 8], [48, 24, 8], [8, 8], [8, 32]];
        nint[] offsets = [0, 11, 5, 0, 0, 0, 0];
        for (int i = 0; i < shapes.Length; i++)
            Assert.Equal(Rows(Data, offsets[i], shapes[i], strides[i], memoryOrder), Rows(Data, offsets[i], shapes[i], strides[i], memoryOrder, enumerate: true));
    }

    [Fact]
    public void RowsInMemoryOrderRunAlongTheSmallestStrideAndVisitEveryElementOnce()
    {
        // A transpose: rows along axis 0 (stride 8), which are the original rows.
        Assert.Equal(new[] { new double[] { 0, 1, 2, 3 }, new double[] { 4, 5, 6, 7 }, new double[] { 8, 9, 10, 11 } },
            Rows(Data, 0, [4, 3], [8, 32], memoryOrder: true));
        // Already C order: the same rows as Rows.
        Assert.Equal(Rows(Data, 0, [2, 2, 3], [48, 24, 8]), Rows(Data, 0, [2, 2, 3], [48, 24, 8], memoryOrder: true));
        // A middle axis with the smallest stride; axes of length 1 never chosen.
        var middle = Rows(Data, 0, [2, 3, 2], [48, 8, 24], memoryOrder: true);
        Assert.Equal(4, middle.Count);
        Assert.All(middle, r => Assert.Equal(3, r.Length));
        Assert.Equal(Enumerable.Range(0, 12).Select(x => (double)x), middle.SelectMany(r => r).Order());
        Assert.Equal(new[] { new double[] { 0, 4, 8 } }, Rows(Data, 0, [1, 3], [8, 32], memoryOrder: true));
        Assert.Equal(new[] { new double[] { 11, 9, 7 } }, Rows(Data, 11, [3], [-16], memoryOrder: true));
        Assert.Equal(new[] { new double[] { 5 } }, Rows(Data, 5, [], [], memoryOrder: true));
        Assert.Empty(Rows(Data, 0, [0, 3], [24, 8], memoryOrder: true));
    }

    [Fact]
    public void ARowIsASpanOnlyWhenItsElementsAreAdjacent()
    {
        fixed (double* p = Data)
        {
            nint* shape = stackalloc nint[] { 4, 3 };
            nint* strides = stackalloc nint[] { 8, 32 };
            var view = new NdViewMut<double>(new NdLayout((byte*)p, shape, strides, 2, 8));
            foreach (NdRowMut<double> row in view.Rows) Assert.False(row.TryGetSpan(out _));
            int rows = 0;
            foreach (NdRowMut<double> row in view.RowsInMemoryOrder)
            {
                Assert.True(row.TryGetSpan(out Span<double> run));
                Assert.Equal(4, run.Length);
                Assert.Equal(4.0 * rows, run[0]);
                rows++;
            }
            Assert.Equal(3, rows);
        }
    }

    [Fact]
    public void RowIndexingOutOfRangeIsAnIndexError()
    {
        Assert.Throws<IndexOutOfRangeException>(() =>
        {
            fixed (double* p = Data)
            {
                nint* shape = stackalloc nint[] { 3 };
                nint* strides = stackalloc nint[] { 8 };
                var view = new NdView<double>(new NdLayout((byte*)p, shape, strides, 1, 8));
                foreach (NdRow<double> row in view.Rows) _ = row[3];
            }
        });
    }
}
