using System.Collections;
using NdBindgen;

namespace NdTestModule;

/// <summary>
/// Throws from the one place named by <see cref="FailIn"/> ("" = nowhere): constructor, getter,
/// setter, method, operators, comparisons, __repr__, __str__, __hash__, __len__, __getitem__,
/// __setitem__, the iterator (GetEnumerator, MoveNext, Current, Dispose), Traverse and Clear. The
/// same instance works again once <see cref="FailIn"/> is reset.
/// </summary>
[PyClass]
public sealed partial class Thrower : IEquatable<Thrower>, IComparable<Thrower>, IEnumerable<int>, IPyTraverse
{
    private int _value;
    private PyRef? _item;

    /// <param name="value">The number.</param>
    /// <param name="failIn">Where to throw; "constructor" throws here.</param>
    public Thrower(int value = 0, string failIn = "")
    {
        if (failIn == "constructor") throw new InvalidOperationException("the constructor failed");
        _value = value;
        FailIn = failIn;
    }

    /// <summary>Where to throw next ("" = nowhere).</summary>
    [PyProperty]
    public string FailIn { get; set; }

    /// <summary>The number: the getter throws KeyNotFoundException, the setter ArgumentException.</summary>
    [PyProperty]
    public int Value
    {
        get => FailIn == "getter" ? throw new KeyNotFoundException("the getter failed") : _value;
        set => _value = FailIn == "setter" ? throw new ArgumentException("the setter failed") : value;
    }

    /// <summary>A Python object kept (reported by Traverse, released by Clear), or None.</summary>
    [PyProperty]
    public PyRef? Held
    {
        get => _item;
        set
        {
            _item?.Dispose();
            _item = value;
        }
    }

    /// <summary>Twice the value (DivideByZeroException when failing).</summary>
    [PyMethod]
    public int Twice() => FailIn == "method" ? throw new DivideByZeroException("the method failed") : 2 * _value;

    /// <summary>The number of items the iterator yields (0 to 3, or -1 when "negative_len").</summary>
    public int Count => FailIn switch
    {
        "len" => throw new InvalidOperationException("len failed"),
        "negative_len" => -1,
        _ => Math.Clamp(_value, 0, 3),
    };

    /// <summary>index * value; "getitem" throws KeyNotFoundException, "setitem" InvalidOperationException.</summary>
    public int this[int index]
    {
        get => FailIn == "getitem" ? throw new KeyNotFoundException("getitem failed") : index * _value;
        set => _value = FailIn == "setitem" ? throw new InvalidOperationException("setitem failed") : value;
    }

    public static Thrower operator +(Thrower a, Thrower b) => Add(a, b._value, b.FailIn);

    public static Thrower operator +(Thrower a, int b) => Add(a, b, "");

    public static Thrower operator -(Thrower a) =>
        a.FailIn == "negative" ? throw new NotImplementedException("negation failed") : new(-a._value);

    private static Thrower Add(Thrower a, int b, string otherFailIn) =>
        a.FailIn == "add" || otherFailIn == "add" ? throw new OverflowException("addition failed") : new(a._value + b);

    public bool Equals(Thrower? other) =>
        FailIn == "eq" || other?.FailIn == "eq" ? throw new InvalidOperationException("equality failed") : other is not null && other._value == _value;

    public override bool Equals(object? obj) => Equals(obj as Thrower);

    public int CompareTo(Thrower? other) =>
        FailIn == "compare" || other?.FailIn == "compare" ? throw new ArgumentException("comparison failed") : _value.CompareTo(other?._value ?? int.MinValue);

    public override int GetHashCode() => FailIn == "hash" ? throw new InvalidOperationException("hash failed") : _value;

    [PyMethod("__repr__")]
    public string Repr() => FailIn == "repr" ? throw new InvalidOperationException("repr failed") : $"Thrower({_value})";

    public override string ToString() => FailIn == "str" ? throw new ArgumentException("str failed") : $"thrower {_value}";

    /// <summary>Yields 1..Count; the enumerator reads FailIn at each step, so it can fail halfway.</summary>
    public IEnumerator<int> GetEnumerator() =>
        FailIn == "iter" ? throw new InvalidOperationException("GetEnumerator failed") : new Enumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    int IPyTraverse.Traverse(PyVisit visit) =>
        FailIn == "traverse" ? throw new InvalidOperationException("traverse failed") : visit.Visit(_item);

    /// <summary>Drops the item first, then throws when failing: the cycle still falls apart.</summary>
    void IPyTraverse.Clear()
    {
        _item?.Dispose();
        _item = null;
        if (FailIn == "clear") throw new InvalidOperationException("clear failed");
    }

    private sealed class Enumerator(Thrower owner) : IEnumerator<int>
    {
        private int _position;

        public int Current => owner.FailIn == "current" ? throw new IndexOutOfRangeException("Current failed") : _position;

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (owner.FailIn == "next" && _position == 1) throw new KeyNotFoundException("MoveNext failed");
            if (_position >= Math.Clamp(owner._value, 0, 3)) return false;
            _position++;
            return true;
        }

        public void Reset() => _position = 0;

        public void Dispose()
        {
            if (owner.FailIn == "dispose") throw new InvalidOperationException("Dispose failed");
        }
    }
}
