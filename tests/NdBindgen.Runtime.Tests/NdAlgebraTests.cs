using System.Numerics.Tensors;
using NdBindgen.NumPy;

namespace NdBindgen.Runtime.Tests;

/// <summary>Tensor conversions, NdZip's broadcasting rules and NdParallel.ForRows, on managed memory (no Python needed).</summary>
public unsafe class NdAlgebraTests
{
    // A layout over pinned managed memory; offset and strides in elements.
    private sealed class Strided : IDisposable
    {
        private readonly System.Runtime.InteropServices.GCHandle _data;
        private readonly nint* _dims;
        public readonly NdLayout Layout;

        public Strided(double[] data, nint offset, nint[] shape, nint[] elementStrides, nint? byteStrideOverride = null)
        {
            _data = System.Runtime.InteropServices.GCHandle.Alloc(data, System.Runtime.InteropServices.GCHandleType.Pinned);
            _dims = (nint*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)Math.Max(1, 2 * shape.Length), (nuint)sizeof(nint));
            for (int d = 0; d < shape.Length; d++)
            {
                _dims[d] = shape[d];
                _dims[shape.Length + d] = elementStrides[d] * sizeof(double);
            }
            if (byteStrideOverride is nint s) _dims[2 * shape.Length - 1] = s;
            var p = (double*)_data.AddrOfPinnedObject() + offset;
            Layout = new NdLayout((byte*)p, _dims, _dims + shape.Length, shape.Length, sizeof(double));
        }

        public NdView<double> View => new(Layout);
        public NdViewMut<double> ViewMut => new(Layout);

        public void Dispose()
        {
            System.Runtime.InteropServices.NativeMemory.Free(_dims);
            _data.Free();
        }
    }

    private static double[] Iota(int n) => Enumerable.Range(0, n).Select(i => (double)i).ToArray();

    private struct Add : IBinaryOp<double, double, double>
    {
        public double Invoke(double a, double b) => a + b;
        public bool TryInvoke(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result) => false;
    }

    private struct AddVectorized : IBinaryOp<double, double, double>
    {
        public static int SpanCalls;
        public double Invoke(double a, double b) => a + b;
        public bool TryInvoke(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result)
        {
            SpanCalls++;
            TensorPrimitives.Add(a, b, result);
            return true;
        }
    }

    private struct Fma : ITernaryOp<double, double, double, double>
    {
        public double Invoke(double a, double b, double c) => a * b + c;
        public bool TryInvoke(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, Span<double> result) => false;
    }

    private struct Negate : IUnaryOp<double, double>
    {
        public double Invoke(double a) => -a;
        public bool TryInvoke(ReadOnlySpan<double> a, Span<double> result) => false;
    }

    [Theory]
    [InlineData(new long[] { 3, 1 }, new long[] { 4 }, new long[] { 3, 4 })]
    [InlineData(new long[] { }, new long[] { 5 }, new long[] { 5 })]
    [InlineData(new long[] { 0 }, new long[] { 1 }, new long[] { 0 })]
    [InlineData(new long[] { 2, 1, 3 }, new long[] { 4, 1 }, new long[] { 2, 4, 3 })]
    [InlineData(new long[] { 1 }, new long[] { 1, 1 }, new long[] { 1, 1 })]
    public void ShapesBroadcastAsNumpysDo(long[] a, long[] b, long[] expected)
    {
        nint[] Cast(long[] s) => s.Select(x => (nint)x).ToArray();
        Assert.Equal(Cast(expected), NdZip.BroadcastShape(Cast(a), Cast(b)));
        Assert.Equal(Cast(expected), NdZip.BroadcastShape(Cast(b), Cast(a)));
    }

    [Fact]
    public void MismatchedShapesNameBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => NdZip.BroadcastShape([3], [4]));
        Assert.Equal("operands could not be broadcast together with shapes (3,) (4,)", e.Message);
        e = Assert.Throws<ArgumentException>(() => NdZip.BroadcastShape([0], [3]));
        Assert.Equal("operands could not be broadcast together with shapes (0,) (3,)", e.Message);
        e = Assert.Throws<ArgumentException>(() => NdZip.BroadcastShape([2, 3], [3], [4, 1, 2]));
        Assert.Equal("operands could not be broadcast together with shapes (2,3) (3,) (4,1,2)", e.Message);
    }

    [Fact]
    public void AnOutputOfTheWrongShapeIsNamedWithTheBroadcastShape()
    {
        using var a = new Strided(Iota(12), 0, [3, 4], [4, 1]);
        using var small = new Strided(new double[4], 0, [4], [1]);
        using var wide = new Strided(new double[5], 0, [5], [1]);
        var e = Assert.Throws<ArgumentException>(() => NdZip.Map(small.ViewMut, a.View, a.View, new Add()));
        Assert.Equal("non-broadcastable output operand with shape (4,) doesn't match the broadcast shape (3,4)", e.Message);
        e = Assert.Throws<ArgumentException>(() => NdZip.Map(wide.ViewMut, a.View, a.View, new Add()));
        Assert.Equal("operands could not be broadcast together with shapes (3,4) (3,4) (5,)", e.Message);
    }

    [Fact]
    public void BroadcastsAColumnAgainstARowIntoEveryLayoutOfOutput()
    {
        using var column = new Strided([10, 20, 30], 0, [3, 1], [1, 1]);
        using var row = new Strided([1, 2, 3, 4], 0, [4], [1]);
        double[] expected = [11, 12, 13, 14, 21, 22, 23, 24, 31, 32, 33, 34];
        // C order, Fortran order, and C order walked backwards on both axes.
        foreach (var (offset, strides) in new (nint, nint[])[] { (0, [4, 1]), (0, [1, 3]), (11, [-4, -1]) })
        {
            var data = new double[12];
            using var output = new Strided(data, offset, [3, 4], strides);
            NdZip.Map(output.ViewMut, column.View, row.View, new Add());
            Assert.Equal(expected, output.View.ToArray());
        }
    }

    [Fact]
    public void VisitsElementsInTheOutputsMemoryOrder()
    {
        var data = new double[12];
        using var fortran = new Strided(data, 0, [3, 4], [1, 3]);
        using var a = new Strided(Iota(12), 0, [3, 4], [4, 1]);
        var seen = new List<double>();
        NdZip.Map(fortran.ViewMut, a.View, x => { seen.Add(x); return x; });
        Assert.Equal([0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11], seen);
    }

    [Fact]
    public void ContiguousOperandsReachTheSpanFormAsOneRun()
    {
        using var a = new Strided(Iota(12), 0, [3, 4], [4, 1]);
        using var b = new Strided(Iota(12), 0, [3, 4], [4, 1]);
        using var output = new Strided(new double[12], 0, [3, 4], [4, 1]);
        AddVectorized.SpanCalls = 0;
        NdZip.Map(output.ViewMut, a.View, b.View, new AddVectorized());
        Assert.Equal(1, AddVectorized.SpanCalls);
        Assert.Equal(Iota(12).Select(x => 2 * x), output.View.ToArray());
        // A broadcast row: one span call per output row; a strided input: none (the element loop).
        using var row = new Strided([1, 2, 3, 4], 0, [4], [1]);
        AddVectorized.SpanCalls = 0;
        NdZip.Map(output.ViewMut, a.View, row.View, new AddVectorized());
        Assert.Equal(3, AddVectorized.SpanCalls);
        Assert.Equal(new double[] { 1, 3, 5, 7, 5, 7, 9, 11, 9, 11, 13, 15 }, output.View.ToArray());
        using var everyOther = new Strided(Iota(24), 0, [3, 4], [8, 2]);
        AddVectorized.SpanCalls = 0;
        NdZip.Map(output.ViewMut, everyOther.View, a.View, new AddVectorized());
        Assert.Equal(0, AddVectorized.SpanCalls);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (double)(2 * i + i)), output.View.ToArray());
        // A column broadcast along each row (stride 0): the repeated element as a span, one call per row.
        using var column = new Strided([10, 20, 30], 0, [3, 1], [1, 1]);
        AddVectorized.SpanCalls = 0;
        NdZip.Map(output.ViewMut, a.View, column.View, new AddVectorized());
        Assert.Equal(3, AddVectorized.SpanCalls);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i + 10.0 * (i / 4 + 1)), output.View.ToArray());
    }

    [Fact]
    public void LongRunsGoToTheSpanFormInBlocksOf16KiB()
    {
        using var a = new Strided(Iota(5000), 0, [5000], [1]);
        using var scalar = new Strided([0.5], 0, [], []);
        using var output = new Strided(new double[5000], 0, [5000], [1]);
        AddVectorized.SpanCalls = 0;
        NdZip.Map(output.ViewMut, a.View, scalar.View, new AddVectorized());
        Assert.Equal(3, AddVectorized.SpanCalls);   // 2048 + 2048 + 904 float64
        Assert.Equal(Iota(5000).Select(x => x + 0.5), output.View.ToArray());
    }

    private readonly struct Axpy(double alpha) : IBinaryOp<double, double, double>
    {
        public double Invoke(double x, double y) => alpha * x + y;
        public bool TryInvoke(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> result) => false;
    }

    [Fact]
    public void OpsCarryParametersAndTheLoopAllocatesNothing()
    {
        using var x = new Strided(Iota(2000), 0, [1000, 2], [2, 1]);
        using var y = new Strided(new double[2], 0, [2], [1]);
        using var output = new Strided(new double[2000], 0, [1000, 2], [2, 1]);
        NdZip.Map(output.ViewMut, x.View, y.View, new Axpy(3));   // compiled and warmed up
        y.ViewMut[0] = 1;
        long before = GC.GetAllocatedBytesForCurrentThread();
        NdZip.Map(output.ViewMut, x.View, y.View, new Axpy(3));   // 1000 contiguous runs of 2
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1000, $"{allocated} bytes allocated: the loop boxed the op");
        Assert.Equal(Iota(2000).Select((v, i) => 3 * v + (i % 2 == 0 ? 1 : 0)), output.View.ToArray());
    }

    [Fact]
    public void ZeroDimensionalEmptyUnaryTernaryAndInPlace()
    {
        using var scalar = new Strided([5], 0, [], []);
        using var a = new Strided(Iota(4), 0, [4], [1]);
        using var output = new Strided(new double[4], 0, [4], [1]);
        NdZip.Map(output.ViewMut, a.View, scalar.View, a.View, new Fma());
        Assert.Equal(new double[] { 0, 6, 12, 18 }, output.View.ToArray());
        NdZip.Map(output.ViewMut, output.View, new Negate());
        Assert.Equal(new double[] { 0, -6, -12, -18 }, output.View.ToArray());
        using var scalarOut = new Strided(new double[1], 0, [], []);
        NdZip.Map(scalarOut.ViewMut, scalar.View, scalar.View, (x, y) => x * y);
        Assert.Equal([25.0], scalarOut.View.ToArray());
        using var empty = new Strided([], 0, [0, 3], [3, 1]);
        using var row = new Strided(Iota(3), 0, [3], [1]);
        NdZip.Map(empty.ViewMut, empty.View, row.View, new Add());
        using var result = NdZip.MapNew<Add, double, double, double>(scalar.View, row.View, new Add());
        Assert.Equal([3], result.Shape.ToArray());
        Assert.Equal([5.0, 6, 7], result.AsSpan().ToArray());
    }

    [Fact]
    public void TensorSpansShareTheViewsMemoryAndStrides()
    {
        double[] data = Iota(12);
        using (var c = new Strided(data, 0, [3, 4], [4, 1]))
        {
            TensorSpan<double> t = c.ViewMut.AsTensorSpan();
            Assert.Equal([3, 4], t.Lengths.ToArray());
            Assert.True(t.IsDense);
            t[[1, 2]] = 100;
            Assert.Equal(100, data[6]);
        }
        using (var f = new Strided(data, 0, [4, 3], [1, 4]))   // the transpose
        {
            ReadOnlyTensorSpan<double> t = f.View.AsTensorSpan();
            Assert.Equal([1, 4], t.Strides.ToArray());
            Assert.Equal(100, t[[2, 1]]);
        }
        using (var columns = new Strided(data, 1, [3, 2], [4, 2]))   // a[:, 1::2]
        {
            Assert.Equal([1.0, 3, 5, 7, 9, 11], Flatten(columns.View.AsTensorSpan()));
        }
        using (var broadcast = new Strided(data, 0, [3, 4], [0, 1]))   // np.broadcast_to(a[0], (3, 4))
            Assert.Equal(0, broadcast.View.AsTensorSpan().Strides[0]);
        using (var scalar = new Strided(data, 3, [], []))
        {
            ReadOnlyTensorSpan<double> t = scalar.View.AsTensorSpan();
            Assert.Equal(1, t.FlattenedLength);
            Assert.Equal(3, t[[0]]);
        }
        using (var empty = new Strided(data, 0, [0, 4], [4, 1]))
            Assert.Equal(0, empty.View.AsTensorSpan().FlattenedLength);
        using (var oddLengthOne = new Strided(data, 0, [1, 4], [1000, 1]))   // numpy leaves any stride on a length-1 axis
            Assert.Equal(4, oddLengthOne.View.AsTensorSpan().FlattenedLength);
    }

    private static double[] Flatten(ReadOnlyTensorSpan<double> t)
    {
        var result = new double[t.FlattenedLength];
        t.FlattenTo(result);
        return result;
    }

    [Fact]
    public void LayoutsATensorSpanCannotTakeSayWhyAndTryReturnsFalse()
    {
        double[] data = Iota(12);
        using var reversed = new Strided(data, 11, [12], [-1]);
        var e = Assert.Throws<ArgumentException>(() => reversed.View.AsTensorSpan());
        Assert.StartsWith("axis 0 has a negative stride (-8 bytes), which a tensor span cannot represent: pass np.ascontiguousarray(a), or copy with ToTensor()", e.Message);
        Assert.False(reversed.ViewMut.TryAsTensorSpan(out _));
        using var packed = new Strided(data, 0, [3], [1], byteStrideOverride: 12);
        e = Assert.Throws<ArgumentException>(() => packed.View.AsTensorSpan());
        Assert.Contains("axis 0 has a stride of 12 bytes, not a multiple of the 8-byte element", e.Message);
        using var overlapping = new Strided(data, 0, [3, 4], [1, 1]);
        e = Assert.Throws<ArgumentException>(() => overlapping.ViewMut.AsTensorSpan());
        Assert.Contains("the strides (8, 8) make elements overlap", e.Message);
        Assert.False(overlapping.View.TryAsTensorSpan(out _));
        // The documented way out: a copy.
        Tensor<double> copy = reversed.View.ToTensor();
        Assert.Equal(data.Reverse(), Flatten(copy.AsReadOnlyTensorSpan()));
    }

    [Fact]
    public void ArraysFromTensorsCopyShapeAndElements()
    {
        Tensor<double> t = Tensor.Create(Iota(6), [2, 3]);
        using NdArray<double> a = NdArray<double>.From(t);
        Assert.Equal([2, 3], a.Shape.ToArray());
        Assert.Equal(Iota(6), a.AsSpan().ToArray());
        t[[0, 0]] = 42;
        Assert.Equal(0, a[0, 0]);   // a copy
        using var column = new Strided(Iota(6), 1, [2], [3]);
        using NdArray<double> b = NdArray<double>.From(column.View.AsTensorSpan());
        Assert.Equal([1.0, 4.0], b.AsSpan().ToArray());
        Assert.Equal([1.0, 4.0], Flatten(b.AsTensorSpan()));
    }

    [Theory]
    [InlineData(3, 4)]           // inline on the calling thread
    [InlineData(1000, 300)]      // parallel chunks
    public void ForRowsVisitsEveryRowOnceWithItsIndex(int rows, int columns)
    {
        double[] data = new double[rows * columns];
        // Fortran order: the rows are strided, not spans.
        using var output = new Strided(data, 0, [rows, columns], [1, rows]);
        NdParallel.ForRows(output.ViewMut, (i, row) =>
        {
            for (nint j = 0; j < row.Length; j++) row[j] += i * 1000 + j;
        });
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                Assert.Equal(i * 1000 + j, data[j * rows + i]);

        using var input = new Strided(Iota(rows * columns), 0, [rows, columns], [columns, 1]);
        using var sums = new Strided(new double[rows], 0, [rows], [1]);
        NdParallel.ForRows(input.View, sums.ViewMut, (i, row, sum) =>
        {
            Assert.True(row.TryGetSpan(out ReadOnlySpan<double> span));
            sum[[]] = TensorPrimitives.Sum(span);
        });
        double[] actual = sums.View.ToArray();
        for (int i = 0; i < rows; i++)
            Assert.Equal(Enumerable.Range(i * columns, columns).Sum(x => (double)x), actual[i]);
    }

    [Theory]
    [InlineData(10)]        // inline
    [InlineData(100_000)]   // on pool threads
    public void ABodysExceptionComesOutUnwrapped(int rows)
    {
        using var a = new Strided(new double[rows * 2], 0, [rows, 2], [2, 1]);
        var e = Assert.Throws<IndexOutOfRangeException>(() => NdParallel.ForRows(a.ViewMut, (i, row) =>
        {
            if (i == rows - 1) _ = row[5];
        }));
        Assert.Equal("index 5 is out of bounds for axis 0 with size 2", e.Message);
    }

    [Fact]
    public void ForRowsRefusesRowCountsThatDiffer()
    {
        using var a = new Strided(Iota(6), 0, [3, 2], [2, 1]);
        using var b = new Strided(new double[4], 0, [2, 2], [2, 1]);
        var e = Assert.Throws<ArgumentException>(() => NdParallel.ForRows(a.View, b.ViewMut, (i, x, y) => { }));
        Assert.StartsWith("input has 3 rows, output 2", e.Message);
    }
}
