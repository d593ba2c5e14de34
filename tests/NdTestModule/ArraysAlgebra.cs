using System.Numerics.Tensors;
using NdBindgen;

namespace NdTestModule;

/// <summary>Array algebra: NdZip broadcasting loops, tensor-span views, arrays from tensors, NdParallel.ForRows.</summary>
public static class ArraysAlgebra
{
    /// <summary>out = a + b with broadcasting (struct op, span form through TensorPrimitives).</summary>
    [PyFunction]
    public static void ZipAdd(NdView<double> a, NdView<double> b, NdViewMut<double> @out) => NdZip.Map(@out, a, b, new Add());

    /// <summary>out = a * 10 + b with broadcasting, element loop only (no span form).</summary>
    [PyFunction]
    public static void ZipScaleAdd(NdView<double> a, NdView<double> b, NdViewMut<double> @out) => NdZip.Map(@out, a, b, new ScaleAdd(10));

    /// <summary>out = a - b with broadcasting through the delegate form; int64 elements.</summary>
    [PyFunction]
    public static void ZipSubtractFunc(NdView<long> a, NdView<long> b, NdViewMut<long> @out) => NdZip.Map(@out, a, b, (x, y) => x - y);

    /// <summary>a + b as a new array of the broadcast shape.</summary>
    [PyFunction]
    public static NdArray<double> ZipAddNew(NdView<double> a, NdView<double> b) => NdZip.MapNew<Add, double, double, double>(a, b, new Add());

    /// <summary>out = a * b + c with broadcasting; float32 inputs, float64 result.</summary>
    [PyFunction]
    public static void ZipFma(NdView<float> a, NdView<float> b, NdView<float> c, NdViewMut<double> @out) => NdZip.Map(@out, a, b, c, new Fma());

    /// <summary>out = -a with broadcasting (unary).</summary>
    [PyFunction]
    public static void MapNegate(NdView<double> a, NdViewMut<double> @out) => NdZip.Map(@out, a, new Negate());

    /// <summary>The element strides of the view as a tensor span (ValueError where it cannot be one).</summary>
    [PyFunction]
    public static long[] TensorStrides(NdView<double> a)
    {
        ReadOnlyTensorSpan<double> t = a.AsTensorSpan();
        return Array.ConvertAll(t.Strides.ToArray(), s => (long)s);
    }

    /// <summary>Whether TryAsTensorSpan succeeds (it never raises).</summary>
    [PyFunction]
    public static bool TensorSpanPossible(NdViewMut<double> a) => a.TryAsTensorSpan(out _);

    /// <summary>The sum of the elements through Tensor.Sum on the zero-copy tensor span.</summary>
    [PyFunction]
    public static double TensorSum(NdView<double> a) => Tensor.Sum(a.AsTensorSpan());

    /// <summary>Fills the array through its tensor span: the writes land in numpy's memory.</summary>
    [PyFunction]
    public static void TensorFill(NdViewMut<double> a, double value) => a.AsTensorSpan().Fill(value);

    /// <summary>A copy of any view, negative strides too, as a Tensor and back to a new array.</summary>
    [PyFunction]
    public static NdArray<double> ThroughTensor(NdView<double> a) => NdArray<double>.From(a.ToTensor());

    /// <summary>A (rows, cols) array from a Tensor&lt;int&gt;: element [i, j] = 10 i + j.</summary>
    [PyFunction]
    public static NdArray<int> FromTensor(int rows, int cols)
    {
        Tensor<int> t = Tensor.Create(Enumerable.Range(0, rows * cols).Select(k => 10 * (k / cols) + k % cols).ToArray(), [rows, cols]);
        return NdArray<int>.From(t);
    }

    /// <summary>Adds 1000 * (row index) to every element, `repeat` times, rows in parallel when the array is large, with the GIL released.</summary>
    [PyFunction]
    public static void AddRowIndexParallel(Python py, NdViewMut<double> a, int repeat = 1) =>
        py.AllowThreads(a, view =>
        {
            for (int r = 0; r < repeat; r++)
                NdParallel.ForRows(view, (i, row) =>
                {
                    foreach (ref double x in row) x += 1000 * i;
                });
        });

    /// <summary>out[i] = sum of row i of a (2-d), rows in parallel (with the GIL held: the rows need no Python).</summary>
    [PyFunction]
    public static void RowSumsParallel([Ndim(2)] NdView<double> a, [Ndim(1)] NdViewMut<double> @out) =>
        NdParallel.ForRows(a, @out, static (i, row, sum) =>
        {
            double total = 0;
            foreach (double x in row) total += x;
            sum[[]] = total;
        });

    private readonly struct Add : IBinaryOp<double, double, double>
    {
        public double Invoke(double a, double b) => a + b;

        public bool TryInvoke(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result)
        {
            TensorPrimitives.Add(a, b, result);
            return true;
        }
    }

    private readonly struct ScaleAdd(double k) : IBinaryOp<double, double, double>
    {
        public double Invoke(double a, double b) => a * k + b;

        public bool TryInvoke(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result) => false;
    }

    private readonly struct Fma : ITernaryOp<float, float, float, double>
    {
        public double Invoke(float a, float b, float c) => (double)a * b + c;

        public bool TryInvoke(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Span<double> result) => false;
    }

    private readonly struct Negate : IUnaryOp<double, double>
    {
        public double Invoke(double a) => -a;

        public bool TryInvoke(ReadOnlySpan<double> a, Span<double> result)
        {
            TensorPrimitives.Negate(a, result);
            return true;
        }
    }
}
