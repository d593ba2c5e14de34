using NdBindgen;

namespace NdExt;

/// <summary>The class form of <see cref="Point"/>: its state is a .NET object (kept to compare the two forms).</summary>
[PyClass]
public sealed partial class PointClass
{
    /// <param name="x">The x coordinate.</param>
    /// <param name="y">The y coordinate.</param>
    public PointClass(double x = 0.0, double y = 0.0)
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
    public double Distance(PointClass? other = null)
    {
        double dx = X - (other?.X ?? 0.0), dy = Y - (other?.Y ?? 0.0);
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>p + q: the sum of the coordinates (a C# operator is Python's + as it is).</summary>
    public static PointClass operator +(PointClass a, PointClass b) => new(a.X + b.X, a.Y + b.Y);

    [PyMethod("__repr__")]
    public string Repr() => $"PointClass {this}";

    public override string ToString() => $"({PyFormat.Float(X)}, {PyFormat.Float(Y)})";
}
