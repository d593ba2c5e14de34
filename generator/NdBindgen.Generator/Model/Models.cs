namespace NdBindgen.Generator.Model;

// The generator's models: plain records with value equality, no ISymbol, SyntaxNode, Location or
// Compilation inside, so each pipeline step caches when its input did not change.

/// <summary>How a value crosses the boundary.</summary>
internal enum ValueKind
{
    /// <summary>A scalar converted by a pair of runtime functions (bool, ints, floats, string).</summary>
    Scalar,
    /// <summary>NdView&lt;T&gt;: read-only array view borrowed for the call.</summary>
    View,
    /// <summary>NdViewMut&lt;T&gt;: writable array view borrowed for the call.</summary>
    ViewMut,
    /// <summary>NdArray&lt;T&gt;: .NET-allocated array handed to numpy.</summary>
    Array,
    /// <summary>void: returns None.</summary>
    Void,
    /// <summary>An instance of a [PyClass] type: its C# object in, its Python object out.</summary>
    Instance,
    /// <summary>PyRef / PyRef&lt;T&gt;: an owned reference to a Python object.</summary>
    Reference,
    /// <summary>The GIL token (NdBindgen.Python): passed by the wrapper, not a Python argument.</summary>
    Token,
}

/// <summary>How a wrapper reaches the C# method.</summary>
internal enum CallKind
{
    /// <summary>A [PyFunction]: a static method called on its type.</summary>
    ModuleFunction,
    /// <summary>An instance method of a [PyClass], called on the object inside self.</summary>
    Instance,
    /// <summary>A static method of a [PyClass]: a Python staticmethod.</summary>
    Static,
    /// <summary>A static factory of a [PyClass]: a Python classmethod whose result takes the type of cls.</summary>
    ClassMethod,
    /// <summary>One of several [PyConstructor]s of a [PyClass]: called with the type to make (the class or a Python subclass) as self.</summary>
    Constructor,
}

/// <summary>A C# type the generator knows how to convert, with the runtime calls that do it.</summary>
/// <param name="CSharpType">Fully qualified C# type as written in generated code (e.g. "double?").</param>
/// <param name="PythonType">The Python type as docs and signatures show it (e.g. "float", "numpy.ndarray[float64]").</param>
/// <param name="FromPython">Runtime method converting a Python argument (null for return-only types).</param>
/// <param name="ToPython">Runtime method converting a return value (null for parameter-only types).</param>
/// <param name="ElementType">Fully qualified element type of array kinds.</param>
/// <param name="AcceptsNone">None maps to null (T? and nullable reference types).</param>
internal sealed record TypeModel(
    ValueKind Kind,
    string CSharpType,
    string PythonType,
    string? FromPython,
    string? ToPython,
    string? ElementType,
    bool AcceptsNone,
    bool IsNullableValueType)
{
    /// <summary>A parameter of this type holds a reference of its own (a PyRef, or a callback's callable).</summary>
    public bool OwnsReference => Kind == ValueKind.Reference || FromPython?.StartsWith("global::NdBindgen.Conversions.Callbacks.") == true;

    /// <summary>An [ArrayLike] NdView&lt;T&gt;: lists, scalars and other array-likes are accepted too.</summary>
    public bool IsArrayLike => Kind == ValueKind.View && FromPython?.StartsWith(Parsing.ArrayLikes.ConvertFunction + "<") == true;
}

/// <summary>One parameter of an exported function.</summary>
/// <param name="ReleaseAfterCall">A reference or callback the method does not keep (<see cref="Parsing.Escapes"/>): the wrapper releases it when the call returns.</param>
internal sealed record ParameterModel(
    string CSharpName,
    string PythonName,
    TypeModel Type,
    string? DefaultCSharp,
    string? DefaultPython,
    int Ndim,
    bool ReleaseAfterCall = false)
{
    public bool HasDefault => DefaultCSharp is not null;

    /// <summary>A parameter Python passes (the GIL token is not one).</summary>
    public bool IsPythonArgument => Type.Kind != ValueKind.Token;
}

/// <summary>One [PyFunction] method.</summary>
/// <param name="MessageName">The name argument errors use ("add_scalars", "Point.distance").</param>
internal sealed record FunctionModel(
    string ContainingType,
    string MethodName,
    string PythonName,
    string MessageName,
    CallKind Kind,
    string WrapperName,
    string HintName,
    string? Doc,
    EquatableArray<ParameterModel> Parameters,
    TypeModel Return,
    LocationInfo? Location,
    GenericModel? Generic = null)
{
    /// <summary>
    /// 0 for a function with a Python name of its own; for one of several C# overloads exported under
    /// one Python name, its 1-based place among the type's members of that name (the order the
    /// dispatcher tries them in).
    /// </summary>
    public int Overload { get; init; }

    /// <summary>The parameters Python passes, in order (without the GIL token).</summary>
    public System.Collections.Immutable.ImmutableArray<ParameterModel> PythonParameters =>
        System.Collections.Immutable.ImmutableArray.CreateRange(System.Linq.Enumerable.Where(Parameters, p => p.IsPythonArgument));

    public int RequiredCount
    {
        get
        {
            var ps = PythonParameters;
            int n = 0;
            while (n < ps.Length && !ps[n].HasDefault) n++;
            return n;
        }
    }
}

/// <summary>
/// A generic function: one instantiation per element type (in dispatch order), the Python
/// argument whose dtype picks one, the other arrays of T that must share it, and which
/// parameters (Python indexes) and whether the result mention T.
/// </summary>
internal sealed record GenericModel(
    EquatableArray<FunctionModel> Specializations,
    EquatableArray<string> Dtypes,
    int DispatchIndex,
    EquatableArray<int> SameDtype,
    EquatableArray<int> MentionsT,
    bool ReturnMentionsT)
{
    /// <summary>The accepted dtypes, for messages and docs: "int8, int16, float64".</summary>
    public string DtypeList => string.Join(", ", System.Linq.Enumerable.Select(Dtypes, Display));

    // numpy's attribute is numpy.bool_, its dtype's name "bool".
    private static string Display(string dtype) => dtype == "bool_" ? "bool" : dtype;

    /// <summary>How docs name Python parameter <paramref name="index"/> (or the result, -1) across the instantiations: "numpy.ndarray[int8 | float64]", "int | float".</summary>
    public string PythonType(int index)
    {
        var types = System.Linq.Enumerable.Select(Specializations, f => index < 0 ? f.Return : f.PythonParameters[index].Type);
        TypeModel first = System.Linq.Enumerable.First(types);
        if (first.Kind is ValueKind.View or ValueKind.ViewMut or ValueKind.Array)
            return $"numpy.ndarray[{string.Join(" | ", System.Linq.Enumerable.Select(Dtypes, Display))}]";
        return string.Join(" | ", System.Linq.Enumerable.Distinct(System.Linq.Enumerable.Select(types, t => t.PythonType)));
    }
}

/// <summary>The module-level settings, from MSBuild properties.</summary>
internal sealed record ModuleOptions(string? ModuleName, string PythonVersion);

/// <summary>What the module table needs of each function.</summary>
/// <remarks>No location: an edit that only moves a function must not change the module.</remarks>
internal sealed record ExportModel(string PythonName, string WrapperName, string Docstring, string Stub);

/// <summary>The whole module: its name and its exports.</summary>
/// <param name="Stub">The module's .pyi text.</param>
internal sealed record ModuleModel(string ModuleName, string PythonVersion, EquatableArray<ExportModel> Exports, EquatableArray<ClassExportModel> Classes, string Stub)
{
    /// <summary>The Python callables made of several C# overloads: their dispatchers.</summary>
    public EquatableArray<OverloadSetModel> Overloads { get; init; }
}

/// <summary>C# overloads exported under one Python name: one callable trying them in order.</summary>
/// <param name="DispatcherName">The entry point the method table lists.</param>
/// <param name="Overloads">In the order they are tried, without locations (moving one must not change the module).</param>
internal sealed record OverloadSetModel(string PythonName, string MessageName, string DispatcherName, EquatableArray<FunctionModel> Overloads);

/// <summary>A parsed model and the diagnostics found while parsing; Model is null when nothing can be emitted.</summary>
internal sealed record ParseResult<T>(T? Model, EquatableArray<DiagnosticInfo> Diagnostics) where T : class;

/// <summary>An attribute of a [PyClass]: a property or field.</summary>
internal sealed record PropertyModel(string CSharpName, string PythonName, TypeModel Type, bool Writable, string? Doc);

/// <summary>One C# operator overload offered to a number slot (Right is null for unary operators).</summary>
internal sealed record OperatorModel(string Slot, string Token, TypeModel Left, TypeModel? Right, TypeModel Result);

/// <summary>A member of a [PyClass] holding Python references, reported by tp_traverse and dropped by tp_clear.</summary>
/// <param name="IsSequence">An array or list of references rather than one.</param>
internal sealed record TraverseMember(string Name, bool IsSequence);

/// <summary>Rich comparison: how == and the ordering operators reach C# (null: not offered).</summary>
internal sealed record ComparisonModel(string? EqualsExpression, string? CompareExpression, bool HasOrderingOperators);

/// <summary>One [PyClass] type.</summary>
internal sealed record ClassModel(
    string Namespace,
    string TypeName,
    string FullType,
    string PythonName,
    string WrapperClass,
    string HintName,
    string? Doc,
    bool Sealed,
    EquatableArray<ParameterModel> ConstructorParameters,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<FunctionModel> Methods,
    string? ReprMethod,
    string? StrMethod,
    ComparisonModel? Comparison,
    bool HashFromGetHashCode,
    bool Unhashable,
    EquatableArray<OperatorModel> Operators,
    TypeModel? IndexerKey,
    TypeModel? IndexerValue,
    bool IndexerSettable,
    string? LengthMember,
    TypeModel? IterItem,
    bool GeneratesTraverse,
    bool Gc,
    EquatableArray<TraverseMember> TraverseMembers,
    LocationInfo? Location)
{
    /// <summary>The class's own doc comment as a docstring (without the constructor's signature and doc), for the stub.</summary>
    public string? Summary { get; init; }

    /// <summary>Several [PyConstructor]s: one <c>__init__</c> trying them in order (ConstructorParameters is then empty).</summary>
    public OverloadSetModel? Constructors { get; init; }

    /// <summary>[PyMethod]s of several C# overloads under one Python name: one method each, trying them in order (they are not in Methods).</summary>
    public EquatableArray<OverloadSetModel> MethodOverloads { get; init; }

    public int RequiredCount
    {
        get
        {
            var ps = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Where(ConstructorParameters, p => p.IsPythonArgument));
            int n = 0;
            while (n < ps.Count && !ps[n].HasDefault) n++;
            return n;
        }
    }
}

/// <summary>What the module needs of a class: its Python name and the function that registers it.</summary>
internal sealed record ClassExportModel(string PythonName, string WrapperClass, string Stub);
