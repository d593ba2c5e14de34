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
    bool IsNullableValueType);

/// <summary>One parameter of an exported function.</summary>
internal sealed record ParameterModel(
    string CSharpName,
    string PythonName,
    TypeModel Type,
    string? DefaultCSharp,
    string? DefaultPython,
    int Ndim)
{
    public bool HasDefault => DefaultCSharp is not null;
}

/// <summary>One [PyFunction] method.</summary>
internal sealed record FunctionModel(
    string ContainingType,
    string MethodName,
    string PythonName,
    string WrapperName,
    string HintName,
    string? Doc,
    EquatableArray<ParameterModel> Parameters,
    TypeModel Return,
    LocationInfo? Location)
{
    public int RequiredCount
    {
        get
        {
            int n = 0;
            while (n < Parameters.Length && !Parameters[n].HasDefault) n++;
            return n;
        }
    }
}

/// <summary>The module-level settings, from MSBuild properties.</summary>
internal sealed record ModuleOptions(string? ModuleName, string PythonVersion);

/// <summary>What the module table needs of each function.</summary>
/// <remarks>No location: an edit that only moves a function must not change the module.</remarks>
internal sealed record ExportModel(string PythonName, string WrapperName, string Docstring);

/// <summary>The whole module: its name and its exports.</summary>
internal sealed record ModuleModel(string ModuleName, string PythonVersion, EquatableArray<ExportModel> Exports);

/// <summary>A parsed model and the diagnostics found while parsing; Model is null when nothing can be emitted.</summary>
internal sealed record ParseResult<T>(T? Model, EquatableArray<DiagnosticInfo> Diagnostics) where T : class;
