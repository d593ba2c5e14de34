using System.Numerics.Tensors;
using NdBindgen;

namespace NdExt;

/// <summary>
/// Array algebra with System.Numerics.Tensors instead of hand-written loops: <c>TensorPrimitives</c>
/// on contiguous spans (vectorized), <c>Tensor</c> on any layout a tensor span describes, and NdZip
/// for numpy's broadcasting.
/// </summary>
public static class Algebra
{
    /// <summary><c>y += a * x</c>, in place (BLAS's axpy).</summary>
    /// <param name="a">The scale of <paramref name="x"/>.</param>
    /// <param name="x">A float64 array of <paramref name="y"/>'s shape, or one that broadcasts to it.</param>
    /// <param name="y">A writable float64 array.</param>
    [PyFunction]
    public static void Axpy(double a, NdView<double> x, NdViewMut<double> y) =>
        // Contiguous arrays reach ScaleAdd's span form (TensorPrimitives.MultiplyAdd) in cache-sized
        // blocks; one call over a whole large array in place is up to 3x slower (docs/performance.md).
        NdZip.Map(y, x, y.AsReadOnly(), new ScaleAdd(a));

    /// <summary><c>y += a * x</c> with a plain <c>foreach</c> loop over the elements: what <c>axpy</c> is measured against.</summary>
    /// <param name="a">The scale of <paramref name="x"/>.</param>
    /// <param name="x">A contiguous float64 array of <paramref name="y"/>'s length.</param>
    /// <param name="y">A writable contiguous float64 array.</param>
    [PyFunction]
    public static void AxpyLoop(double a, NdView<double> x, NdViewMut<double> y)
    {
        if (!x.TryGetSpan(out ReadOnlySpan<double> xs) || !y.TryGetSpan(out Span<double> ys) || xs.Length != ys.Length)
            throw new ArgumentException("x and y must be contiguous arrays of one length");
        int i = 0;
        foreach (double value in xs) ys[i++] += a * value;
    }

    /// <summary>The dot product of two vectors (<c>np.dot</c> of 1-d arrays).</summary>
    /// <param name="x">A 1-d float64 array.</param>
    /// <param name="y">A 1-d float64 array of the same length.</param>
    /// <returns>The sum of the products of their elements.</returns>
    [PyFunction]
    public static double Dot(NdView<double> x, NdView<double> y)
    {
        if (x.Ndim != 1 || y.Ndim != 1 || x.Length != y.Length)
            throw new ArgumentException($"dot takes two 1-d arrays of one length, not shapes {Shape(x)} and {Shape(y)}");
        if (x.TryGetSpan(out ReadOnlySpan<double> xs) && y.TryGetSpan(out ReadOnlySpan<double> ys))
            return TensorPrimitives.Dot(xs, ys);
        // Strided (a column, every other element): a tensor span over the same memory, no copy.
        return Tensor.Dot(Strided(x), Strided(y));
    }

    /// <summary>The logistic function <c>1 / (1 + exp(-x))</c> of every element: a map.</summary>
    /// <param name="x">A float64 array of any shape and layout.</param>
    /// <returns>A new array of the same shape.</returns>
    [PyFunction]
    public static NdArray<double> Sigmoid(NdView<double> x)
    {
        if (x.TryGetSpan(out ReadOnlySpan<double> xs))
        {
            var result = NdArray<double>.Uninitialized(x.Shape);
            if (xs.Length > 0) TensorPrimitives.Sigmoid(xs, result.AsSpan());   // it refuses empty spans
            return result;
        }
        return NdArray<double>.From(Tensor.Sigmoid(Strided(x)));
    }

    /// <summary>The Euclidean norm <c>sqrt(sum(x**2))</c> of all elements: a reduction.</summary>
    /// <param name="x">A float64 array of any shape and layout.</param>
    /// <returns>The norm (0.0 for an empty array).</returns>
    [PyFunction]
    public static double Norm(NdView<double> x) =>
        x.TryGetSpan(out ReadOnlySpan<double> xs) ? TensorPrimitives.Norm(xs) : Tensor.Norm(Strided(x));

    /// <summary><c>out = a + b</c> with numpy's broadcasting (<c>np.add(a, b, out=out)</c>).</summary>
    /// <param name="a">A float64 array.</param>
    /// <param name="b">A float64 array that broadcasts with <paramref name="a"/>.</param>
    /// <param name="out">A writable float64 array of the broadcast shape.</param>
    [PyFunction]
    public static void AddInto(NdView<double> a, NdView<double> b, NdViewMut<double> @out) =>
        NdZip.Map(@out, a, b, new Add());

    /// <summary><c>a + b</c> with numpy's broadcasting, as a new array.</summary>
    /// <param name="a">A float64 array.</param>
    /// <param name="b">A float64 array that broadcasts with <paramref name="a"/>.</param>
    /// <returns>A new array of the broadcast shape.</returns>
    [PyFunction]
    public static NdArray<double> AddBroadcast(NdView<double> a, NdView<double> b) =>
        NdZip.MapNew<Add, double, double, double>(a, b, new Add());

    // A tensor span where the layout allows one (any non-negative strides), else a copy.
    private static ReadOnlyTensorSpan<double> Strided(NdView<double> x) =>
        x.TryAsTensorSpan(out ReadOnlyTensorSpan<double> span) ? span : x.ToTensor().AsReadOnlyTensorSpan();

    private static string Shape(NdView<double> x) => $"({string.Join(", ", x.Shape.ToArray())}{(x.Ndim == 1 ? "," : "")})";

    /// <summary>a + b, element by element; contiguous runs through TensorPrimitives.</summary>
    private readonly struct Add : IBinaryOp<double, double, double>
    {
        public double Invoke(double a, double b) => a + b;

        public bool TryInvoke(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result)
        {
            TensorPrimitives.Add(a, b, result);
            return true;
        }
    }

    /// <summary>alpha * x + y.</summary>
    private readonly struct ScaleAdd(double alpha) : IBinaryOp<double, double, double>
    {
        public double Invoke(double x, double y) => alpha * x + y;

        public bool TryInvoke(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> result)
        {
            TensorPrimitives.MultiplyAdd(x, alpha, y, result);
            return true;
        }
    }
}
