using System;
using System.Collections;
using System.Collections.Generic;
using NdBindgen;

namespace Samples;

/// <summary>A 2-d vector: arithmetic, equality and hashing from C#.</summary>
[PyClass("Vec")]
public sealed partial class Vector2 : IEquatable<Vector2>
{
    public Vector2(double x, double y) { X = x; Y = y; }

    [PyProperty] public double X { get; }
    [PyProperty] public double Y { get; }

    [PyClassMethod] public static Vector2 Unit(double angle) => new(Math.Cos(angle), Math.Sin(angle));

    [PyMethod] public static double Dot(Vector2 a, Vector2 b) => a.X * b.X + a.Y * b.Y;

    public static Vector2 operator +(Vector2 a, Vector2 b) => new(a.X + b.X, a.Y + b.Y);
    public static Vector2 operator *(Vector2 a, double k) => new(a.X * k, a.Y * k);
    public static Vector2 operator -(Vector2 a) => new(-a.X, -a.Y);

    public bool Equals(Vector2? other) => other is not null && X == other.X && Y == other.Y;
    public override bool Equals(object? obj) => Equals(obj as Vector2);
    public override int GetHashCode() => HashCode.Combine(X, Y);
}

/// <summary>A list of ints: len, indexing and iteration from C#.</summary>
[PyClass]
public partial class IntList : IEnumerable<int>, IComparable<IntList>
{
    private readonly List<int> _items = new();

    public IntList() { }

    public int Count => _items.Count;

    public int this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    [PyMethod] public void Append(int value) => _items.Add(value);

    public int CompareTo(IntList? other) => Count.CompareTo(other?.Count ?? -1);

    public IEnumerator<int> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
