using NdBindgen;

namespace NdTestModule;

/// <summary>Nullable parameters and returns: None in, None out.</summary>
public static class Nullables
{
    /// <summary>Returns <paramref name="x"/>, or None.</summary>
    [PyFunction]
    public static double? EchoOptFloat64(double? x) => x;

    /// <summary>Returns <paramref name="x"/>, or None.</summary>
    [PyFunction]
    public static int? EchoOptInt32(int? x) => x;

    /// <summary>Returns <paramref name="x"/>, or None.</summary>
    [PyFunction]
    public static string? EchoOptStr(string? x) => x;

    /// <summary>Returns <paramref name="x"/>, or None.</summary>
    [PyFunction]
    public static bool? EchoOptBool(bool? x) => x;

    /// <summary>"null" when <paramref name="x"/> is None, else "value:" and the value.</summary>
    [PyFunction]
    public static string DescribeOpt(long? x) => x is null ? "null" : "value:" + x.Value;
}
