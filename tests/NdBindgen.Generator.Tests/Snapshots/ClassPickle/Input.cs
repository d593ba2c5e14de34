using System;
using System.Collections.Generic;
using NdBindgen;

namespace Samples;

// Arguments read back from X and Y; Label (settable, not a parameter) is state; Norm (derived) is not;
// the [NonSerialized] cache is no state.
[PyClass]
public partial class Vec
{
    public Vec(double x, double y = 0.0)
    {
        X = x;
        Y = y;
    }

    [PyProperty] public double X { get; set; }
    [PyProperty] public double Y { get; }
    [PyProperty] public string? Label { get; set; }
    [PyProperty] public int? Rank { get; set; }
    [PyProperty] public double Norm => Math.Sqrt(X * X + Y * Y);
    [NonSerialized] private int _reads;
    [PyMethod] public int Reads() => ++_reads;
}

// Asked for: any object, another [PyClass] and a list.
[PyClass(Pickle = true)]
public sealed partial class Box
{
    public Box(PyRef? item, Vec? vec = null)
    {
        Item = item;
        Vec = vec;
    }

    [PyProperty] public PyRef? Item { get; set; }
    [PyProperty] public Vec? Vec { get; set; }
    [PyProperty] public List<double> Values { get; set; } = new();
}

// Cannot be rebuilt and did not ask: its __reduce__ raises TypeError saying why.
[PyClass]
public sealed partial class Secret
{
    private readonly int _seed;
    public Secret(int seed) => _seed = seed;
}

// Private state through hand-written __getstate__/__setstate__: the generated __reduce__ calls __getstate__.
[PyClass]
public sealed partial class Counter
{
    private int _count;
    [PyMethod("__getstate__")] public int GetState() => _count;
    [PyMethod("__setstate__")] public void SetState(int count) => _count = count;
}

// Nothing generated: turned off, or written by hand.
[PyClass(Pickle = false)]
public sealed partial class Off
{
    public Off(int n) => N = n;
    [PyProperty] public int N { get; }
}

[PyClass]
public sealed partial class ByHand
{
    [PyMethod("__reduce__")] public PyRef Reduce(PyRef self) => self;
}

// A keyword-only parameter goes back by its name (copyreg.__newobj_ex__).
[PyClass]
public sealed partial class Measure
{
    public Measure(double value, [KeywordOnly] string unit)
    {
        Value = value;
        Unit = unit;
    }

    [PyProperty] public double Value { get; }
    [PyProperty] public string Unit { get; }
}
