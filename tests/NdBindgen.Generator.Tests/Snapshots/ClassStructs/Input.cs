using System;
using NdBindgen;

namespace Samples;

// State inside the Python object: fields and auto-properties read by CPython at their offsets (an auto-property's
// backing field through an UnsafeAccessor), a computed property and a short read through the conversion, methods on
// self by reference, a struct parameter and result by copy, a nullable struct parameter.
[PyClass]
public partial struct Counter
{
    public Counter(long count = 0, int step = 1)
    {
        Count = count;
        Step = step;
    }

    [PyProperty] public long Count;
    [PyProperty] public int Step { get; set; }
    [PyProperty] public readonly double Scale;
    [PyProperty] public short Small { get; set; }
    [PyProperty] public readonly double Half => Count / 2.0;

    [PyMethod] public long Tick() => Count += Step;
    [PyMethod] public readonly Counter Next() => new(Count + Step, Step);
    [PyMethod] public readonly long Diff(Counter? other = null) => Count - (other?.Count ?? 0);
    [PyMethod("__repr__")] public readonly string Repr() => $"Counter({Count})";
}

// Operators, equality and hashing, a classmethod, pickling; Subclass = true lets Python derive from it.
[PyClass(Subclass = true)]
public readonly partial struct Vec : IEquatable<Vec>
{
    public Vec(double x, double y)
    {
        X = x;
        Y = y;
    }

    [PyProperty] public double X { get; }
    [PyProperty] public double Y { get; }

    public static Vec operator +(Vec a, Vec b) => new(a.X + b.X, a.Y + b.Y);
    public static bool operator ==(Vec a, Vec b) => a.Equals(b);
    public static bool operator !=(Vec a, Vec b) => !a.Equals(b);
    public bool Equals(Vec other) => X == other.X && Y == other.Y;
    public override bool Equals(object? obj) => obj is Vec v && Equals(v);
    public override int GetHashCode() => HashCode.Combine(X, Y);

    [PyClassMethod] public static Vec Origin() => new(0, 0);
}

// WeakRef = false: no weak reference list, and CPython's own deallocator (no .NET code when an instance dies).
[PyClass(WeakRef = false)]
public partial struct Plain
{
    public Plain(double value) => Value = value;

    [PyProperty] public double Value { get; set; }
}
