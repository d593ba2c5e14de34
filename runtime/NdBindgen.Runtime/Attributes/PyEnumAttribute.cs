using System;

namespace NdBindgen;

/// <summary>
/// Names the Python enum class of a C# enum. Optional: any enum used in an exported signature
/// becomes an enum class of the module (<c>enum.IntFlag</c> for a [Flags] enum, else
/// <c>enum.IntEnum</c>) named as the C# enum; this attribute gives it another name, e.g. when two
/// enums of one name in different namespaces are both used (NDB0005 otherwise).
/// </summary>
[AttributeUsage(AttributeTargets.Enum, Inherited = false, AllowMultiple = false)]
public sealed class PyEnumAttribute : Attribute
{
    public PyEnumAttribute() { }

    public PyEnumAttribute(string name) => Name = name;

    /// <summary>The Python name of the enum class, when the C# name is not wanted.</summary>
    public string? Name { get; set; }
}
