using System.Collections.Generic;
using NdBindgen;

namespace NdExt;

/// <summary>Python lists and dicts as C# arrays, lists and dictionaries: copied in, copied out.</summary>
public static class Containers
{
    /// <summary>The sum of a sequence of floats.</summary>
    /// <param name="xs">Any sequence of numbers (a list, a tuple, ...): copied into a C# array.</param>
    /// <returns>The sum.</returns>
    [PyFunction]
    public static double SumList(double[] xs)
    {
        double sum = 0;
        foreach (double x in xs) sum += x;
        return sum;
    }

    /// <summary>[0.0, 1.0, ..., n - 1.0].</summary>
    /// <param name="n">How many.</param>
    /// <returns>A new list (a C# array is returned as a list).</returns>
    [PyFunction]
    public static double[] MakeList(int n)
    {
        var result = new double[n];
        for (int i = 0; i < n; i++) result[i] = i;
        return result;
    }

    /// <summary>A new dict of the same keys, each value plus one.</summary>
    /// <param name="counts">Counts by name: copied into a C# dictionary.</param>
    /// <returns>A new dict.</returns>
    [PyFunction]
    public static Dictionary<string, long> BumpCounts(Dictionary<string, long> counts)
    {
        var result = new Dictionary<string, long>(counts.Count);
        foreach (var (key, value) in counts) result[key] = value + 1;
        return result;
    }
}
