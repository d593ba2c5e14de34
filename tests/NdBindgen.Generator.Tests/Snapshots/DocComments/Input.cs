using System;
using NdBindgen;

namespace Samples;

public static class Statistics
{
    /// <summary>
    /// The weighted mean of <paramref name="values"/>, using <paramref name="weightOfEach"/>
    /// as every element's weight; returns <see langword="null"/> for an empty array.
    /// </summary>
    /// <remarks>
    /// <para>Computed in one pass with <c>sum += w * x</c>.</para>
    /// <para>See <see cref="Math.FusedMultiplyAdd(double, double, double)"/> for the rounding.</para>
    /// </remarks>
    /// <param name="values">The samples, any shape.</param>
    /// <param name="weightOfEach">The weight of each sample;
    /// must be positive.</param>
    /// <param name="skipNans">When <see langword="true"/>, NaN samples are ignored.</param>
    /// <returns>The mean, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weightOfEach"/> is not positive.</exception>
    /// <exception cref="System.InvalidOperationException">Every sample was NaN.</exception>
    [PyFunction]
    public static double? WeightedMean(NdView<double> values, double weightOfEach = 1.0, bool skipNans = false)
    {
        if (weightOfEach <= 0) throw new ArgumentOutOfRangeException(nameof(weightOfEach));
        if (values.Length == 0) return null;
        double sum = 0;
        nint n = 0;
        foreach (double x in values)
        {
            if (skipNans && double.IsNaN(x)) continue;
            sum += weightOfEach * x;
            n++;
        }
        if (n == 0) throw new InvalidOperationException("every sample was NaN");
        return sum / (n * weightOfEach);
    }
}
