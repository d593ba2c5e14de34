using NdBindgen;

namespace Samples;

public static class Blas
{
    /// <summary>y += a * x.</summary>
    [PyFunction]
    public static void Axpy(double a, NdView<double> x, NdViewMut<double> y)
    {
        for (nint i = 0; i < y.Length; i++) y[i] += a * x[i];
    }

    /// <summary>Two outputs and one input: every pair that involves a written array is checked.</summary>
    [PyFunction]
    public static void SinCos(NdView<double> angles, NdViewMut<double> sines, NdViewMut<double> cosines)
    {
        for (nint i = 0; i < angles.Length; i++)
        {
            sines[i] = System.Math.Sin(angles[i]);
            cosines[i] = System.Math.Cos(angles[i]);
        }
    }
}
