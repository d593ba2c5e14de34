using System.Linq;

namespace NdBindgen.Generator.Model;

/// <summary>One [PyClass] type: its C# identity, its Python surface and what its GC support needs.</summary>
internal sealed record ClassModel(
    string Namespace,
    string TypeName,
    string FullType,
    string HintName,
    bool Sealed,
    ClassExportModel Python,
    GcModel Gc,
    LocationInfo? Location)
{
    public string PythonName => Python.PythonName;
    public string WrapperClass => Python.WrapperClass;
    public ConstructorModel Constructor => Python.Constructor;
    public EquatableArray<PropertyModel> Properties => Python.Properties;
    public EquatableArray<FunctionModel> Methods => Python.Methods;
    public EquatableArray<OverloadSetModel> MethodOverloads => Python.MethodOverloads;
    public ProtocolsModel Protocols => Python.Protocols;
}

/// <summary>
/// A class's Python surface, all the module needs of it (its stub and its registration): no
/// location and no C# body, so edits inside the class's members leave the module cached.
/// </summary>
/// <param name="Summary">The class's own doc comment.</param>
/// <param name="Methods">Methods with a Python name of their own, without locations.</param>
/// <param name="MethodOverloads">[PyMethod]s of several C# overloads under one Python name: one method each.</param>
internal sealed record ClassExportModel(
    string PythonName,
    string WrapperClass,
    DocModel? Summary,
    ConstructorModel Constructor,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<FunctionModel> Methods,
    EquatableArray<OverloadSetModel> MethodOverloads,
    ProtocolsModel Protocols)
{
    /// <summary>The [PySubmodule] holding the type (PyClass's Submodule), by Python name; null: the module.</summary>
    public string? Submodule { get; init; }

    /// <summary>The generated <c>__reduce__</c>; null when none is generated (opted out, or written by hand).</summary>
    public PickleModel? Pickle { get; init; }
}

/// <summary>
/// How a generated <c>__reduce__</c> rebuilds an instance: the properties that give the constructor's arguments
/// back (in parameter order), the settable properties the constructor does not set (restored by setattr), or why
/// the class cannot be rebuilt (its <c>__reduce__</c> then raises TypeError saying so).
/// </summary>
/// <param name="UserGetState">The class has a [PyMethod("__getstate__")]: its result is the state instead.</param>
/// <param name="Refusal">Why the generator cannot rebuild the class, and what to write instead.</param>
internal sealed record PickleModel(
    EquatableArray<PropertyModel> Args,
    EquatableArray<PropertyModel> State,
    bool UserGetState,
    string? Refusal)
{
    /// <summary>The properties giving the keyword-only parameters back, passed by the parameters' names.</summary>
    public EquatableArray<PropertyModel> Keywords { get; init; }

    /// <summary>The keyword-only parameters' Python names, one per <see cref="Keywords"/> item.</summary>
    public EquatableArray<string> KeywordNames { get; init; }
}

/// <summary>How Python constructs the class: one constructor's parameters and doc, or several constructors.</summary>
/// <param name="Doc">The single constructor's doc comment (its parameters').</param>
/// <param name="Overloads">Several [PyConstructor]s: one <c>__init__</c> trying them in order (Parameters is then
/// empty).</param>
internal sealed record ConstructorModel(EquatableArray<ParameterModel> Parameters, DocModel? Doc,
    OverloadSetModel? Overloads)
{
    public int RequiredCount => ParameterModel.RequiredCount(Parameters);
}

/// <summary>An attribute of a [PyClass]: a property or field.</summary>
internal sealed record PropertyModel(
    string CSharpName, string PythonName, TypeModel Type, bool Writable, DocModel? Doc);

/// <summary>
/// The protocols a class offers: rows of <see cref="SlotTable"/> in use (in table order), and the
/// typed facts the richer ones need.
/// </summary>
internal sealed record ProtocolsModel(
    EquatableArray<ProtocolModel> Used,
    ComparisonModel? Comparison,
    EquatableArray<OperatorModel> Operators,
    IndexerModel? Indexer,
    TypeModel? IterItem)
{
    public bool Uses(string dunder) => Used.Any(p => p.Dunder == dunder);

    public string? Member(string dunder) => Used.FirstOrDefault(p => p.Dunder == dunder)?.Member;
}

/// <summary>One protocol in use: its <see cref="SlotTable"/> row and the C# member serving it, if one does.</summary>
internal sealed record ProtocolModel(string Dunder, string? Member = null);

/// <summary>One C# operator overload offered to a number slot (Right is null for unary operators).</summary>
/// <param name="Dunder">Its <see cref="SlotTable"/> row.</param>
internal sealed record OperatorModel(string Dunder, TypeModel Left, TypeModel? Right, TypeModel Result);

/// <summary>Where == comes from.</summary>
internal enum EqualitySource { None, Operator, IEquatable, EqualsObject }

/// <summary>Rich comparison: how == and the ordering operators reach C#.</summary>
/// <param name="Comparable">IComparable&lt;T&gt;: ordering by CompareTo.</param>
/// <param name="OrderingOperators">All four ordering operators are defined.</param>
internal sealed record ComparisonModel(EqualitySource Equality, bool Comparable, bool OrderingOperators);

/// <summary>An integer-keyed C# indexer: __getitem__, and __setitem__ when it has a setter.</summary>
internal sealed record IndexerModel(TypeModel Key, TypeModel Value, bool Settable);

/// <summary>
/// A member of a [PyClass] holding Python references, reported by tp_traverse and dropped by tp_clear.
/// </summary>
/// <param name="IsSequence">An array or list of references rather than one.</param>
internal sealed record TraverseMember(string Name, bool IsSequence);

/// <summary>The class's part in Python's cyclic GC.</summary>
/// <param name="GeneratesTraverse">The generator writes IPyTraverse over <paramref name="Members"/>.</param>
/// <param name="Enabled">The type takes part in GC (generated or user-written IPyTraverse).</param>
internal sealed record GcModel(bool GeneratesTraverse, bool Enabled, EquatableArray<TraverseMember> Members);
