using System;
using System.Collections.Generic;
using System.Linq;
using NdBindgen;

namespace NdTestModule;

/// <summary>
/// Python's parameter kinds: positional-only, keyword-only, *args and **kwargs. Each function has a
/// pure-Python twin of the same name in tests/python/test_signatures.py, whose messages ours must equal.
/// </summary>
public static class Signatures
{
    private static string Show(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(v => v.ToString("R"))) + "]";

    private static string Show<T>(IEnumerable<KeyValuePair<string, T>> pairs) =>
        "{" + string.Join(", ", pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) + "}";

    /// <summary>Every kind, (a, /, b, *args, c=1, **kwargs): what arrived, as text.</summary>
    [PyFunction]
    public static string SigAll([PositionalOnly] double a, double b, [KeywordOnly] long c = 1,
        [PyKwargs] Dictionary<string, double>? kwargs = null, params double[] args) =>
        $"a={a:R} b={b:R} args={Show(args)} c={c} kwargs={Show(kwargs!)}";

    /// <summary>Two positional-only parameters.</summary>
    [PyFunction]
    public static long PosOnly([PositionalOnly] long a, [PositionalOnly] long b) => a * 10 + b;

    /// <summary>A positional-only parameter and a defaulted ordinary one.</summary>
    [PyFunction]
    public static double PosOnlyDefault([PositionalOnly] double a, double b = 2.0) => a + b;

    /// <summary>A required and a defaulted keyword-only parameter.</summary>
    [PyFunction]
    public static string KwOnly(long a, [KeywordOnly] long b, [KeywordOnly] long c = 3) => $"{a} {b} {c}";

    /// <summary>Only keyword-only parameters.</summary>
    [PyFunction]
    public static long KwOnlyAll([KeywordOnly] long x, [KeywordOnly] long y) => x - y;

    /// <summary>The sum of *args.</summary>
    [PyFunction]
    public static double StarArgs(params double[] args) => args.Sum();

    /// <summary>The sum of *values, received as a span.</summary>
    [PyFunction]
    public static double StarSpan(double start, params ReadOnlySpan<double> values)
    {
        double sum = start;
        foreach (double v in values) sum += v;
        return sum;
    }

    /// <summary>*names of str, joined.</summary>
    [PyFunction]
    public static string StarNames(string sep, params string[] names) => string.Join(sep, names);

    /// <summary>Any objects: how many, not kept.</summary>
    [PyFunction]
    public static int StarObjects(params PyRef[] items) => items.Length;

    private static PyRef[] s_kept = Array.Empty<PyRef>();

    /// <summary>Keeps the objects (the method owns them now).</summary>
    [PyFunction]
    public static int KeepObjects(params PyRef[] items)
    {
        foreach (PyRef r in s_kept) r.Dispose();
        s_kept = items;
        return items.Length;
    }

    /// <summary>Drops what KeepObjects kept.</summary>
    [PyFunction]
    public static void DropKept()
    {
        foreach (PyRef r in s_kept) r.Dispose();
        s_kept = Array.Empty<PyRef>();
    }

    /// <summary>**kwargs of int, as sorted text.</summary>
    [PyFunction]
    public static string StarKwargs([PyKwargs] IReadOnlyDictionary<string, long> kwargs) => Show(kwargs);

    /// <summary>**kwargs of any objects: how many.</summary>
    [PyFunction]
    public static int KwargsObjects([PyKwargs] Dictionary<string, PyRef> kwargs) => kwargs.Count;

    /// <summary>A positional-only name is free for **kwargs.</summary>
    [PyFunction]
    public static string PosOnlyKwargs([PositionalOnly] long a, [PyKwargs] IDictionary<string, long> kw) =>
        $"a={a} kw={Show(kw)}";

    /// <summary>The sum of *values scaled by each keyword's value: the benchmark's call.</summary>
    [PyFunction]
    public static double ScaledSum([PyKwargs] IReadOnlyDictionary<string, double> scales,
        params ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        foreach (double s in scales.Values) sum *= s;
        return sum;
    }

    /// <summary>Overloads with a keyword-only parameter each: dispatch honours the kinds.</summary>
    [PyFunction]
    public static string PickKw(double x, [KeywordOnly] double scale = 1.0) => $"float {x * scale:R}";

    /// <summary>The str overload.</summary>
    [PyFunction]
    public static string PickKw(string s, [KeywordOnly] long repeat = 1) =>
        "str " + string.Concat(Enumerable.Repeat(s, (int)repeat));

    /// <summary>*values that may be None, as text ("None" for null).</summary>
    [PyFunction]
    public static string StarOptional(params double?[] values) =>
        string.Join(",", values.Select(v => v?.ToString("R") ?? "None"));

    /// <summary>*values of a span of int?: the first few on the stack.</summary>
    [PyFunction]
    public static string StarOptionalSpan(params ReadOnlySpan<int?> values)
    {
        var parts = new List<string>();
        foreach (int? v in values) parts.Add(v?.ToString() ?? "None");
        return string.Join(",", parts);
    }

    /// <summary>*names as a List (a C# 13 params collection) that may hold None; the method may change it.</summary>
    [PyFunction]
    public static string StarList(params List<string?> names)
    {
        names.Add("end");
        return string.Join(",", names.Select(n => n ?? "None"));
    }

    /// <summary>*values as an IEnumerable.</summary>
    [PyFunction]
    public static long StarEnumerable(params IEnumerable<long> values) => values.Sum();

    /// <summary>*items as an IReadOnlyList of any objects: how many, not kept.</summary>
    [PyFunction]
    public static int StarReadOnlyObjects(params IReadOnlyList<PyRef> items) => items.Count;

    /// <summary>**options that may be None, as sorted text.</summary>
    [PyFunction]
    public static string StarOptionalKwargs([PyKwargs] Dictionary<string, bool?> options) =>
        "{" + string.Join(", ", options.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={(p.Value is { } b ? b.ToString() : "None")}")) + "}";
}

/// <summary>A class whose constructor takes **kwargs and whose methods take the other kinds.</summary>
[PyClass]
public partial class SigBox
{
    private readonly Dictionary<string, long> _values;

    /// <summary>A named box of settings.</summary>
    public SigBox(string name, [PyKwargs] Dictionary<string, long> values)
    {
        Name = name;
        _values = values;
    }

    [PyProperty] public string Name { get; }

    /// <summary>One setting, or the fallback.</summary>
    [PyMethod]
    public long Get([PositionalOnly] string key, [KeywordOnly] long fallback = 0) =>
        _values.TryGetValue(key, out long v) ? v : fallback;

    /// <summary>How many of the keys are set.</summary>
    [PyMethod]
    public int CountSet(params string[] keys) => keys.Count(_values.ContainsKey);

    /// <summary>A box from *pairs of names, each set to its position.</summary>
    [PyClassMethod]
    public static SigBox Numbered(string name, params string[] keys) =>
        new(name, keys.Select((k, i) => (k, (long)i)).ToDictionary(p => p.k, p => p.Item2));
}
