using System.Collections.Immutable;
using System.Linq;

namespace NdBindgen.Generator.Model;

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
    /// <summary>
    /// One of several [PyConstructor]s of a [PyClass]: called with the type to make (the class or
    /// a Python subclass) as self.
    /// </summary>
    Constructor,
}

/// <summary>How Python passes a parameter: CPython's <c>inspect.Parameter</c> kinds.</summary>
internal enum ParameterKind
{
    PositionalOrKeyword,
    /// <summary>[PositionalOnly]: before <c>/</c>.</summary>
    PositionalOnly,
    /// <summary>[KeywordOnly]: after <c>*</c> or <c>*args</c>.</summary>
    KeywordOnly,
    /// <summary><c>params T[]</c> or <c>params ReadOnlySpan&lt;T&gt;</c>: <c>*args</c>, of <c>Type</c>.</summary>
    VarArgs,
    /// <summary>A [PyKwargs] dictionary: <c>**kwargs</c>, each value of <c>Type</c>.</summary>
    VarKeywords,
}

/// <summary>One parameter of an exported function.</summary>
/// <param name="ReleaseAfterCall">
/// A reference or callback the method does not keep (Parsing/Escapes): the wrapper releases it when the call returns.
/// </param>
internal sealed record ParameterModel(
    string CSharpName,
    string PythonName,
    TypeModel Type,
    string? DefaultCSharp,
    string? DefaultPython,
    int Ndim,
    bool ReleaseAfterCall = false)
{
    public ParameterKind Kind { get; init; }

    /// <summary>
    /// For *args and **kwargs: the parameter's own C# type (<c>double[]</c>,
    /// <c>global::System.ReadOnlySpan&lt;double&gt;</c>, <c>global::System.Collections.Generic.Dictionary&lt;string,
    /// double&gt;</c>); <see cref="Type"/> is the element's.
    /// </summary>
    public string? CollectionType { get; init; }

    /// <summary>
    /// *args received as a ReadOnlySpan of unmanaged elements: a stack buffer for the first few (a span of others
    /// is over an array).
    /// </summary>
    public bool OnStack { get; init; }

    /// <summary>*args as a List&lt;T&gt; (params List, IList, ICollection of T), not an array.</summary>
    public bool IsList { get; init; }

    /// <summary>*args of a List&lt;T&gt; or an interface type: its references are released one by one.</summary>
    public bool IsCollection { get; init; }

    /// <summary>**kwargs as an IReadOnlyDictionary: the runtime may build a lighter one than a Dictionary.</summary>
    public bool IsReadOnlyDictionary { get; init; }

    public bool HasDefault => DefaultCSharp is not null;

    /// <summary>A parameter Python passes (the GIL token is not one).</summary>
    public bool IsPythonArgument => Type.Kind != ValueKind.Token;

    /// <summary>*args or **kwargs: filled from what the named parameters leave over, not from a slot.</summary>
    public bool IsVariadic => Kind is ParameterKind.VarArgs or ParameterKind.VarKeywords;

    /// <summary>A named Python parameter: it has a binding slot.</summary>
    public bool IsNamed => IsPythonArgument && !IsVariadic;

    /// <summary>The number of leading named Python parameters without a default.</summary>
    public static int RequiredCount(System.Collections.Generic.IEnumerable<ParameterModel> parameters) =>
        parameters.Where(p => p.IsNamed).TakeWhile(p => !p.HasDefault).Count();
}

/// <summary>One [PyFunction] method.</summary>
/// <param name="MessageName">The name argument errors use ("add_scalars", "Point.distance").</param>
/// <param name="Doc">The doc comment's content, or null.</param>
internal sealed record FunctionModel(
    string ContainingType,
    string MethodName,
    string PythonName,
    string MessageName,
    CallKind Kind,
    string WrapperName,
    string HintName,
    DocModel? Doc,
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

    /// <summary>The method as diagnostics name it: "Api.Norm" (type and member, as the user wrote them).</summary>
    public string Display { get; init; } = "";

    /// <summary>The named parameters Python passes, in order (without the GIL token, *args and **kwargs).</summary>
    public ImmutableArray<ParameterModel> PythonParameters =>
        ImmutableArray.CreateRange(Parameters.Where(p => p.IsNamed));

    /// <summary>The <c>params</c> parameter (*args), or null.</summary>
    public ParameterModel? VarArgs => Parameters.FirstOrDefault(p => p.Kind == ParameterKind.VarArgs);

    /// <summary>The [PyKwargs] parameter (**kwargs), or null.</summary>
    public ParameterModel? VarKeywords => Parameters.FirstOrDefault(p => p.Kind == ParameterKind.VarKeywords);

    public int RequiredCount => ParameterModel.RequiredCount(Parameters);

    /// <summary>
    /// The generated class behind instances of Python subclasses (fully qualified), when the class has one: an
    /// overridable method's wrapper calls the C# implementation through it non-virtually (super().speak() must not
    /// find the Python override again), and a constructor makes it for a Python subclass.
    /// </summary>
    public string? Subclass { get; init; }

    /// <summary>The Python name of the [PySubmodule] a module function belongs to; null: the module itself.</summary>
    public string? Submodule { get; init; }

    /// <summary>A method of a [PyClass] struct: self is the value inside the Python object, by reference.</summary>
    public bool SelfIsStruct { get; init; }

    /// <summary>
    /// The same function without source locations (its instantiations' too): what a module or class
    /// keeps, so that moving the declaration changes nothing downstream.
    /// </summary>
    public FunctionModel WithoutLocation() => this with
    {
        Location = null,
        Generic = Generic is null ? null : Generic with
        {
            Specializations = Generic.Specializations.Select(s => s.WithoutLocation()).ToImmutableArray(),
        },
    };
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
    bool ReturnMentionsT);

/// <summary>C# overloads exported under one Python name: one callable trying them in order.</summary>
/// <param name="DispatcherName">The entry point the method table lists.</param>
/// <param name="Overloads">In the order they are tried, without locations (moving one must not change the
/// module).</param>
internal sealed record OverloadSetModel(
    string PythonName, string MessageName, string DispatcherName, EquatableArray<FunctionModel> Overloads);
