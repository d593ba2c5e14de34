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
    public bool HasDefault => DefaultCSharp is not null;

    /// <summary>A parameter Python passes (the GIL token is not one).</summary>
    public bool IsPythonArgument => Type.Kind != ValueKind.Token;

    /// <summary>The number of leading Python parameters without a default.</summary>
    public static int RequiredCount(System.Collections.Generic.IEnumerable<ParameterModel> parameters) =>
        parameters.Where(p => p.IsPythonArgument).TakeWhile(p => !p.HasDefault).Count();
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

    /// <summary>The parameters Python passes, in order (without the GIL token).</summary>
    public ImmutableArray<ParameterModel> PythonParameters =>
        ImmutableArray.CreateRange(Parameters.Where(p => p.IsPythonArgument));

    public int RequiredCount => ParameterModel.RequiredCount(Parameters);

    /// <summary>The Python name of the [PySubmodule] a module function belongs to; null: the module itself.</summary>
    public string? Submodule { get; init; }

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
