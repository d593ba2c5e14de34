using NdBindgen;

namespace Samples;

public static class Defaults
{
    /// <summary>Every kind of default the signature can show.</summary>
    [PyFunction]
    public static string Describe(
        int count,
        double scale = 0.5,
        float tolerance = 1e-10f,
        long offset = -3,
        bool verbose = false,
        string label = "it's a \"label\"\\n",
        ulong mask = ulong.MaxValue,
        double zero = default) => label;

    /// <summary>None in, None out.</summary>
    [PyFunction]
    public static double? Clamp(double? value, double? low = null, double? high = 10.0, string? unit = null)
        => value is null ? null : System.Math.Clamp(value.Value, low ?? double.MinValue, high ?? double.MaxValue);

    /// <summary>A nullable reference type returned.</summary>
    [PyFunction]
    public static string? Greeting(string? name = "world") => name is null ? null : "hello " + name;
}
