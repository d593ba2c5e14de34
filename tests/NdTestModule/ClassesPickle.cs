using NdBindgen;

namespace NdTestModule;

/// <summary>Pickles with no code: x and y from the constructor, label as state, norm derived.</summary>
[PyClass]
public partial class PVec
{
    /// <param name="x">The x coordinate.</param>
    /// <param name="y">The y coordinate.</param>
    public PVec(double x, double y = 0.0)
    {
        X = x;
        Y = y;
    }

    [PyProperty] public double X { get; set; }

    [PyProperty] public double Y { get; }

    /// <summary>Not set by the constructor: pickled as state.</summary>
    [PyProperty] public string? Label { get; set; }

    /// <summary>Derived: recomputed, not pickled.</summary>
    [PyProperty] public double Norm => Math.Sqrt(X * X + Y * Y);

    /// <summary>Not state (a cache): [NonSerialized] lets the class pickle.</summary>
    [NonSerialized] private int _reads;

    [PyMethod] public int Reads() => ++_reads;
}

/// <summary>A PyRef (any object), a [PyClass] instance and a list: nested pickling and copy's depth.</summary>
[PyClass(Pickle = true)]
public sealed partial class PBox
{
    /// <param name="item">Any Python object.</param>
    /// <param name="vec">A PVec, or None.</param>
    public PBox(PyRef? item, PVec? vec = null)
    {
        Item = item;
        Vec = vec;
    }

    [PyProperty] public PyRef? Item { get; set; }

    [PyProperty] public PVec? Vec { get; set; }

    [PyProperty] public List<double> Values { get; set; } = new();

    [PyProperty] public int? Count { get; set; }

    /// <summary>Not a constructor parameter: state, so a cycle through it pickles.</summary>
    [PyProperty] public PyRef? Link { get; set; }
}

/// <summary>Its constructor parameter has no property: pickling raises TypeError naming it.</summary>
[PyClass]
public sealed partial class PSecret
{
    private readonly int _seed;

    public PSecret(int seed) => _seed = seed;

    [PyMethod] public int Twice() => 2 * _seed;
}

/// <summary>Private state no property shows: pickling raises TypeError naming the field.</summary>
[PyClass]
public sealed partial class PHidden
{
    private readonly List<int> _log = new();

    public PHidden(int start) => Start = start;

    [PyProperty] public int Start { get; }

    [PyMethod] public void Add(int n) => _log.Add(n);
}

/// <summary>Pickle = false: nothing generated, Python's own refusal.</summary>
[PyClass(Pickle = false)]
public sealed partial class PNoPickle
{
    public PNoPickle(int n) => N = n;

    [PyProperty] public int N { get; }
}

/// <summary>A hand-written __reduce__ replaces the generated one (which would give extra back as it is).</summary>
[PyClass]
public sealed partial class PHandReduce
{
    public PHandReduce(int n, int extra = 0)
    {
        N = n;
        Extra = extra;
    }

    [PyProperty] public int N { get; }

    [PyProperty] public int Extra { get; }

    /// <summary>Rebuilt with 1000 more in extra, to tell it from the generated one.</summary>
    [PyMethod("__reduce__")]
    public (PyRef, (int, int)) Reduce(Python py)
    {
        using PyRef self = PyRef.Of(this);
        return (self.GetAttr(py, "__class__"), (N, Extra + 1000));
    }
}

/// <summary>Hand-written __getstate__/__setstate__: private state round-trips through them.</summary>
[PyClass]
public sealed partial class PCounter
{
    private int _count;

    public PCounter() { }

    [PyMethod] public int Bump() => ++_count;

    [PyMethod("__getstate__")] public int GetState() => _count;

    [PyMethod("__setstate__")] public void SetState(int count) => _count = count + 1000;
}

/// <summary>A keyword-only constructor parameter: rebuilt through copyreg.__newobj_ex__ (cls, args, kwargs).</summary>
[PyClass]
public partial class PMeasure
{
    public PMeasure(double value, [KeywordOnly] string unit = "m")
    {
        Value = value;
        Unit = unit;
    }

    [PyProperty] public double Value { get; }

    [PyProperty] public string Unit { get; }

    [PyProperty] public string? Note { get; set; }
}
