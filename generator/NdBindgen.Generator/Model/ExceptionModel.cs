namespace NdBindgen.Generator.Model;

/// <summary>
/// A [PyException] class: a Python exception class of the module (or of a submodule), made at module init
/// deriving from the Python class its C# base maps to, with the class's public properties copied onto each
/// raised exception as attributes.
/// </summary>
/// <param name="FullType">The fully qualified C# type (global::Ns.ParseException).</param>
/// <param name="Display">The C# name as messages show it (ParseException).</param>
/// <param name="Mangled">The C# type as one identifier, for the generated methods' names.</param>
/// <param name="PythonName">The class name: [PyException("...")]'s, else the C# name with Exception made Error.</param>
/// <param name="Doc">The doc comment, or null.</param>
/// <param name="Submodule">The [PySubmodule] holding the class, by Python name; null: the module.</param>
/// <param name="Attributes">
/// Every attribute a raised exception gets, the class's own first: the public properties from the class up to the
/// first base not declared in the compilation's source.
/// </param>
/// <param name="Location">The class's declaration, for NDB0005 (null in the module's copy).</param>
internal sealed record ExceptionModel(
    string FullType,
    string Display,
    string Mangled,
    string PythonName,
    DocModel? Doc,
    string? Submodule,
    ExceptionBaseModel Base,
    EquatableArray<ExceptionAttributeModel> Attributes,
    LocationInfo? Location)
{
    /// <summary>The generated method that makes the Python class at module init.</summary>
    public string RegisterName => "__NdBindgenRegisterException_" + Mangled;

    /// <summary>The generated method that copies the properties onto a raised exception (when there are any).</summary>
    public string SetAttributesName => "__NdBindgenExceptionAttributes_" + Mangled;

    public ExceptionModel WithoutLocation() => this with { Location = null };
}

/// <summary>Where the Python base class of a [PyException] class comes from.</summary>
internal enum ExceptionBaseKind
{
    /// <summary>A [PyException] base: its class, made before this one.</summary>
    Marked,
    /// <summary>A .NET exception with a row in the runtime's table (or System.Exception itself): its class.</summary>
    DotNet,
    /// <summary>A class of NdBindgen's PyBaseException family (PyTypeError, PyDeprecationWarning...): its built-in.
    /// </summary>
    Builtin,
}

/// <summary>
/// The Python base of a [PyException] class: the C# type that decides it (the nearest marked base, row or family
/// member among the C# bases) and the class's Python name, as the stub writes it.
/// </summary>
/// <param name="CSharpType">The deciding C# type, fully qualified.</param>
/// <param name="PythonName">Its Python class's name (ValueError, or a marked base's Python name).</param>
/// <param name="Submodule">For a marked base: the submodule holding it (null: the module).</param>
internal sealed record ExceptionBaseModel(ExceptionBaseKind Kind, string CSharpType, string PythonName,
    string? Submodule);

/// <summary>One public property of a [PyException] class, an attribute of the raised Python exception.</summary>
/// <param name="PythonName">snake_case, as [PyProperty] names it.</param>
/// <param name="CSharpName">The property's name as code writes it (@ before a keyword).</param>
/// <param name="Type">Its conversion, as a return value's.</param>
/// <param name="Inherited">Declared by a marked base, whose stub declares it already.</param>
/// <param name="Doc">The property's doc comment summary, or null.</param>
internal sealed record ExceptionAttributeModel(string PythonName, string CSharpName, TypeModel Type, bool Inherited,
    string? Doc);
