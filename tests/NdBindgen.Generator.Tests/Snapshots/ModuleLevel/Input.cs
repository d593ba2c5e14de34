using NdBindgen;

namespace Geometry;

public static class Limits
{
    /// <summary>The most points a shape may have.</summary>
    [PyConstant] public const int MaxPoints = 64;
    [PyConstant("TAU")] public const double TwoPi = 6.283185307179586;
    [PyConstant] public const string Units = "mm";
    [PyConstant] public static readonly long StartTicks = 42L;
    [PyConstant] public static int? NoLimit => null;
    [PyConstant] public static Point Origin { get; } = new Point(0.0, 0.0);
    [PyConstant] public static readonly (int Major, int Minor) Level = (3, 1);

    [PyFunction] public static int Clamp(int n) => n < MaxPoints ? n : MaxPoints;
}

[PyClass]
public sealed partial class Point
{
    public Point(double x, double y) { X = x; Y = y; }
    [PyProperty] public double X { get; }
    [PyProperty] public double Y { get; }
}

/// <summary>Linear algebra on small matrices.</summary>
[PySubmodule("linalg")]
public static class LinAlg
{
    [PyConstant] public const double Epsilon = 1e-12;

    /// <summary>The determinant of a 2x2 matrix.</summary>
    [PyFunction] public static double Det2(double a, double b, double c, double d) => a * d - b * c;

    [PyFunction] public static Matrix Identity() => new Matrix(1.0);

    [PyFunction] public static double Norm(Point p) => System.Math.Sqrt(p.X * p.X + p.Y * p.Y);
}

[PyClass(Submodule = typeof(LinAlg))]
public sealed partial class Matrix
{
    public Matrix(double scale) { Scale = scale; }
    [PyProperty] public double Scale { get; }
}
