using NdBindgen;

namespace Shapes;

// C# overloads exported under one Python name become one callable: each overload keeps its own
// signature and conversions in a body of its own, and one dispatcher (PythonModule.Overloads.g.cs)
// tries them in declaration order, exact types first, then with conversions.
public static class Geometry
{
    /// <summary>The length of a 2-vector.</summary>
    [PyFunction]
    public static double Length(double x, double y) => System.Math.Sqrt(x * x + y * y);

    /// <summary>The length of a 3-vector.</summary>
    [PyFunction]
    public static double Length(double x, double y, double z) => System.Math.Sqrt(x * x + y * y + z * z);

    /// <summary>The length of a vector given as an array.</summary>
    [PyFunction]
    public static double Length([Ndim(1)] NdView<double> v) => 0;

    // Every kind of parameter the dispatcher checks: ints, str, bool, nullables and defaults,
    // writable arrays, references, callbacks, the GIL token (not a Python argument).
    [PyFunction("scale")]
    public static long Scale(long x, int factor = 2) => x * factor;

    [PyFunction("scale")]
    public static string Scale(string text, bool upper, double? ratio = null) => text;

    [PyFunction("scale")]
    public static void Scale(NdViewMut<float> values, PyRef? tag, System.Func<double, double> f, Python py) { }

    [PyFunction("scale")]
    public static void Scale() { }
}
