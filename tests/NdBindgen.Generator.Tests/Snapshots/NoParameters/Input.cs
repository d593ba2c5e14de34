using NdBindgen;

namespace Samples;

public static class Constants
{
    /// <summary>The ratio of a circle's circumference to its diameter.</summary>
    [PyFunction]
    public static double Pi() => System.Math.PI;

    [PyFunction]
    public static void Ping() { }
}
