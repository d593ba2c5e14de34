using System.Collections.Generic;
using System.Linq;
using NdBindgen;

namespace NdTestModule;

/// <summary>
/// Sequences, dictionaries, sets and tuples both ways, nested, of every kind of element: the
/// parameters echo what arrived (so the test sees the conversion), the results build new ones.
/// </summary>
public static class Containers
{
    /// <summary>The sum of <paramref name="xs"/>.</summary>
    [PyFunction] public static double SumArray(double[] xs) { double s = 0; foreach (double x in xs) s += x; return s; }

    /// <summary>The sum of <paramref name="xs"/>.</summary>
    [PyFunction] public static long SumList(List<long> xs) => xs.Sum();

    /// <summary>The items as they arrived.</summary>
    [PyFunction] public static List<double> EchoList(List<double> xs) => xs;

    /// <summary>The items as they arrived.</summary>
    [PyFunction] public static double[] EchoArray(double[] xs) => xs;

    /// <summary>The items as they arrived.</summary>
    [PyFunction] public static IList<int> EchoIList(IList<int> xs) => xs;

    /// <summary>The items as they arrived.</summary>
    [PyFunction] public static IReadOnlyList<string> EchoReadOnlyList(IReadOnlyList<string> xs) => xs;

    /// <summary>The items as they arrived, through a lazy enumerable.</summary>
    [PyFunction] public static IEnumerable<long> EchoEnumerable(IEnumerable<long> xs) => xs.Select(x => x);

    /// <summary>How many items arrived.</summary>
    [PyFunction] public static int CountItems(IReadOnlyCollection<ulong> xs) => xs.Count;

    /// <summary>How many items arrived.</summary>
    [PyFunction] public static int CountCollection(ICollection<bool> xs) => xs.Count;

    /// <summary>The list after C# appended <paramref name="value"/> to its copy.</summary>
    [PyFunction] public static List<long> Appended(List<long> xs, long value) { xs.Add(value); return xs; }

    /// <summary>0.0, 1.0, ..., n-1 as a new list.</summary>
    [PyFunction]
    public static List<double> Range(int n)
    {
        var result = new List<double>(n);
        for (int i = 0; i < n; i++) result.Add(i);
        return result;
    }

    /// <summary>The items as they arrived (None stays None).</summary>
    [PyFunction] public static List<double?> EchoNullables(List<double?> xs) => xs;

    /// <summary>The items as they arrived (None stays None).</summary>
    [PyFunction] public static string?[] EchoNullableStrings(string?[] xs) => xs;

    /// <summary>The list, or None.</summary>
    [PyFunction] public static List<int>? EchoOptionalList(List<int>? xs) => xs;

    /// <summary>The nested lists as they arrived.</summary>
    [PyFunction] public static List<List<double>> EchoNested(List<List<double>> m) => m;

    /// <summary>The jagged array as it arrived.</summary>
    [PyFunction] public static double[][] EchoJagged(double[][] m) => m;

    /// <summary>Three levels deep.</summary>
    [PyFunction] public static List<List<List<int>>> EchoDeep(List<List<List<int>>> m) => m;

    /// <summary>The sum of every row.</summary>
    [PyFunction] public static double[] SumRows(IReadOnlyList<IReadOnlyList<double>> m) =>
        m.Select(row => row.Sum()).ToArray();

    /// <summary>The points as they arrived (the same objects).</summary>
    [PyFunction] public static List<Money> EchoMoney(List<Money> xs) => xs;

    /// <summary>The references as they arrived.</summary>
    [PyFunction] public static List<PyRef> EchoRefs(List<PyRef> xs) => xs;

    /// <summary>How many references to Money objects arrived.</summary>
    [PyFunction] public static int CountMoneyRefs(List<PyRef<Money>> xs) => xs.Count;

    /// <summary>Arrays of 0..n-1 for each n.</summary>
    [PyFunction]
    public static List<NdArray<long>> Aranges(int[] lengths) => lengths.Select(n =>
    {
        var a = NdArray<long>.Uninitialized(n);
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }).ToList();

    /// <summary>Every small integer type at once.</summary>
    [PyFunction] public static List<byte> EchoByteList(List<byte> xs) => xs;

    /// <summary>float32 items.</summary>
    [PyFunction] public static float[] EchoSingles(float[] xs) => xs;

    /// <summary>The dictionary as it arrived.</summary>
    [PyFunction] public static Dictionary<string, long> EchoDict(Dictionary<string, long> d) => d;

    /// <summary>The dictionary as it arrived.</summary>
    [PyFunction] public static IDictionary<long, string> EchoIDict(IDictionary<long, string> d) => d;

    /// <summary>The dictionary as it arrived.</summary>
    [PyFunction]
    public static IReadOnlyDictionary<string, List<double>> EchoReadOnlyDict(
        IReadOnlyDictionary<string, List<double>> d) => d;

    /// <summary>float32 keys: two Python keys may become one.</summary>
    [PyFunction] public static Dictionary<float, long> EchoSingleKeys(Dictionary<float, long> d) => d;

    /// <summary>Values that may be None.</summary>
    [PyFunction] public static Dictionary<string, int?> EchoNullableValues(Dictionary<string, int?> d) => d;

    /// <summary>Tuple keys.</summary>
    [PyFunction] public static Dictionary<(int, int), string> EchoTupleKeys(Dictionary<(int, int), string> d) => d;

    /// <summary>A dict of n entries "k0" -> 0 ...</summary>
    [PyFunction]
    public static Dictionary<string, int> MakeDict(int n)
    {
        var d = new Dictionary<string, int>(n);
        for (int i = 0; i < n; i++) d["k" + i] = i;
        return d;
    }

    /// <summary>The set as it arrived.</summary>
    [PyFunction] public static HashSet<long> EchoSet(HashSet<long> s) => s;

    /// <summary>The set as it arrived.</summary>
    [PyFunction] public static ISet<string> EchoISet(ISet<string> s) => s;

    /// <summary>The set as it arrived.</summary>
    [PyFunction] public static IReadOnlySet<double> EchoReadOnlySet(IReadOnlySet<double> s) => s;

    /// <summary>The pair, swapped.</summary>
    [PyFunction] public static (long, double) SwapPair((double, long) t) => (t.Item2, t.Item1);

    /// <summary>The tuple as it arrived.</summary>
    [PyFunction] public static (string Name, int? Age, List<int> Scores) EchoTriple((string Name, int? Age, List<int> Scores) t) => t;

    /// <summary>A tuple of nine, past ValueTuple's seven (its Rest).</summary>
    [PyFunction]
    public static (int, int, int, int, int, int, int, int, string) EchoNine(
        (int, int, int, int, int, int, int, int, string) t) => t;

    /// <summary>The tuple or None.</summary>
    [PyFunction] public static (int, int)? EchoOptionalPair((int, int)? t) => t;

    /// <summary>Two arrays at once: 0..n-1 as float64 and their squares as int64.</summary>
    [PyFunction]
    public static (NdArray<double>, NdArray<long>) TwoArrays(int n)
    {
        var a = NdArray<double>.Uninitialized(n);
        var b = NdArray<long>.Uninitialized(n);
        for (int i = 0; i < n; i++)
        {
            a[i] = i;
            b[i] = (long)i * i;
        }
        return (a, b);
    }

    /// <summary>Pairs of names and values.</summary>
    [PyFunction] public static List<(string, double)> EchoPairs(List<(string, double)> xs) => xs;

    /// <summary>A dict of lists of tuples.</summary>
    [PyFunction]
    public static Dictionary<string, List<(int, double)>> EchoDeepDict(Dictionary<string, List<(int, double)>> d) => d;
}

/// <summary>A [PyClass] with container attributes.</summary>
[PyClass]
public sealed partial class Bag
{
    /// <summary>An empty bag.</summary>
    [PyConstructor] public Bag() { }

    /// <summary>The items.</summary>
    [PyProperty] public List<double> Items { get; set; } = new();

    /// <summary>Named counts.</summary>
    [PyProperty] public Dictionary<string, int> Counts { get; set; } = new();

    /// <summary>Tags.</summary>
    [PyProperty] public HashSet<string> Tags { get; set; } = new();

    /// <summary>A pair.</summary>
    [PyProperty] public (int, string) Pair { get; set; } = (0, "");

    /// <summary>How many items, counts and tags.</summary>
    [PyMethod] public (int, int, int) Sizes() => (Items.Count, Counts.Count, Tags.Count);
}
