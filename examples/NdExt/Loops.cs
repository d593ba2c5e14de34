using System.Numerics;
using NdBindgen;

namespace NdExt;

/// <summary>
/// The loops users write, three ways each: a <c>foreach</c> over the view (what the README shows),
/// a loop over <c>TryGetSpan</c>'s span, and NdZip's vectorized path (one line). Benchmarked
/// against gcc -O3 C loops (bench/c_ext/nd_ext_c.c <c>poly_inplace</c>, <c>sum_squares</c>;
/// <c>bench.py --only loops</c>).
/// </summary>
public static class Loops
{
    /// <summary><c>a = ((a*0.5+1.5)*a+2.5)*a+3.5</c> in place, with <c>foreach (ref double x in a)</c>.</summary>
    /// <param name="a">A writable float64 array of any shape and layout.</param>
    [PyFunction]
    public static void PolyForeach(NdViewMut<double> a)
    {
        foreach (ref double x in a) x = ((x * 0.5 + 1.5) * x + 2.5) * x + 3.5;
    }

    /// <summary>The sum of the squares of the elements, with <c>foreach (double x in a)</c>.</summary>
    /// <param name="a">A float64 array of any shape and layout.</param>
    /// <returns>The sum, in C order.</returns>
    [PyFunction]
    public static double SumsqForeach(NdView<double> a)
    {
        double s = 0;
        foreach (double x in a) s += x * x;
        return s;
    }

    /// <summary>As <c>poly_foreach</c>, over <c>TryGetSpan</c>'s span (contiguous arrays only).</summary>
    /// <param name="a">A writable C-contiguous float64 array.</param>
    [PyFunction]
    public static void PolySpan(NdViewMut<double> a)
    {
        if (!a.TryGetSpan(out Span<double> span)) throw new ArgumentException("a must be C-contiguous");
        foreach (ref double x in span) x = ((x * 0.5 + 1.5) * x + 2.5) * x + 3.5;
    }

    /// <summary>As <c>sumsq_foreach</c>, over <c>TryGetSpan</c>'s span (contiguous arrays only).</summary>
    /// <param name="a">A C-contiguous float64 array.</param>
    /// <returns>The sum, in C order.</returns>
    [PyFunction]
    public static double SumsqSpan(NdView<double> a)
    {
        if (!a.TryGetSpan(out ReadOnlySpan<double> span)) throw new ArgumentException("a must be C-contiguous");
        double s = 0;
        foreach (double x in span) s += x * x;
        return s;
    }

    /// <summary>As <c>poly_foreach</c>, vectorized: one line, <c>NdZip.Map</c> with an op that has a <c>Vector&lt;T&gt;</c> form.</summary>
    /// <param name="a">A writable float64 array of any shape and layout.</param>
    [PyFunction]
    public static void PolyVector(NdViewMut<double> a) => NdZip.Map(a, new Poly3(0.5, 1.5, 2.5, 3.5));

    /// <summary>As <c>sumsq_foreach</c>, vectorized: one line, <c>NdZip.Sum</c> of an op with a <c>Vector&lt;T&gt;</c> form.</summary>
    /// <param name="a">A float64 array of any shape and layout.</param>
    /// <returns>The sum (its additions in another order than C's: equal to a few ulps).</returns>
    [PyFunction]
    public static double SumsqVector(NdView<double> a) => NdZip.Sum(a, new Square());

    /// <summary>((x*c3 + c2)*x + c1)*x + c0, by Horner's rule, one element or a vector of them.</summary>
    private readonly struct Poly3(double c3, double c2, double c1, double c0) : IVectorOp<double>
    {
        public double Invoke(double x) => ((x * c3 + c2) * x + c1) * x + c0;

        public Vector<double> Invoke(Vector<double> x) =>
            ((x * c3 + new Vector<double>(c2)) * x + new Vector<double>(c1)) * x + new Vector<double>(c0);
    }

    /// <summary>x*x.</summary>
    private readonly struct Square : IVectorOp<double>
    {
        public double Invoke(double x) => x * x;

        public Vector<double> Invoke(Vector<double> x) => x * x;
    }
}
