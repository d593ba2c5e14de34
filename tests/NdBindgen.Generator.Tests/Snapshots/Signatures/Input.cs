using System;
using System.Collections.Generic;
using NdBindgen;

namespace Samples;

public static class Calls
{
    /// <summary>f(a, /, b, *args, c=1, **kwargs): every kind at once.</summary>
    [PyFunction]
    public static double Mixed([PositionalOnly] double a, double b, [KeywordOnly] long c = 1,
        [PyKwargs] Dictionary<string, double>? kwargs = null, params double[] args) => a + b + c;

    /// <summary>The sum of the arguments, scaled by every keyword's value.</summary>
    [PyFunction]
    public static double ScaledSum([PyKwargs] IReadOnlyDictionary<string, double> scales,
        params ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        foreach (double s in scales.Values) sum *= s;
        return sum;
    }

    /// <summary>Any objects: counted, not kept.</summary>
    [PyFunction]
    public static int Count(params PyRef[] items) => items.Length;

    /// <summary>Keyword-only without a default.</summary>
    [PyFunction]
    public static string Join(string first, [KeywordOnly] string sep) => first + sep;
}

[PyClass]
public sealed partial class Settings
{
    private readonly Dictionary<string, long> _values;

    /// <summary>Settings from keywords.</summary>
    public Settings(string name, [PyKwargs] Dictionary<string, long> values)
    {
        Name = name;
        _values = values;
    }

    [PyProperty] public string Name { get; }

    /// <summary>One setting, or a fallback given by keyword.</summary>
    [PyMethod]
    public long Get([PositionalOnly] string key, [KeywordOnly] long fallback = 0) =>
        _values.TryGetValue(key, out long v) ? v : fallback;

    /// <summary>How many of the keys are set.</summary>
    [PyMethod]
    public static int CountSet(Settings settings, params string[] keys)
    {
        int n = 0;
        foreach (string k in keys) if (settings._values.ContainsKey(k)) n++;
        return n;
    }
}

// C# 13 params collections and T? elements: each None is null.
public static class Collections
{
    /// <summary>The sum of the values given, None counting 0.</summary>
    [PyFunction]
    public static double SumOrNone(params double?[] values)
    {
        double sum = 0;
        foreach (double? v in values) sum += v ?? 0;
        return sum;
    }

    /// <summary>The values as a list.</summary>
    [PyFunction]
    public static int Listed(params List<long> values) => values.Count;

    /// <summary>The words, None skipped.</summary>
    [PyFunction]
    public static string Words(params IEnumerable<string?> words) => string.Join(" ", words);

    /// <summary>Any objects, counted.</summary>
    [PyFunction]
    public static int Objects(params IReadOnlyList<PyRef> items) => items.Count;

    /// <summary>Spans of nullable values on the stack; keywords that may be None.</summary>
    [PyFunction]
    public static int Flags([PyKwargs] Dictionary<string, bool?> options, params ReadOnlySpan<int?> levels) =>
        options.Count + levels.Length;
}
