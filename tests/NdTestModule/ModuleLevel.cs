using System.Collections.Generic;
using System.Numerics;
using NdBindgen;

namespace NdTestModule;

/// <summary>Module constants of nd_test (tests/python/test_module_level.py).</summary>
public static class ModuleConstants
{
    /// <summary>The most items a call takes.</summary>
    [PyConstant] public const int MaxItems = 64;

    [PyConstant("GOLDEN")] public const double GoldenRatio = 1.618033988749895;

    [PyConstant] public const string Greeting = "h\u00e9llo \U0001F40D";

    [PyConstant] public const bool DebugBuild = false;

    [PyConstant] public const long BiggestLong = long.MaxValue;

    [PyConstant] public const ulong AllBits = ulong.MaxValue;

    [PyConstant] public static readonly double MachineEpsilon = Math.Pow(2, -52);

    [PyConstant] public static readonly Complex ImaginaryUnit = Complex.ImaginaryOne;

    [PyConstant] public static string? Nothing => null;

    [PyConstant] public static int? SomeCount => 3;

    /// <summary>Containers as constants: a tuple, and a list (a new list per import, as any returned list).</summary>
    [PyConstant] public static readonly (int Major, int Minor) Level = (3, 1);

    [PyConstant] public static IReadOnlyList<string> Colors { get; } = new[] { "red", "green" };

    /// <summary>A [PyClass] instance as a constant: Python gets its object, the same one every time.</summary>
    [PyConstant] public static ConstPoint Origin { get; } = new(1.5, -2.0);
}

/// <summary>A point, for a constant of a [PyClass] type.</summary>
[PyClass]
public sealed partial class ConstPoint
{
    public ConstPoint(double x, double y)
    {
        X = x;
        Y = y;
    }

    [PyProperty] public double X { get; }

    [PyProperty] public double Y { get; }
}

/// <summary>Shapes: a submodule of nd_test, with its own functions, class and constant.</summary>
[PySubmodule]
public static class Shapes
{
    /// <summary>Sides of a rectangle.</summary>
    [PyConstant] public const int Sides = 4;

    /// <summary>The area of a w by h rectangle.</summary>
    [PyFunction]
    public static double Area(double w, double h) => w * h;

    /// <summary>The unit square.</summary>
    [PyFunction]
    public static Rect UnitSquare() => new(1.0, 1.0);

    /// <summary>A rectangle from the origin to <paramref name="corner"/> (a class of the module itself).</summary>
    [PyFunction]
    public static Rect ToCorner(ConstPoint corner) => new(Math.Abs(corner.X), Math.Abs(corner.Y));

    /// <summary>Overloads work in a submodule too.</summary>
    [PyFunction]
    public static string Describe(int n) => $"int {n}";

    [PyFunction]
    public static string Describe(string s) => $"str {s}";
}

/// <summary>A rectangle, a class of the submodule nd_test.shapes.</summary>
[PyClass(Submodule = typeof(Shapes))]
public sealed partial class Rect
{
    public Rect(double w, double h)
    {
        W = w;
        H = h;
    }

    [PyProperty] public double W { get; }

    [PyProperty] public double H { get; }

    [PyMethod] public double Area() => W * H;

    /// <summary>The corner as a point of the parent module.</summary>
    [PyMethod] public ConstPoint Corner() => new(W, H);
}
