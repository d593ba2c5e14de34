using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using NdBindgen;

namespace NdTestModule;

/// <summary>A sequence of ints: negative indices, slices of any step, del, in.</summary>
[PyClass]
public sealed partial class IntSequence
{
    private readonly List<long> _items;

    /// <param name="items">The items.</param>
    public IntSequence(List<long> items) => _items = items;

    /// <summary>len()</summary>
    public int Count => _items.Count;

    /// <summary>The item at an index (negative ones count from the end: the class has a Count).</summary>
    public long this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    /// <summary>A new sequence of the items a slice selects, any step.</summary>
    public IntSequence this[PySlice slice]
    {
        get
        {
            PySliceIndices at = slice.Indices(_items.Count);
            var items = new List<long>((int)at.Count);
            for (long k = 0; k < at.Count; k++) items.Add(_items[(int)at[k]]);
            return new IntSequence(items);
        }
    }

    /// <summary>del s[i]</summary>
    /// <param name="index">Where (already counted from the end when negative).</param>
    [PyMethod("__delitem__")]
    public void RemoveAt(int index) => _items.RemoveAt(index);

    /// <summary>x in s</summary>
    /// <param name="value">The value.</param>
    /// <returns>Whether it is there.</returns>
    [PyMethod("__contains__")]
    public bool Has(long value) => _items.Contains(value);

    /// <summary>The items, as a list.</summary>
    /// <returns>The list.</returns>
    [PyMethod]
    public List<long> ToList() => _items.ToList();
}

/// <summary>Text with a Range indexer (slices of step 1) and an int indexer.</summary>
[PyClass]
public sealed partial class Text
{
    private readonly string _value;

    /// <param name="value">The text.</param>
    public Text(string value) => _value = value;

    /// <summary>len()</summary>
    public int Length => _value.Length;

    /// <summary>One character.</summary>
    public string this[int index] => _value[index].ToString();

    /// <summary>A substring.</summary>
    public string this[Range range] => _value[range];
}

/// <summary>A ring without a length: a negative index reaches the indexer as it is (it wraps).</summary>
[PyClass]
public sealed partial class Ring
{
    private readonly long[] _items;

    /// <param name="items">The items.</param>
    public Ring(long[] items) => _items = items;

    /// <summary>The item at index modulo the size, negative too.</summary>
    public long this[long index] => _items[(int)(((index % _items.Length) + _items.Length) % _items.Length)];
}

/// <summary>Named settings: a mapping by name, by position too; del and in.</summary>
[PyClass]
public sealed partial class Settings
{
    private readonly Dictionary<string, double> _values = new();
    private readonly List<string> _order = new();

    public Settings() { }

    /// <summary>len()</summary>
    [PyMethod("__len__")]
    public int Size() => _values.Count;

    /// <summary>A value by name: a missing one is KeyNotFoundException (KeyError in Python).</summary>
    public double this[string name]
    {
        get => _values[name];
        set
        {
            if (!_values.ContainsKey(name)) _order.Add(name);
            _values[name] = value;
        }
    }

    /// <summary>The name at a position.</summary>
    public string this[int position] => _order[position];

    /// <summary>del settings[name]</summary>
    /// <param name="name">The name.</param>
    [PyMethod("__delitem__")]
    public void Remove(string name)
    {
        if (!_values.Remove(name)) throw new KeyNotFoundException(name);
        _order.Remove(name);
    }

    /// <summary>name in settings</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is set.</returns>
    [PyMethod("__contains__")]
    public bool Has(string name) => _values.ContainsKey(name);
}

/// <summary>Cells keyed by a tuple (row, column) or a [PyClass] instance.</summary>
[PyClass]
public sealed partial class Grid
{
    private readonly Dictionary<(long, long), string> _cells = new();

    public Grid() { }

    /// <summary>A cell.</summary>
    public string this[(long Row, long Column) at]
    {
        get => _cells[at];
        set => _cells[at] = value;
    }

    /// <summary>The cell at another grid's count of cells (a [PyClass] key).</summary>
    public long this[Grid other] => other._cells.Count;
}

/// <summary>Tags in a set: ICollection&lt;string&gt;, so Contains is __contains__.</summary>
[PyClass]
public sealed partial class Tags : ICollection<string>
{
    private readonly HashSet<string> _tags;

    /// <param name="tags">The tags.</param>
    public Tags(List<string> tags) => _tags = new HashSet<string>(tags);

    /// <summary>len()</summary>
    public int Count => _tags.Count;

    /// <summary>How many times Contains was called (so a test sees `in` went through it, not __iter__).</summary>
    [PyProperty]
    public int ContainsCalls { get; private set; }

    bool ICollection<string>.IsReadOnly => false;

    void ICollection<string>.Add(string item) => _tags.Add(item);

    void ICollection<string>.Clear() => _tags.Clear();

    bool ICollection<string>.Contains(string item)
    {
        ContainsCalls++;
        return _tags.Contains(item);
    }

    void ICollection<string>.CopyTo(string[] array, int arrayIndex) => _tags.CopyTo(array, arrayIndex);

    bool ICollection<string>.Remove(string item) => _tags.Remove(item);

    public IEnumerator<string> GetEnumerator() => _tags.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Its own iterator: counts down, then StopIteration carrying "liftoff".</summary>
[PyClass]
public sealed partial class Countdown
{
    private long _next;

    /// <param name="start">The first number.</param>
    public Countdown(long start) => _next = start;

    /// <summary>The next number.</summary>
    /// <returns>It.</returns>
    [PyMethod("__next__")]
    public long Next() => _next > 0 ? _next-- : throw new PyStopIteration("liftoff");
}

/// <summary>Its own iterator, ending with a plain StopIteration (no value).</summary>
[PyClass]
public sealed partial class Once
{
    private PyRef? _item;

    /// <param name="item">What it yields, once.</param>
    public Once(PyRef item) => _item = item;

    /// <summary>The item, then the end.</summary>
    /// <returns>The item.</returns>
    [PyMethod("__next__")]
    public PyRef Next()
    {
        PyRef item = _item ?? throw new PyStopIteration();
        _item = null;
        return item;
    }
}

/// <summary>A polynomial: calling it evaluates it.</summary>
[PyClass]
public sealed partial class Polynomial
{
    private readonly double[] _coefficients;

    /// <param name="coefficients">c0, c1, ... of c0 + c1 x + ...</param>
    public Polynomial(params double[] coefficients) => _coefficients = coefficients;

    /// <summary>p(x), times scale.</summary>
    /// <param name="x">Where.</param>
    /// <param name="scale">A factor (keyword only).</param>
    /// <returns>The value.</returns>
    [PyMethod("__call__")]
    public double Evaluate(double x, [KeywordOnly] double scale = 1.0) =>
        scale * _coefficients.Reverse().Aggregate(0.0, (acc, c) => acc * x + c);
}

/// <summary>Joins what it is called with: *args, **kwargs and overloads.</summary>
[PyClass]
public sealed partial class Joiner
{
    private readonly string _separator;

    /// <param name="separator">Between the parts.</param>
    public Joiner(string separator) => _separator = separator;

    /// <summary>The parts joined, then "k=v" for each keyword.</summary>
    /// <param name="parts">The parts.</param>
    /// <param name="named">k=v parts.</param>
    /// <returns>The text.</returns>
    [PyMethod("__call__")]
    public string Join([PyKwargs] Dictionary<string, long>? named = null, params string[] parts) =>
        string.Join(_separator, parts.Concat((named ?? new()).Select(p => $"{p.Key}={p.Value}")));
}

/// <summary>Called with an int or a str (two C# overloads of one __call__).</summary>
[PyClass]
public sealed partial class Describer
{
    public Describer() { }

    /// <summary>An int.</summary>
    /// <param name="value">It.</param>
    /// <returns>Its description.</returns>
    [PyMethod("__call__")]
    public string Describe(long value) => $"int {value}";

    /// <summary>A str.</summary>
    /// <param name="value">It.</param>
    /// <returns>Its description.</returns>
    [PyMethod("__call__")]
    public string Describe(string value) => $"str {value}";
}

/// <summary>An IDisposable usable in with: ContextManager = true.</summary>
[PyClass(ContextManager = true)]
public sealed partial class Resource : IDisposable
{
    public Resource() { }

    /// <summary>Whether Dispose ran.</summary>
    [PyProperty]
    public bool Disposed { get; private set; }

    /// <summary>How many times Dispose ran.</summary>
    [PyProperty]
    public int DisposeCount { get; private set; }

    public void Dispose()
    {
        Disposed = true;
        DisposeCount++;
    }
}

/// <summary>A context manager by hand: __exit__ sees the exception and may swallow it.</summary>
[PyClass]
public sealed partial class Transaction
{
    /// <param name="swallow">Whether __exit__ returns True (the exception is suppressed).</param>
    public Transaction(bool swallow = false) => Swallow = swallow;

    /// <summary>What __exit__ returns.</summary>
    [PyProperty]
    public bool Swallow { get; }

    /// <summary>The exception __exit__ saw, or None.</summary>
    [PyProperty]
    public PyRef? Seen { get; private set; }

    /// <summary>Whether the block ended without an exception.</summary>
    [PyProperty]
    public bool Committed { get; private set; }

    /// <summary>Enters.</summary>
    /// <returns>The transaction.</returns>
    [PyMethod("__enter__")]
    public Transaction Enter() => this;

    /// <summary>Leaves.</summary>
    /// <param name="type">The exception's type, or None.</param>
    /// <param name="value">The exception, or None.</param>
    /// <param name="traceback">Its traceback, or None.</param>
    /// <returns>Whether to suppress it.</returns>
    [PyMethod("__exit__")]
    public bool Exit(PyRef? type, PyRef? value, PyRef? traceback)
    {
        Committed = type is null;
        Seen?.Dispose();
        Seen = value;
        type?.Dispose();
        traceback?.Dispose();
        return Swallow;
    }
}
