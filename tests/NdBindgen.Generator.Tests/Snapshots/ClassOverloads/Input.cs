using NdBindgen;

namespace Shapes;

/// <summary>A vector in the plane.</summary>
[PyClass]
public sealed partial class Vec
{
    /// <summary>From its coordinates.</summary>
    [PyConstructor]
    public Vec(double x, double y) { X = x; Y = y; }

    /// <summary>From a pair in an array.</summary>
    [PyConstructor]
    public Vec([Ndim(1)] NdView<double> xy) { X = xy[0]; Y = xy[1]; }

    /// <summary>Not for Python: no [PyConstructor].</summary>
    public Vec() { }

    [PyProperty] public double X { get; set; }
    [PyProperty] public double Y { get; set; }

    /// <summary>Scaled by one factor.</summary>
    [PyMethod] public Vec Scale(double factor) => new(X * factor, Y * factor);

    /// <summary>Scaled by one factor per axis.</summary>
    [PyMethod] public Vec Scale(double fx, double fy) => new(X * fx, Y * fy);

    /// <summary>A unit vector along an axis.</summary>
    [PyMethod] public static Vec Unit(string axis) => axis == "x" ? new(1, 0) : new(0, 1);

    /// <summary>A unit vector at an angle.</summary>
    [PyMethod] public static Vec Unit(double angle) => new(System.Math.Cos(angle), System.Math.Sin(angle));

    /// <summary>A vector of this type from a length.</summary>
    [PyClassMethod] public static Vec Of(double length) => new(length, 0);

    /// <summary>From text.</summary>
    [PyClassMethod] public static Vec Of(string text) => new(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), 0);

    [PyMethod] public double Length() => System.Math.Sqrt(X * X + Y * Y);
}
