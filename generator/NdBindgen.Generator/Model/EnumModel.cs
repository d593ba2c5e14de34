namespace NdBindgen.Generator.Model;

/// <summary>
/// A C# enum used in an exported signature: a Python enum class of the module (IntFlag for
/// [Flags], else IntEnum), created when the module is initialized.
/// </summary>
/// <param name="FullType">The fully qualified C# type (global::Ns.Color).</param>
/// <param name="PythonName">The class name: the C# name, or [PyEnum("...")]'s.</param>
/// <param name="Doc">The doc comment's summary, or null.</param>
/// <param name="Unsigned">The underlying type is byte, ushort, uint or ulong.</param>
/// <param name="Members">In declaration order, aliases included.</param>
/// <param name="Location">The enum's declaration, for NDB0005 (null in the module's own copy).</param>
internal sealed record EnumModel(
    string FullType,
    string Display,
    string PythonName,
    string? Doc,
    bool IsFlags,
    bool Unsigned,
    EquatableArray<EnumMemberModel> Members,
    LocationInfo? Location)
{
    /// <summary>The generated method that creates the class at module init.</summary>
    public string RegisterName => "__NdBindgenRegisterEnum_" + Display.Replace('.', '_');
}

/// <summary>
/// One member: its Python name (UPPER_SNAKE_CASE), its C# name (as code names it) and its value as text.
/// </summary>
internal sealed record EnumMemberModel(string PythonName, string CSharpName, string Value)
{
    /// <summary>The member's declaration, for NDB0032 (null in the module's own copy).</summary>
    public LocationInfo? Location { get; init; }

    /// <summary>The member's name in C# (Red), as messages show it.</summary>
    public string Display { get; init; } = "";
}
