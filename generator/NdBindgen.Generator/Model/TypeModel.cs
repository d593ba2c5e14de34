namespace NdBindgen.Generator.Model;

// The generator's models: plain records with value equality, no ISymbol, SyntaxNode, Location or
// Compilation inside, so each pipeline step caches when its input did not change. They hold facts;
// every docstring, text signature and stub line is rendered in Emitting.

/// <summary>How a value crosses the boundary.</summary>
internal enum ValueKind
{
    /// <summary>void: returns None.</summary>
    Void,
    /// <summary>A scalar converted by a pair of runtime functions (bool, ints, floats, string).</summary>
    Scalar,
    /// <summary>A Func/Action delegate over a Python callable, holding a reference of its own.</summary>
    Callback,
    /// <summary>PyBorrowed: any object, borrowed for the call.</summary>
    Borrowed,
    /// <summary>An instance of a [PyClass] type: its C# object in, its Python object out.</summary>
    Instance,
    /// <summary>PyRef / PyRef&lt;T&gt;: an owned reference to a Python object.</summary>
    Reference,
    /// <summary>The GIL token (NdBindgen.Python): passed by the wrapper, not a Python argument.</summary>
    Token,
    /// <summary>NdView&lt;T&gt;: read-only array view borrowed for the call.</summary>
    View,
    /// <summary>NdViewMut&lt;T&gt;: writable array view borrowed for the call.</summary>
    ViewMut,
    /// <summary>An [ArrayLike] NdView&lt;T&gt;: lists, scalars and other array-likes are accepted too.</summary>
    ArrayLikeView,
    /// <summary>NdArray&lt;T&gt;: .NET-allocated array handed to numpy.</summary>
    Array,
    /// <summary>
    /// A collection or a tuple of other types (<see cref="TypeModel.Elements"/>), copied each way
    /// by the runtime's Sequences, Mappings, Sets or a generated tuple converter.
    /// </summary>
    Container,
    /// <summary>ReadOnlySpan&lt;byte&gt; parameter: a buffer exporter's bytes, its export held for the call.</summary>
    BytesSpan,
}

/// <summary>A C# type the generator knows how to convert, with the runtime calls that do it.</summary>
/// <param name="CSharpType">Fully qualified C# type as written in generated code (e.g. "double?").</param>
/// <param name="PythonType">The Python type as docs and signatures show it (e.g. "float",
/// "numpy.ndarray[float64]").</param>
internal sealed record TypeModel(ValueKind Kind, string CSharpType, string PythonType)
{
    /// <summary>numpy dtype name of the array kinds ("float64").</summary>
    public string? Dtype { get; init; }

    /// <summary>Fully qualified element type of the array kinds.</summary>
    public string? ElementType { get; init; }

    /// <summary>Runtime method converting a Python argument (null for return-only types).</summary>
    public string? FromPython { get; init; }

    /// <summary>Runtime method converting a return value (null for parameter-only types).</summary>
    public string? ToPython { get; init; }

    /// <summary>
    /// The non-raising twin of <see cref="FromPython"/> an overload dispatcher asks: how well an argument fits.
    /// </summary>
    public string? MatchPython { get; init; }

    /// <summary>A non-raising conversion <c>Try(PyObject*, out T)</c>, for operands of the number protocol.</summary>
    public string? TryFromPython { get; init; }

    /// <summary>Runtime method releasing a parameter that holds a reference of its own.</summary>
    public string? Release { get; init; }

    /// <summary>None maps to null (T? and nullable reference types).</summary>
    public bool AcceptsNone { get; init; }

    public bool IsNullableValueType { get; init; }

    /// <summary>A container's element types: [T], [K, V], or a tuple's items.</summary>
    public EquatableArray<TypeModel> Elements { get; init; }

    /// <summary>
    /// A container's Python generic, as the stub writes it with its elements' annotations: "typing.Sequence",
    /// "list", "typing.Mapping", "dict", "typing.Iterable", "set", "tuple".
    /// </summary>
    public string? PythonGeneric { get; init; }

    /// <summary>A C# tuple: its conversion is a converter the generator emits for it.</summary>
    public bool IsTuple => Kind == ValueKind.Container && PythonGeneric == "tuple";

    /// <summary>The enum of an enum-typed value (its Python class is made at module init).</summary>
    public EnumModel? Enum { get; init; }

    /// <summary>A parameter of this type holds a reference of its own (a PyRef, or a callback's callable).</summary>
    public bool OwnsReference => Kind is ValueKind.Reference or ValueKind.Callback;

    /// <summary>An array view borrowed for the call (it takes a lease).</summary>
    public bool IsView => Kind is ValueKind.View or ValueKind.ViewMut or ValueKind.ArrayLikeView;

    /// <summary>A parameter that holds a buffer for the call in an ArrayLease (views and byte spans).</summary>
    public bool HoldsLease => IsView || Kind == ValueKind.BytesSpan;

    /// <summary>A view or an array: a numpy.ndarray of one dtype in Python.</summary>
    public bool IsArray => IsView || Kind == ValueKind.Array;
}
