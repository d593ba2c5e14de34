using NdBindgen;

namespace NdTestModule;

/// <summary>Optional parameters with C# default values, and the odd shapes of functions.</summary>
public static class Defaults
{
    /// <summary>Every argument formatted into one string, so a test can see what arrived.</summary>
    [PyFunction]
    public static string WithDefaults(
        int a, double b = 0.5, long c = -2, float d = 1.5f, bool e = true, string f = "hi",
        string? g = null, int? h = null, double? i = 2.5, ulong j = 18446744073709551615, sbyte k = -128)
        => $"a={a} b={b:R} c={c} d={d:R} e={e} f={f} g={g ?? "null"} h={(h is null ? "null" : h.Value.ToString())} i={(i is null ? "null" : i.Value.ToString("R"))} j={j} k={k}";

    /// <summary>Defaults at the edges of their types, and a string default that needs escaping.</summary>
    [PyFunction]
    public static string EdgeDefaults(
        long lo = long.MinValue, int io = int.MinValue, ulong uhi = ulong.MaxValue, double tiny = double.Epsilon,
        double big = double.MaxValue, float f32 = float.MaxValue, double neg0 = -0.0, string s = "it's \"q\" \\ \n\t")
        => string.Join("|", lo, io, uhi, tiny.ToString("R"), big.ToString("R"), f32.ToString("R"), (1 / neg0).ToString("R"), s);

    /// <summary>A string default with non-ASCII characters.</summary>
    [PyFunction]
    public static string NonAsciiDefault(string s = "caf\u00e9 \u2615") => s;

    /// <summary>Three required parameters, for the "missing arguments" messages.</summary>
    [PyFunction]
    public static long Three(long a, long b, long c) => a * 100 + b * 10 + c;

    /// <summary>Two required parameters and one optional one.</summary>
    [PyFunction]
    public static string Mixed(long a, double b, string c = "x") => $"{a}|{b:R}|{c}";

    /// <summary>Takes no arguments; returns 42.</summary>
    [PyFunction]
    public static int Answer() => 42;

    private static long s_calls;

    /// <summary>Returns nothing; counts its calls.</summary>
    [PyFunction]
    public static void Touch() => s_calls++;

    /// <summary>How many times touch() ran.</summary>
    [PyFunction]
    public static long TouchCount() => s_calls;

    /// <summary>Exported under an explicit Python name.</summary>
    [PyFunction("renamed")]
    public static string OriginalName() => "renamed";

    /// <summary>Exported under an explicit Python name given as a named argument.</summary>
    [PyFunction(Name = "also_renamed")]
    public static string OtherOriginalName() => "also_renamed";
}
