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

    /// <summary>Overridable [PyMethod]s (of a non-sealed class): what its Python-subclass class overrides.</summary>
    public EquatableArray<OverrideModel> Overrides { get; init; }

    /// <summary>A [PyClass] partial struct: its value lives inside the Python object (PyStructInstance), not in a
    /// .NET object (ClassEmitter.Struct.cs).</summary>
    public bool IsStruct { get; init; }

    /// <summary>A record struct: its generated part is declared 'partial record struct' too.</summary>
    public bool IsRecord { get; init; }

    /// <summary>Instances can be weakly referenced: false only for a struct with [PyClass(WeakRef = false)], whose
    /// instances CPython frees without .NET code.</summary>
    public bool WeakRefs { get; init; } = true;
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

    /// <summary>Static [PyProperty]s and [PyConstant]s of the class: attributes of the type
    /// (ClassParser.Attributes.cs).</summary>
    public EquatableArray<ClassAttributeModel> ClassAttributes { get; init; }

    /// <summary>[PyClass(Dict = true)]: instances have a __dict__.</summary>
    public bool Dict { get; init; }
    /// <summary>The [PyClass] it derives from in C#, its Python base; null: object.</summary>
    public ClassBaseModel? Base { get; init; }

    /// <summary>How Python makes instances: by its constructor, or not at all (abstract, no public constructor).
    /// </summary>
    public Construction Construction { get; init; }

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
    string CSharpName, string PythonName, TypeModel Type, bool Writable, DocModel? Doc)
{
    /// <summary>False for a write-only property (a setter, no public getter): reading raises AttributeError.</summary>
    public bool Readable { get; init; } = true;

    /// <summary>[PyProperty(Deletable = true)]: <c>del obj.x</c> sets it to null.</summary>
    public bool Deletable { get; init; }

    /// <summary>A struct's numeric attribute CPython reads itself (PyMember_GetOne): its structmember.h code (T_DOUBLE,
    /// T_INT, ...); null: read through the conversion.</summary>
    public string? MemberCode { get; init; }

    /// <summary>A member that is an auto-property: its backing field's name (read through an UnsafeAccessor for its
    /// offset); null for a field.</summary>
    public string? BackingField { get; init; }
}

/// <summary>
/// An attribute of the type itself: a static [PyProperty] (<paramref name="Constant"/> false: read on each access,
/// through a descriptor) or a [PyConstant] of the class (read once, when the type is made).
/// </summary>
/// <param name="Member">The C# member as the user knows it ("Color.Red").</param>
/// <param name="Expression">The C# expression reading it.</param>
/// <param name="ReaderName">The generated function converting its value.</param>
/// <param name="PythonLiteral">A constant's value as a Python literal, for the stub's <c>Final = 3</c>.</param>
internal sealed record ClassAttributeModel(
    string PythonName, string Member, string Expression, string ReaderName, TypeModel Type, bool Constant,
    string? PythonLiteral, DocModel? Doc);

/// <summary>
/// The protocols a class offers: rows of <see cref="SlotTable"/> in use (in table order), and the
/// typed facts the richer ones need.
/// </summary>
internal sealed record ProtocolsModel(
    EquatableArray<ProtocolModel> Used,
    ComparisonModel? Comparison,
    EquatableArray<OperatorModel> Operators,
    IndexerModel? Indexer,
    TypeModel? IterItem,
    ContainersModel? Containers = null)
{
    /// <summary>Indexers, __delitem__, __contains__, __next__, a generated with (ContainersModel.None: none).</summary>
    public ContainersModel Container => Containers ?? ContainersModel.None;

    public bool Uses(string dunder) => Used.Any(p => p.Dunder == dunder);

    public string? Member(string dunder) => Used.FirstOrDefault(p => p.Dunder == dunder)?.Member;
}

/// <summary>One protocol in use: its <see cref="SlotTable"/> row and the C# member serving it, if one does.</summary>
internal sealed record ProtocolModel(string Dunder, string? Member = null);

/// <summary>
/// One overload offered to a number slot (Right is null for unary operators): a C# operator, or a dunder method
/// (see OperatorModel.Numbers.cs).
/// </summary>
/// <param name="Dunder">Its <see cref="SlotTable"/> row.</param>
internal sealed partial record OperatorModel(string Dunder, TypeModel Left, TypeModel? Right, TypeModel Result);

/// <summary>Where == comes from.</summary>
internal enum EqualitySource { None, Operator, IEquatable, EqualsObject }

/// <summary>Rich comparison: how == and the ordering operators reach C#.</summary>
/// <param name="Comparable">IComparable&lt;T&gt;: ordering by CompareTo.</param>
/// <param name="OrderingOperators">All four ordering operators are defined.</param>
internal sealed record ComparisonModel(EqualitySource Equality, bool Comparable, bool OrderingOperators);

/// <summary>
/// A C# indexer: __getitem__, and __setitem__ when it has a setter; <see cref="Kind"/> says what its key is.
/// </summary>
internal sealed record IndexerModel(TypeModel Key, TypeModel Value, bool Settable)
{
    public IndexKey Kind { get; init; } = IndexKey.Index;
}

/// <summary>
/// A member of a [PyClass] holding Python references, reported by tp_traverse and dropped by tp_clear.
/// </summary>
/// <param name="IsSequence">An array or list of references rather than one.</param>
internal sealed record TraverseMember(string Name, bool IsSequence);

/// <summary>The class's part in Python's cyclic GC.</summary>
/// <param name="GeneratesTraverse">The generator writes IPyTraverse over <paramref name="Members"/>.</param>
/// <param name="Enabled">The type takes part in GC (generated or user-written IPyTraverse, at any level of its
/// [PyClass] hierarchy).</param>
internal sealed record GcModel(bool GeneratesTraverse, bool Enabled, EquatableArray<TraverseMember> Members)
{
    /// <summary>How the generated traversal meets the levels above and below it.</summary>
    public GcChain Chain { get; init; }
}

/// <summary>How a class's generated traverse/clear chains through a hierarchy of [PyClass]es.</summary>
internal enum GcChain
{
    /// <summary>IPyTraverse implemented once, for this class alone (a sealed class with no generated base).</summary>
    Own,

    /// <summary>The first level with references of a class that can be derived from: IPyTraverse calls protected
    /// virtual methods that derived [PyClass]es override.</summary>
    VirtualRoot,

    /// <summary>A level below one with generated traversal: overrides, calling the base's first.</summary>
    Override,
}

/// <summary>The [PyClass] a [PyClass] derives from: what registering, ordering and stubbing the derived need.</summary>
/// <param name="WrapperClass">The base's generated class (its Register), to register the base first.</param>
/// <param name="FullType">The base's C# type, whose Python type becomes tp_base.</param>
/// <param name="Depth">How many [PyClass]es the derived class has above it (1: this base is a root).</param>
internal sealed record ClassBaseModel(string WrapperClass, string FullType, string PythonName, int Depth);

/// <summary>How Python makes instances of a class.</summary>
internal enum Construction
{
    /// <summary>Through its constructor (one, or several overloads).</summary>
    Constructor,

    /// <summary>No public constructor: instances come from C#; calling the class raises TypeError.</summary>
    None,

    /// <summary>An abstract class: calling it (or a Python subclass of it) raises TypeError.</summary>
    Abstract,
}
