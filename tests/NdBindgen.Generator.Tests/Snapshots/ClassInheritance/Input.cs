using NdBindgen;

namespace Samples;

/// <summary>An abstract root: Python cannot instantiate it.</summary>
[PyClass]
public abstract partial class Shape
{
    [PyProperty] public PyRef? Tag { get; set; }

    [PyMethod] public abstract double Area();

    /// <summary>The unit square, as the class it is called on.</summary>
    [PyClassMethod] public static Shape Unit() => new Square(1.0);
}

/// <summary>A rectangle: one level down, its own constructor and references.</summary>
[PyClass]
public partial class Rectangle : Shape
{
    public Rectangle(double width, double height)
    {
        Width = width;
        Height = height;
    }

    [PyProperty] public double Width { get; }

    [PyProperty] public double Height { get; }

    [PyProperty] public PyRef? Label { get; set; }

    public override double Area() => Width * Height;
}

/// <summary>Two levels down, sealed, no references of its own.</summary>
[PyClass]
public sealed partial class Square : Rectangle
{
    public Square(double side) : base(side, side) { }
}

/// <summary>Made by C# only.</summary>
[PyClass]
public sealed partial class Token
{
    private Token() { }

    internal static Token Make() => new();
}

[PySubmodule]
public static class Metals { }

/// <summary>A base class in a submodule.</summary>
[PyClass(Submodule = typeof(Metals))]
public partial class Metal
{
    public Metal() { }
}

/// <summary>A class of the module deriving from one of the submodule: registered after it.</summary>
[PyClass]
public sealed partial class Gold : Metal
{
    public Gold() { }
}

public static class Api
{
    [PyFunction] public static double AreaOf(Shape shape) => shape.Area();

    [PyFunction] public static Token NewToken() => Token.Make();
}
