using NdBindgen;

// Overloads given distinct Python names stay separate functions (OverloadSets has them under one
// name); their wrappers and files are numbered in declaration order, and each wrapper's cref names
// its exact overload. The class is in the global namespace.
public static class Geometry
{
    /// <summary>The length of a 2-vector.</summary>
    [PyFunction("length2")]
    public static double Length(double x, double y) => System.Math.Sqrt(x * x + y * y);

    /// <summary>The length of a 3-vector.</summary>
    [PyFunction("length3")]
    public static double Length(double x, double y, double z) => System.Math.Sqrt(x * x + y * y + z * z);

    /// <summary>Not exported: only its sibling is.</summary>
    public static double Length(NdView<double> v) => 0;
}
