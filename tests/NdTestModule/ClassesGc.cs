using NdBindgen;

namespace NdTestModule;

/// <summary>Holds Python objects in a PyRef property and a List of PyRef, so cycles can run through it.</summary>
[PyClass]
public partial class Holder
{
    private static long s_alive;

    private readonly List<PyRef> _items = new();

    /// <param name="item">Any Python object, or None.</param>
    public Holder(PyRef? item = null)
    {
        Item = item;
        Interlocked.Increment(ref s_alive);
    }

    ~Holder() => Interlocked.Decrement(ref s_alive);

    /// <summary>How many Holder C# objects .NET has not finalized yet.</summary>
    public static long Alive => Interlocked.Read(ref s_alive);

    /// <summary>The object held in a property.</summary>
    [PyProperty]
    public PyRef? Item { get; set; }

    /// <summary>len(): the number of objects in the list.</summary>
    public int Count => _items.Count;

    /// <summary>Appends <paramref name="item"/> to the list.</summary>
    [PyMethod]
    public void Push(PyRef item) => _items.Add(item);

    /// <summary>The object at <paramref name="index"/> of the list.</summary>
    [PyMethod]
    public PyRef Peek(int index) => _items[index];

    /// <summary>Releases every object in the list now.</summary>
    [PyMethod]
    public void Drop()
    {
        foreach (PyRef item in _items) item.Dispose();
        _items.Clear();
    }
}

/// <summary>Holds Python objects in a dictionary, a shape the generator does not walk: it implements IPyTraverse itself.</summary>
[PyClass]
public sealed partial class Registry : IPyTraverse
{
    private readonly Dictionary<string, PyRef> _entries = new();

    public Registry() { }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>.</summary>
    [PyMethod]
    public void Put(string key, PyRef value)
    {
        if (_entries.Remove(key, out PyRef? old)) old.Dispose();
        _entries[key] = value;
    }

    /// <summary>The value stored under <paramref name="key"/> (KeyError when there is none).</summary>
    [PyMethod]
    public PyRef Get(string key) => _entries[key];

    /// <summary>len()</summary>
    public int Count => _entries.Count;

    int IPyTraverse.Traverse(PyVisit visit)
    {
        foreach (PyRef value in _entries.Values)
        {
            int r = visit.Visit(value);
            if (r != 0) return r;
        }
        return 0;
    }

    void IPyTraverse.Clear()
    {
        foreach (PyRef value in _entries.Values) value.Dispose();
        _entries.Clear();
    }
}

/// <summary>.NET exceptions from every kind of member: constructor, getter, setter, method, __repr__, __str__.</summary>
[PyClass]
public sealed partial class Fragile
{
    private int _positive = 1;

    /// <param name="mode">Not negative (else ValueError from ArgumentOutOfRangeException).</param>
    public Fragile(int mode = 0)
    {
        if (mode < 0) throw new ArgumentOutOfRangeException(nameof(mode), "mode must not be negative");
        Mode = mode;
    }

    /// <summary>The mode.</summary>
    [PyProperty]
    public int Mode { get; }

    /// <summary>A getter that always throws InvalidOperationException.</summary>
    [PyProperty]
    public int Broken => throw new InvalidOperationException("this getter always fails");

    /// <summary>A getter that throws KeyNotFoundException.</summary>
    [PyProperty]
    public string Missing => throw new KeyNotFoundException("no such key");

    /// <summary>A positive number: the setter throws ArgumentOutOfRangeException otherwise.</summary>
    [PyProperty]
    public int Positive
    {
        get => _positive;
        set => _positive = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "must be positive");
    }

    /// <summary>100 divided by <paramref name="by"/> (ZeroDivisionError for 0).</summary>
    [PyMethod]
    public int Divide(int by) => 100 / by;

    /// <summary>Throws IndexOutOfRangeException.</summary>
    [PyMethod]
    public void Index() => throw new IndexOutOfRangeException("index 7 is out of range");

    /// <summary>Throws NotImplementedException.</summary>
    [PyMethod]
    public static void Todo() => throw new NotImplementedException("not done yet");

    [PyMethod("__repr__")]
    public string Repr() => Mode == 3 ? throw new InvalidOperationException("cannot represent mode 3") : $"Fragile({Mode})";

    public override string ToString() => Mode == 4 ? throw new OverflowException("too big to print") : $"fragile {Mode}";
}

/// <summary>Helpers to look at .NET's side of object lifetimes.</summary>
public static class Lifetimes
{
    private static Holder? s_keptHolder;

    /// <summary>Keeps <paramref name="holder"/>'s C# object in a static field (None forgets it).</summary>
    [PyFunction]
    public static void KeepHolder(Holder? holder) => s_keptHolder = holder;

    /// <summary>The holder kept by keep_holder(), or None.</summary>
    [PyFunction]
    public static Holder? KeptHolder() => s_keptHolder;

    /// <summary>Runs .NET's garbage collector and finalizers to completion; returns how many Holder C# objects are still alive.</summary>
    [PyFunction]
    public static long DotnetCollect()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return Holder.Alive;
    }

    /// <summary>Makes and drops one Holder (a call that runs the queue of references finalized by .NET).</summary>
    [PyFunction]
    public static void MakeAndDropHolder() => PyRef.Of(new Holder()).Dispose();
}
