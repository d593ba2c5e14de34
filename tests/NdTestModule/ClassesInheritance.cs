using NdBindgen;

namespace NdTestModule;

/// <summary>A figure: abstract, so Python makes only its subclasses.</summary>
[PyClass]
public abstract partial class Figure
{
    protected Figure(string kind) => Kind = kind;

    /// <summary>What kind of figure it is.</summary>
    [PyProperty] public string Kind { get; }

    /// <summary>Its area (each figure computes its own).</summary>
    [PyMethod] public abstract double Area();

    /// <summary>A sentence about it; a square says more.</summary>
    [PyMethod] public virtual string Describe() => $"{Kind} of area {Area():0.##}";

    /// <summary>The unit square, as a figure of the class it is called on: a C# Square wrapped as the class.</summary>
    [PyClassMethod] public static Figure Unit() => new Square(1.0);
}

/// <summary>A quadrilateral with a width and a height.</summary>
[PyClass]
public partial class Quad : Figure
{
    public Quad(double width, double height) : this("quad", width, height) { }

    protected Quad(string kind, double width, double height) : base(kind)
    {
        Width = width;
        Height = height;
    }

    [PyProperty] public double Width { get; set; }

    [PyProperty] public double Height { get; set; }

    /// <summary>Not exported again: Python inherits Figure.area, which calls this override.</summary>
    public override double Area() => Width * Height;

    /// <summary>A quad of the class it is called on.</summary>
    [PyClassMethod] public static Quad Of(double side) => new(side, side);

    /// <summary>Side by side: an operator of the middle level, which squares inherit (operands by TryGet).</summary>
    public static Quad operator +(Quad a, Quad b) => new(a.Width + b.Width, Math.Max(a.Height, b.Height));

    /// <summary>Scales both sides (an instance method of the middle level).</summary>
    [PyMethod] public void Scale(double factor)
    {
        Width *= factor;
        Height *= factor;
    }
}

/// <summary>A square: two levels below Figure, sealed (not subclassable in Python).</summary>
[PyClass]
public sealed partial class Square : Quad
{
    public Square(double side) : base("square", side, side) { }

    /// <summary>Marked again on the override: still Figure.describe in Python, dispatching here.</summary>
    [PyMethod] public override string Describe() => "a square: " + base.Describe();

    [PyProperty] public double Side => Width;
}

/// <summary>A circle: a Figure of its own branch.</summary>
[PyClass]
public partial class Circle : Figure
{
    public Circle(double radius) : base("circle") => Radius = radius;

    [PyProperty] public double Radius { get; set; }

    public override double Area() => Math.PI * Radius * Radius;
}

/// <summary>Issued by C# only: Python cannot construct it (no public constructor).</summary>
[PyClass]
public sealed partial class Ticket
{
    private Ticket(int number) => Number = number;

    [PyProperty] public int Number { get; }

    internal static Ticket Issue(int number) => new(number);
}

/// <summary>Holds a Python object; derived boxes hold more (GC traversal over both levels).</summary>
[PyClass]
public partial class Crate
{
    public Crate(PyRef? content = null) => Content = content;

    [PyProperty] public PyRef? Content { get; set; }
}

/// <summary>A box with a tag: its own reference, and the base's.</summary>
[PyClass]
public sealed partial class TaggedCrate : Crate
{
    public TaggedCrate(PyRef? content = null, PyRef? tag = null) : base(content) => Tag = tag;

    [PyProperty] public PyRef? Tag { get; set; }
}

/// <summary>A quad holding a Python object: a GC type below levels that are not.</summary>
[PyClass]
public sealed partial class LabelledQuad : Quad
{
    public LabelledQuad(double width, double height, PyRef? label = null) : base("labelled", width, height) =>
        Label = label;

    [PyProperty] public PyRef? Label { get; set; }
}

/// <summary>A plate: a base class in the submodule nd_test.shapes.</summary>
[PyClass(Submodule = typeof(Shapes))]
public partial class Plate
{
    public Plate(double weight) => Weight = weight;

    [PyProperty] public double Weight { get; }

    [PyMethod] public virtual string Metal() => "tin";
}

/// <summary>A gold plate: a class of the module deriving from a class of the submodule.</summary>
[PyClass]
public sealed partial class GoldPlate : Plate
{
    public GoldPlate(double weight) : base(weight) { }

    public override string Metal() => "gold";
}

/// <summary>A figure outline: a class of the submodule deriving from a class of the module.</summary>
[PyClass(Submodule = typeof(Shapes))]
public sealed partial class Outline : Quad
{
    public Outline(double width, double height) : base("outline", width, height) { }
}

/// <summary>Functions taking and returning figures as their base type.</summary>
public static class Figures
{
    /// <summary>The area of any figure (a Square is accepted where a Figure is expected).</summary>
    [PyFunction]
    public static double AreaOf(Figure figure) => figure.Area();

    /// <summary>A new square returned as a Figure: Python sees a Square.</summary>
    [PyFunction]
    public static Figure MakeSquare(double side) => new Square(side);

    /// <summary>The wider of two quads (a reference to a Quad, which may be a Square).</summary>
    [PyFunction]
    public static double WidthOf(PyRef<Quad> quad) => quad.Value.Width;

    /// <summary>A ticket: the only way to make one.</summary>
    [PyFunction]
    public static Ticket IssueTicket(int number) => Ticket.Issue(number);

    /// <summary>The kind of what the C# object really is (its runtime type's name).</summary>
    [PyFunction]
    public static string RuntimeTypeOf(Figure figure) => figure.GetType().Name;
}
