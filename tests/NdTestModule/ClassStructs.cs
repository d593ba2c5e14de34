using NdBindgen;

namespace NdTestModule;

/// <summary>A struct [PyClass] with one of each kind of attribute: its value lives inside the Python object.</summary>
[PyClass]
public partial struct SCounter
{
    /// <param name="count">Where counting starts.</param>
    /// <param name="step">How much each tick adds.</param>
    /// <param name="scale">A read-only factor.</param>
    public SCounter(long count = 0, int step = 1, double scale = 1.0)
    {
        Count = count;
        Step = step;
        Scale = scale;
    }

    /// <summary>A long field: read by CPython (T_LONGLONG), written through the conversion (OverflowError out of range).</summary>
    [PyProperty] public long Count;

    /// <summary>An int auto-property: read by CPython (T_INT), written through the conversion (OverflowError).</summary>
    [PyProperty] public int Step { get; set; }

    /// <summary>A readonly double field: read-only.</summary>
    [PyProperty] public readonly double Scale;

    /// <summary>A double auto-property: read by CPython at its backing field's offset.</summary>
    [PyProperty] public double Total { get; set; }

    /// <summary>A short: range-checked when written.</summary>
    [PyProperty] public short Small { get; set; }

    /// <summary>A bool: numpy.bool_ accepted when written, as everywhere.</summary>
    [PyProperty] public bool Flag { get; set; }

    /// <summary>A get-only auto-property: read-only.</summary>
    [PyProperty] public long Ticks { get; private set; }

    /// <summary>Computed: a getset.</summary>
    [PyProperty] public readonly double Scaled => Count * Scale;

    /// <summary>Adds step to count, in place (self is the value inside the object).</summary>
    /// <returns>The new count.</returns>
    [PyMethod]
    public long Tick()
    {
        Count += Step;
        Total += Step * Scale;
        Ticks++;
        return Count;
    }

    /// <summary>Adds n steps in place.</summary>
    /// <param name="n">How many ticks.</param>
    [PyMethod]
    public void TickMany(int n)
    {
        for (int i = 0; i < n; i++) Tick();
    }

    /// <summary>A copy advanced by one tick; this one is unchanged.</summary>
    /// <returns>The copy.</returns>
    [PyMethod]
    public readonly SCounter Next()
    {
        SCounter copy = this;
        copy.Tick();
        return copy;
    }

    /// <summary>Sets count to -1, then throws: the change stays (self is the value itself, not a copy).</summary>
    /// <exception cref="System.ArgumentException">Always.</exception>
    [PyMethod]
    public void Fail()
    {
        Count = -1;
        throw new System.ArgumentException("no");
    }

    [PyMethod("__repr__")]
    public readonly string Repr() => $"SCounter({Count}, step={Step})";
}

/// <summary>A value type with operators, equality, hashing and pickling, as a struct [PyClass] Python may subclass.</summary>
[PyClass(Subclass = true)]
public readonly partial struct SVec : System.IEquatable<SVec>
{
    /// <param name="x">The x coordinate.</param>
    /// <param name="y">The y coordinate.</param>
    public SVec(double x, double y = 0.0)
    {
        X = x;
        Y = y;
    }

    /// <summary>Read-only in Python (a readonly struct's auto-property).</summary>
    [PyProperty] public double X { get; }

    [PyProperty] public double Y { get; }

    /// <summary>Computed.</summary>
    [PyProperty] public double Norm => System.Math.Sqrt(X * X + Y * Y);

    public static SVec operator +(SVec a, SVec b) => new(a.X + b.X, a.Y + b.Y);

    public static SVec operator -(SVec a) => new(-a.X, -a.Y);

    public static SVec operator *(SVec a, double k) => new(a.X * k, a.Y * k);

    public static bool operator ==(SVec a, SVec b) => a.Equals(b);

    public static bool operator !=(SVec a, SVec b) => !a.Equals(b);

    public bool Equals(SVec other) => X == other.X && Y == other.Y;

    public override bool Equals(object? obj) => obj is SVec v && Equals(v);

    public override int GetHashCode() => System.HashCode.Combine(X, Y);

    public override string ToString() => $"SVec({PyFormat.Float(X)}, {PyFormat.Float(Y)})";

    /// <summary>A factory: cls is the struct's type.</summary>
    [PyClassMethod] public static SVec Unit() => new(1.0, 0.0);

    /// <summary>The dot product with another vector (a struct parameter: a copy).</summary>
    /// <param name="other">The other vector.</param>
    [PyMethod] public double Dot(SVec other) => X * other.X + Y * other.Y;

    /// <summary>The distance to other, or to the origin.</summary>
    /// <param name="other">Another vector, or None.</param>
    [PyMethod] public double Distance(SVec? other = null) => (this + -(other ?? default)).Norm;
}

/// <summary>Functions taking and returning struct [PyClass] values.</summary>
public static partial class StructFunctions
{
    /// <summary>The midpoint of two vectors.</summary>
    /// <param name="a">One end.</param>
    /// <param name="b">The other end.</param>
    [PyFunction]
    public static SVec Midpoint(SVec a, SVec b) => (a + b) * 0.5;

    /// <summary>A counter's count, or -1 for None.</summary>
    /// <param name="c">A counter or None.</param>
    [PyFunction]
    public static long CountOf(SCounter? c) => c?.Count ?? -1;

    /// <summary>A counter's size in bytes as C# lays it out (the Python object holds exactly this).</summary>
    [PyFunction]
    public static int CounterSize() => System.Runtime.CompilerServices.Unsafe.SizeOf<SCounter>();
}

/// <summary>A struct [PyClass] without weak references: CPython's own deallocator frees it, no .NET code runs.</summary>
[PyClass(WeakRef = false, Subclass = true)]
public partial struct SPlain
{
    /// <param name="value">The value.</param>
    public SPlain(double value = 0.0) => Value = value;

    /// <summary>The value.</summary>
    [PyProperty] public double Value { get; set; }

    /// <summary>Twice the value, as a new SPlain.</summary>
    [PyMethod] public readonly SPlain Doubled() => new(Value * 2);
}
