namespace NdBindgen.Generator.Model;

/// <summary>The module-level settings, from MSBuild properties.</summary>
/// <param name="Version"><c>__version__</c>: PyModuleVersion, the wheel's version (else 1.0.0).</param>
internal sealed record ModuleOptions(string? ModuleName, string Version = ModuleOptions.DefaultVersion)
{
    public const string DefaultVersion = "1.0.0";
}

/// <summary>One entry of the module's method table: a function, or a set of C# overloads under one name.</summary>
/// <remarks>No location: an edit that only moves a function must not change the module.</remarks>
internal sealed record ExportModel(FunctionModel? Function, OverloadSetModel? OverloadSet)
{
    public string PythonName => Function?.PythonName ?? OverloadSet!.PythonName;
}

/// <summary>What the module sees of a [PyClass]: its Python surface, and its C# name and place for NDB0005.</summary>
internal sealed record ClassExport(ClassExportModel Export, string TypeName, LocationInfo? Location);

/// <summary>The whole module: its name, its exports (in table order) and its classes.</summary>
internal sealed record ModuleModel(
    string ModuleName,
    EquatableArray<ExportModel> Exports,
    EquatableArray<ClassExportModel> Classes)
{
    /// <summary>The Python callables made of several C# overloads (of the submodules too): their dispatchers.</summary>
    public EquatableArray<OverloadSetModel> Overloads { get; init; }

    /// <summary>The module's own [PyConstant]s, in Python-name order.</summary>
    public EquatableArray<ConstantModel> Constants { get; init; }

    /// <summary>The [PySubmodule]s, in Python-name order.</summary>
    public EquatableArray<SubmoduleModel> Submodules { get; init; }

    /// <summary><c>__version__</c>: the project's Version.</summary>
    public string Version { get; init; } = ModuleOptions.DefaultVersion;
    /// <summary>The enums the exports use, each a Python enum class of the module, in Python-name order.</summary>
    public EquatableArray<EnumModel> Enums { get; init; }

    /// <summary>
    /// The [PyException] classes of the module and its submodules, in registration order: each after its marked
    /// base, else in Python-name order.
    /// </summary>
    public EquatableArray<ExceptionModel> Exceptions { get; init; }
}

/// <summary>
/// A [PyConstant]: the C# expression read once at import, its conversion, and the Python literal of a
/// <c>const</c> (for the stub's <c>Final = literal</c>, which type checkers narrow to a Literal type).
/// </summary>
/// <param name="Submodule">The [PySubmodule] declaring it; null: the module itself.</param>
internal sealed record ConstantModel(
    string PythonName,
    string Expression,
    TypeModel Type,
    string? PythonLiteral,
    DocModel? Doc,
    string? Submodule,
    string Display,
    LocationInfo? Location)
{
    /// <summary>The generated function reading and converting the value (unique per C# member).</summary>
    public string ReaderName { get; init; } = "";

    /// <summary>What the module keeps: no location (moving the declaration changes nothing downstream).</summary>
    public ConstantModel WithoutLocation() => this with { Location = null };
}

/// <summary>A [PySubmodule] static class as parsed: its Python name, doc, C# name and place (NDB0005).</summary>
internal sealed record SubmoduleDeclaration(string PythonName, DocModel? Doc, string Display, LocationInfo? Location);

/// <summary>A submodule as the module holds it: <c>module.Name</c>, its functions, classes and constants.</summary>
internal sealed record SubmoduleModel(
    string Name,
    DocModel? Doc,
    EquatableArray<ExportModel> Exports,
    EquatableArray<ClassExportModel> Classes,
    EquatableArray<ConstantModel> Constants);

/// <summary>
/// A parsed model and the diagnostics found while parsing; Model is null when nothing can be emitted.
/// </summary>
internal sealed record ParseResult<T>(T? Model, EquatableArray<DiagnosticInfo> Diagnostics) where T : class;
