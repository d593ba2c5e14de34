using NdBindgen;

namespace NdTestModule;

/// <summary>An animal with a name, meant to be subclassed in Python.</summary>
[PyClass]
public partial class Animal
{
    /// <param name="name">What it is called.</param>
    /// <param name="legs">How many legs it stands on.</param>
    public Animal(string name, int legs = 4)
    {
        Name = name;
        Legs = legs;
    }

    /// <summary>What it is called.</summary>
    [PyProperty]
    public string Name { get; set; }

    /// <summary>How many legs it stands on (read-only).</summary>
    [PyProperty]
    public int Legs { get; }

    /// <summary>The sound it makes.</summary>
    /// <returns>The sound.</returns>
    [PyMethod]
    public string Speak() => "...";

    /// <summary>A sentence about the animal, made in C# (a Python override of speak is not seen here).</summary>
    /// <returns>The sentence.</returns>
    [PyMethod]
    public string Describe() => $"{Name} has {Legs} legs and says {Speak()}";

    /// <summary>Returns this very animal.</summary>
    [PyMethod]
    public Animal Itself() => this;

    /// <summary>Renames the animal and returns it, for chaining.</summary>
    /// <param name="name">The new name.</param>
    /// <param name="suffix">Appended to the name.</param>
    [PyMethod]
    public Animal Rename(string name, string suffix = "") => SetName(name + suffix);

    private Animal SetName(string name)
    {
        Name = name;
        return this;
    }

    /// <summary>A two-legged animal, of the class it is called on.</summary>
    /// <param name="name">What it is called.</param>
    [PyClassMethod]
    public static Animal Biped(string name) => new(name, 2);

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> have as many legs.</summary>
    /// <param name="a">One animal.</param>
    /// <param name="b">Another animal, or None for any four-legged one.</param>
    [PyMethod]
    public static bool SameLegs(Animal a, Animal? b = null) => a.Legs == (b?.Legs ?? 4);
}

/// <summary>Attributes of every kind: read-write and read-only properties and fields.</summary>
[PyClass]
public sealed partial class Record
{
    private static long s_serials;

    /// <param name="id">The identifier.</param>
    /// <param name="label">A label.</param>
    /// <param name="weight">A weight.</param>
    public Record(int id, string label = "none", double weight = 1.5)
    {
        Id = id;
        Label = label;
        Weight = weight;
        Serial = Interlocked.Increment(ref s_serials);
    }

    /// <summary>The identifier (a get-only property).</summary>
    [PyProperty]
    public int Id { get; }

    /// <summary>A label (read-write).</summary>
    [PyProperty]
    public string Label { get; set; }

    /// <summary>A weight: its setter is private, so it is read-only in Python.</summary>
    [PyProperty]
    public double Weight { get; private set; }

    /// <summary>An init-only property: read-only in Python.</summary>
    [PyProperty]
    public string Kind { get; init; } = "record";

    /// <summary>A readonly field: read-only in Python.</summary>
    [PyProperty]
    public readonly long Serial;

    /// <summary>A field: read-write in Python.</summary>
    [PyProperty]
    public double Score;

    /// <summary>A bool field.</summary>
    [PyProperty]
    public bool Flag;

    /// <summary>A nullable string under another Python name.</summary>
    [PyProperty("tag")]
    public string? Note { get; set; }

    /// <summary>An optional animal.</summary>
    [PyProperty]
    public Animal? Pet { get; set; }

    /// <summary>A nullable int.</summary>
    [PyProperty]
    public int? Rank { get; set; }

    /// <summary>Doubles the weight (the only way to change it).</summary>
    [PyMethod]
    public void DoubleWeight() => Weight *= 2;

    /// <summary>Adds two numbers (a staticmethod).</summary>
    /// <param name="a">The first.</param>
    /// <param name="b">The second.</param>
    [PyMethod]
    public static long Add(long a, long b = 10) => a + b;

    /// <summary>How many records were made so far (a staticmethod without parameters).</summary>
    [PyMethod]
    public static long Made() => Interlocked.Read(ref s_serials);

    /// <summary>A record with id 0 and the given label (a classmethod).</summary>
    /// <param name="label">The label.</param>
    [PyClassMethod]
    public static Record Blank(string label = "blank") => new(0, label);
}

/// <summary>A sum of money: equality and hashing from IEquatable and GetHashCode, ordering from IComparable.</summary>
[PyClass]
public sealed partial class Money : IEquatable<Money>, IComparable<Money>
{
    /// <param name="cents">The amount in cents.</param>
    /// <param name="currency">The currency code.</param>
    public Money(long cents, string currency = "EUR")
    {
        Cents = cents;
        Currency = currency;
    }

    /// <summary>The amount in cents.</summary>
    [PyProperty]
    public long Cents { get; }

    /// <summary>The currency code.</summary>
    [PyProperty]
    public string Currency { get; }

    public bool Equals(Money? other) => other is not null && Cents == other.Cents && Currency == other.Currency;

    public override bool Equals(object? obj) => Equals(obj as Money);

    public override int GetHashCode() => HashCode.Combine(Cents, Currency);

    public int CompareTo(Money? other)
    {
        if (other is null) return 1;
        int c = string.CompareOrdinal(Currency, other.Currency);
        return c != 0 ? c : Cents.CompareTo(other.Cents);
    }

    [PyMethod("__repr__")]
    public string Repr() => $"Money({Cents}, '{Currency}')";

    public override string ToString() => $"{Cents / 100}.{Math.Abs(Cents % 100):D2} {Currency}";
}

/// <summary>A version number: comparisons from C# operators.</summary>
[PyClass]
public sealed partial class Version2
{
    /// <param name="major">The major version.</param>
    /// <param name="minor">The minor version.</param>
    [PyConstructor]
    public Version2(int major, int minor = 0)
    {
        Major = major;
        Minor = minor;
    }

    /// <summary>A second public constructor, for C# only: [PyConstructor] picks the other one.</summary>
    public Version2(string text) : this(int.Parse(text.Split('.')[0]), int.Parse(text.Split('.')[1])) { }

    /// <summary>The major version.</summary>
    [PyProperty]
    public int Major { get; }

    /// <summary>The minor version.</summary>
    [PyProperty]
    public int Minor { get; }

    private int Key => Major * 100000 + Minor;

    public static bool operator ==(Version2 a, Version2 b) => a.Key == b.Key;
    public static bool operator !=(Version2 a, Version2 b) => a.Key != b.Key;
    public static bool operator <(Version2 a, Version2 b) => a.Key < b.Key;
    public static bool operator >(Version2 a, Version2 b) => a.Key > b.Key;
    public static bool operator <=(Version2 a, Version2 b) => a.Key <= b.Key;
    public static bool operator >=(Version2 a, Version2 b) => a.Key >= b.Key;

    public override bool Equals(object? obj) => obj is Version2 v && v.Key == Key;

    public override int GetHashCode() => Key;

    public override string ToString() => $"{Major}.{Minor}";
}

#pragma warning disable CS0659 // on purpose: Equals without GetHashCode makes the Python type unhashable
/// <summary>Equal by value, but with no hash of its own: unhashable in Python.</summary>
[PyClass]
public sealed partial class Tally
{
    /// <param name="count">The count.</param>
    public Tally(int count) => Value = count;

    /// <summary>The count.</summary>
    [PyProperty]
    public int Value { get; set; }

    public override bool Equals(object? obj) => obj is Tally t && t.Value == Value;

    [PyMethod("__str__")]
    public string Describe() => $"tally of {Value}";
}
#pragma warning restore CS0659

/// <summary>A 2-d vector: the number protocol from C# operators.</summary>
[PyClass("Vec")]
public sealed partial class Vector2D : IEquatable<Vector2D>
{
    /// <param name="x">The x component.</param>
    /// <param name="y">The y component.</param>
    public Vector2D(double x = 0.0, double y = 0.0)
    {
        X = x;
        Y = y;
    }

    /// <summary>The x component.</summary>
    [PyProperty]
    public double X { get; }

    /// <summary>The y component.</summary>
    [PyProperty]
    public double Y { get; }

    public static Vector2D operator +(Vector2D a, Vector2D b) => new(a.X + b.X, a.Y + b.Y);
    public static Vector2D operator -(Vector2D a, Vector2D b) => new(a.X - b.X, a.Y - b.Y);
    public static double operator *(Vector2D a, Vector2D b) => a.X * b.X + a.Y * b.Y;
    public static Vector2D operator *(Vector2D a, double k) => new(a.X * k, a.Y * k);
    public static Vector2D operator *(double k, Vector2D a) => new(a.X * k, a.Y * k);
    public static Vector2D operator /(Vector2D a, double k) => k == 0.0 ? throw new DivideByZeroException("cannot divide a Vec by zero") : new(a.X / k, a.Y / k);
    public static Vector2D operator -(Vector2D a) => new(-a.X, -a.Y);

    public bool Equals(Vector2D? other) => other is not null && X == other.X && Y == other.Y;

    public override bool Equals(object? obj) => Equals(obj as Vector2D);

    public override int GetHashCode() => HashCode.Combine(X, Y);

    [PyMethod("__repr__")]
    public string Repr() => $"Vec({PyFormat.Float(X)}, {PyFormat.Float(Y)})";
}

/// <summary>A fixed number of samples over a .NET array: len, indexing with assignment, iteration.</summary>
[PyClass]
public partial class Samples : IEnumerable<double>
{
    private readonly double[] _values;

    /// <param name="size">How many samples (all 0.0).</param>
    public Samples(int size) => _values = new double[size];

    /// <summary>len()</summary>
    public int Length => _values.Length;

    /// <summary>The sample at an index; out of range is .NET's IndexOutOfRangeException.</summary>
    public double this[int index]
    {
        get => _values[index];
        set => _values[index] = value;
    }

    /// <summary>The sum of the samples.</summary>
    [PyMethod]
    public double Total() => _values.Sum();

    public IEnumerator<double> GetEnumerator() => ((IEnumerable<double>)_values).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Words in a List: indexing out of range is .NET's ArgumentOutOfRangeException.</summary>
[PyClass]
public sealed partial class Words : IEnumerable<string>
{
    private readonly List<string> _words = new();

    /// <param name="text">Words separated by spaces.</param>
    public Words(string text = "") => _words.AddRange(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>len()</summary>
    public int Count => _words.Count;

    /// <summary>The word at an index.</summary>
    public string this[int index]
    {
        get => _words[index];
        set => _words[index] = value;
    }

    public IEnumerator<string> GetEnumerator() => _words.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

// No doc comment and only the implicit parameterless constructor: its docstring is the signature
// "Bare()" alone, which CPython splits off as __text_signature__, leaving no doc (test_classes.py).
[PyClass]
public sealed partial class Bare
{
    [PyMethod] public int Answer() => 42;
}

/// <summary>[PyClass] instances as parameters and results of module functions.</summary>
public static class ClassFunctions
{
    private static Animal? s_kept;

    /// <summary>Returns <paramref name="animal"/> itself.</summary>
    [PyFunction]
    public static Animal SameAnimal(Animal animal) => animal;

    /// <summary>The name of <paramref name="animal"/>, or "nobody" when it is None.</summary>
    [PyFunction]
    public static string NameOf(Animal? animal = null) => animal?.Name ?? "nobody";

    /// <summary>A new animal made in C#.</summary>
    [PyFunction]
    public static Animal MakeAnimal(string name, int legs = 4) => new(name, legs);

    /// <summary>An animal, or None.</summary>
    [PyFunction]
    public static Animal? MaybeAnimal(bool give) => give ? new Animal("maybe") : null;

    /// <summary>Keeps <paramref name="animal"/> in a C# static field (None forgets it).</summary>
    [PyFunction]
    public static void Keep(Animal? animal) => s_kept = animal;

    /// <summary>The animal kept by keep(), or None.</summary>
    [PyFunction]
    public static Animal? Kept() => s_kept;

    /// <summary>The sum of two amounts in one currency.</summary>
    [PyFunction]
    public static Money AddMoney(Money a, Money b) =>
        a.Currency == b.Currency ? new Money(a.Cents + b.Cents, a.Currency) : throw new ArgumentException($"cannot add {a.Currency} to {b.Currency}");

    /// <summary>A null returned where the declared type does not allow None.</summary>
    [PyFunction]
    public static Animal NullAnimal() => null!;
}
