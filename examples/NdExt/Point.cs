using NdBindgen;

namespace NdExt;

/// <summary>A point in the plane, as in the tutorial's rust_ext.</summary>
// A struct [PyClass]: the two doubles live inside the Python object, so making a Point allocates nothing in .NET,
// and p.x is a member descriptor CPython reads by itself (PointClass is the class form).
[PyClass]
public partial struct Point
{
    /// <param name="x">The x coordinate.</param>
    /// <param name="y">The y coordinate.</param>
    public Point(double x = 0.0, double y = 0.0)
    {
        X = x;
        Y = y;
    }

    /// <summary>The x coordinate.</summary>
    [PyProperty]
    public double X { get; set; }

    /// <summary>The y coordinate.</summary>
    [PyProperty]
    public double Y { get; set; }

    /// <summary>The distance to <paramref name="other"/>, or to the origin when it is None.</summary>
    /// <param name="other">Another point.</param>
    /// <returns>The Euclidean distance.</returns>
    [PyMethod]
    public readonly double Distance(Point? other = null)
    {
        double dx = X - (other?.X ?? 0.0), dy = Y - (other?.Y ?? 0.0);
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>p + q: the sum of the coordinates (a C# operator is Python's + as it is).</summary>
    public static Point operator +(Point a, Point b) => new(a.X + b.X, a.Y + b.Y);

    [PyMethod("__repr__")]
    public readonly string Repr() => $"Point {this}";

    public override readonly string ToString() => $"({PyFormat.Float(X)}, {PyFormat.Float(Y)})";
}
