using System.Collections;
using NdBindgen;

namespace NdExt;

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
