using NdBindgen;

namespace Samples;

public static class Renamed
{
    [PyFunction("norm2")]
    public static double EuclideanNorm(double x, double y) => System.Math.Sqrt(x * x + y * y);

    [PyFunction(Name = "dot_product")]
    public static double Dot(double ax, double ay, double bx, double by) => ax * bx + ay * by;

    [PyFunction]
    public static int HTTPStatusOK() => 200;
}
