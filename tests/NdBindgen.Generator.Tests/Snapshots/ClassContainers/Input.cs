using System;
using System.Collections;
using System.Collections.Generic;
using NdBindgen;

namespace Samples;

/// <summary>A sequence: int indices (negative from the end), slices of any step, del, in.</summary>
[PyClass]
public sealed partial class Seq
{
    private readonly List<long> _items = new();

    public Seq() { }

    public int Count => _items.Count;

    public long this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    public Seq this[PySlice slice] => new();

    [PyMethod("__delitem__")] public void RemoveAt(int index) => _items.RemoveAt(index);

    [PyMethod("__contains__")] public bool Has(long value) => _items.Contains(value);
}

/// <summary>Text: a Range indexer (step 1) and a length from a dunder method.</summary>
[PyClass]
public sealed partial class Text
{
    private readonly string _value = "";

    public Text() { }

    [PyMethod("__len__")] public int Size() => _value.Length;

    public string this[Range range] => _value[range];
}

/// <summary>A mapping by name, by position too: dispatch by the key's type, KeyError.</summary>
[PyClass]
public sealed partial class Table
{
    private readonly Dictionary<string, double> _values = new();

    public Table() { }

    public double this[string name]
    {
        get => _values[name];
        set => _values[name] = value;
    }

    public string this[int position] => "";

    [PyMethod("__delitem__")] public void Remove(string name) => _values.Remove(name);
}

/// <summary>Tags: ICollection&lt;string&gt;.Contains (explicit) is __contains__.</summary>
[PyClass]
public sealed partial class Tags : ICollection<string>
{
    private readonly HashSet<string> _tags = new();

    public Tags() { }

    public int Count => _tags.Count;
    bool ICollection<string>.IsReadOnly => false;
    void ICollection<string>.Add(string item) => _tags.Add(item);
    void ICollection<string>.Clear() => _tags.Clear();
    bool ICollection<string>.Contains(string item) => _tags.Contains(item);
    void ICollection<string>.CopyTo(string[] array, int arrayIndex) => _tags.CopyTo(array, arrayIndex);
    bool ICollection<string>.Remove(string item) => _tags.Remove(item);
    public IEnumerator<string> GetEnumerator() => _tags.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Its own iterator.</summary>
[PyClass]
public sealed partial class Countdown
{
    private long _next;

    public Countdown(long start) => _next = start;

    [PyMethod("__next__")] public long Next() => _next > 0 ? _next-- : throw new PyStopIteration("liftoff");
}

/// <summary>Callable, with a keyword-only parameter.</summary>
[PyClass]
public sealed partial class Poly
{
    public Poly() { }

    [PyMethod("__call__")] public double Evaluate(double x, [KeywordOnly] double scale = 1.0) => scale * x;
}

/// <summary>An IDisposable usable in with.</summary>
[PyClass(ContextManager = true)]
public sealed partial class Res : IDisposable
{
    public Res() { }

    public void Dispose() { }
}
