using NdBindgen;

namespace Samples;

public static class Reductions
{
    /// <summary>The sum of anything numpy reads as float64 numbers.</summary>
    /// <param name="values">A list, tuple, scalar or array.</param>
    [PyFunction]
    public static double SumLike([ArrayLike] NdView<double> values)
    {
        double sum = 0;
        foreach (double x in values) sum += x;
        return sum;
    }

    /// <summary>Adds the rows of a matrix-like into out (an array-like beside an in-place view).</summary>
    [PyFunction]
    public static void AddRows([ArrayLike, Ndim(2)] NdView<long> rows, [Ndim(1)] NdViewMut<long> @out)
    {
        for (nint i = 0; i < rows.Shape[0]; i++)
            for (nint j = 0; j < rows.Shape[1]; j++) @out[j] += rows[i, j];
    }
}
