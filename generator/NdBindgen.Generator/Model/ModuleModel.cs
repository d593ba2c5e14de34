namespace NdBindgen.Generator.Model;

/// <summary>The module-level settings, from MSBuild properties.</summary>
internal sealed record ModuleOptions(string? ModuleName);

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
    /// <summary>The Python callables made of several C# overloads: their dispatchers.</summary>
    public EquatableArray<OverloadSetModel> Overloads { get; init; }

    /// <summary>The enums the exports use, each a Python enum class of the module, in Python-name order.</summary>
    public EquatableArray<EnumModel> Enums { get; init; }
}

/// <summary>
/// A parsed model and the diagnostics found while parsing; Model is null when nothing can be emitted.
/// </summary>
internal sealed record ParseResult<T>(T? Model, EquatableArray<DiagnosticInfo> Diagnostics) where T : class;
