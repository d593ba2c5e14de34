using System.Collections.Generic;
using NdBindgen;

namespace Samples;

// Containers of every shape: a converter struct per element type, file-local, after the wrappers.
public static class Containers
{
    /// <summary>The sum of xs.</summary>
    [PyFunction]
    public static double Sum(double[] xs)
    {
        double s = 0;
        foreach (double x in xs) s += x;
        return s;
    }

    /// <summary>0, 1, ..., n-1.</summary>
    [PyFunction]
    public static List<double> Range(int n)
    {
        var result = new List<double>(n);
        for (int i = 0; i < n; i++) result.Add(i);
        return result;
    }

    /// <summary>Counts by name, and None values kept.</summary>
    [PyFunction]
    public static IReadOnlyDictionary<string, int?> Counts(IDictionary<string, int?> counts) =>
        new Dictionary<string, int?>(counts);

    /// <summary>Rows of a matrix, as nested lists.</summary>
    [PyFunction]
    public static List<List<double>>? Rows(IReadOnlyList<IReadOnlyList<double>>? m) => null;

    /// <summary>The distinct tags.</summary>
    [PyFunction]
    public static ISet<string> Tags(HashSet<string> tags) => tags;

    /// <summary>Two arrays at once.</summary>
    [PyFunction]
    public static (NdArray<double>, NdArray<long>) Split(int n) =>
        (NdArray<double>.Zeros(n), NdArray<long>.Zeros(n));

    /// <summary>A pair swapped, or None.</summary>
    [PyFunction]
    public static (long, string?)? Swap((string?, long) pair) => (pair.Item2, pair.Item1);

    /// <summary>Nine items (a ValueTuple with a Rest).</summary>
    [PyFunction]
    public static int Nine((int, int, int, int, int, int, int, int, int) t) => t.Item9;
}

/// <summary>A class with container attributes.</summary>
[PyClass]
public sealed partial class Basket
{
    /// <summary>An empty basket.</summary>
    [PyConstructor] public Basket() { }

    /// <summary>The items.</summary>
    [PyProperty] public List<Basket> Items { get; set; } = new();

    /// <summary>Prices by name.</summary>
    [PyProperty] public Dictionary<string, double> Prices { get; set; } = new();
}
