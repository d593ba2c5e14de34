using NdBindgen;

namespace NdExt;

/// <summary>A shape in the plane: abstract, so Python makes only its subclasses.</summary>
[PyClass]
public abstract partial class Shape
{
    /// <summary>The area of the shape.</summary>
    [PyMethod]
    public abstract double Area();
}

/// <summary>A rectangle: a Shape (Python inherits Shape.area, which calls this class's override).</summary>
[PyClass]
public partial class Rectangle : Shape
{
    /// <param name="width">The width.</param>
    /// <param name="height">The height.</param>
    public Rectangle(double width, double height)
    {
        Width = width;
        Height = height;
    }

    /// <summary>The width.</summary>
    [PyProperty]
    public double Width { get; }

    /// <summary>The height.</summary>
    [PyProperty]
    public double Height { get; }

    public override double Area() => Width * Height;
}

/// <summary>A square: a Rectangle, two levels below Shape.</summary>
[PyClass]
public sealed partial class Square : Rectangle
{
    /// <param name="side">The length of each side.</param>
    public Square(double side) : base(side, side) { }

    /// <summary>The length of each side (what pickling passes back to the constructor).</summary>
    [PyProperty]
    public double Side => Width;
}
