using NdBindgen;

namespace Samples;

public static class Matrices
{
    /// <summary>The trace of a square matrix.</summary>
    [PyFunction]
    public static double Trace([Ndim(2)] NdView<double> matrix)
    {
        double sum = 0;
        for (nint i = 0; i < matrix.Shape[0]; i++) sum += matrix[i, i];
        return sum;
    }

    /// <summary>Sets every element of a vector.</summary>
    [PyFunction]
    public static void Fill([Ndim(1)] NdViewMut<float> vector, float value) => vector.Fill(value);
}
