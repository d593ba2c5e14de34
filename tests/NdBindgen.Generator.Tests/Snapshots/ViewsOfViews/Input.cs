using NdBindgen;

namespace Samples;

public static class Views
{
    /// <summary>Row i of a matrix, sharing its memory.</summary>
    [PyFunction]
    public static NdView<double> Row([Ndim(2)] NdView<double> matrix, long i) => matrix.Row((nint)i);

    /// <summary>Every other element, writable: writes land in the input.</summary>
    [PyFunction]
    public static NdViewMut<float> EveryOther(NdViewMut<float> values) => values.Slice(NdSlice.Step(.., 2));

    /// <summary>The sum of the float64 array in a dict item.</summary>
    [PyFunction]
    public static double SumItem(Python py, PyRef array)
    {
        using var lease = array.AsNdView<double>(py);
        double sum = 0;
        foreach (double x in lease.View) sum += x;
        return sum;
    }
}
