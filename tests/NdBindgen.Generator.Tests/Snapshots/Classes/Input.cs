using System;
using System.Collections;
using System.Collections.Generic;
using NdBindgen;

namespace NdExt;

/// <summary>A point in the plane, as in the tutorial's rust_ext.</summary>
[PyClass]
public sealed partial class Point
{
    /// <param name="x">The x coordinate.</param>
    /// <param name="y">The y coordinate.</param>
    public Point(double x = 0.0, double y = 0.0)
    {
        X = x;
        Y = y;
    }

    /// <summary>The x coordinate.</summary>
    [PyProperty]
    public double X { get; set; }

    /// <summary>The y coordinate.</summary>
    [PyProperty]
    public double Y { get; set; }

    /// <summary>The distance to <paramref name="other"/>, or to the origin when it is None.</summary>
    /// <param name="other">Another point.</param>
    /// <returns>The Euclidean distance.</returns>
    [PyMethod]
    public double Distance(Point? other = null)
    {
        double dx = X - (other?.X ?? 0.0), dy = Y - (other?.Y ?? 0.0);
        return Math.Sqrt(dx * dx + dy * dy);
    }

    [PyMethod("__repr__")]
    public string Repr() => $"Point {this}";

    public override string ToString() => $"({PyFormat.Float(X)}, {PyFormat.Float(Y)})";
}


/// <summary>
/// A tree node holding any Python object. Children link to their parent and the parent to its
/// children, so every tree is a reference cycle through C# fields: Python's garbage collector
/// still collects it, because the generated tp_traverse reports the PyRef members.
/// </summary>
[PyClass]
public partial class Node : IEnumerable<PyRef<Node>>
{
    private readonly List<PyRef<Node>> _children = new();

    /// <param name="value">Any Python object.</param>
    public Node(PyRef? value = null) => Value = value;

    /// <summary>The object this node holds.</summary>
    [PyProperty]
    public PyRef? Value { get; set; }

    /// <summary>The node this one was added to, or None.</summary>
    [PyProperty]
    public PyRef<Node>? Parent { get; private set; }

    /// <summary>The number of children (<c>len(node)</c>).</summary>
    public int Count => _children.Count;

    /// <summary>The child at <paramref name="index"/> (<c>node[i]</c>).</summary>
    public PyRef<Node> this[int index] => _children[index];

    /// <summary>Adds <paramref name="child"/> under this node and makes this node its parent.</summary>
    /// <param name="child">The node to add.</param>
    /// <returns>The child, for chaining.</returns>
    [PyMethod]
    public PyRef<Node> Add(PyRef<Node> child)
    {
        Node node = child.Value;
        if (node.Parent is not null) throw new ArgumentException("the node already has a parent", nameof(child));
        _children.Add(child);
        node.Parent = PyRef.Of(this);
        return child;
    }

    public IEnumerator<PyRef<Node>> GetEnumerator() => _children.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
