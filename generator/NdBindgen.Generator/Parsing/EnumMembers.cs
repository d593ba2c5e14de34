using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NdBindgen.Generator.Model;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// The members of an exported enum as Python's enum module takes them (NDB0032): one member per name (two C#
/// names may meet in UPPER_SNAKE_CASE: FooBar and Foo_Bar are both FOO_BAR, which enum refuses with a TypeError
/// at import), no _sunder_ name (a ValueError), no __dunder__ or _Class__private name (silently not members:
/// the C# value would have no member), and a Python identifier.
/// </summary>
internal static class EnumMembers
{
    /// <summary>NDB0032 for each member Python would refuse or drop, at the member.</summary>
    public static IEnumerable<DiagnosticInfo> Check(EnumModel e)
    {
        var first = new Dictionary<string, EnumMemberModel>();
        foreach (EnumMemberModel m in e.Members)
        {
            string? why = first.TryGetValue(m.PythonName, out EnumMemberModel? earlier)
                ? $"the Python name of member '{earlier.Display}' too; a Python enum has one member per name"
                : WhyNot(m.PythonName, e.PythonName);
            if (earlier is null) first[m.PythonName] = m;
            if (why is not null)
                yield return new DiagnosticInfo(D.InvalidEnumMember.Id, m.Location,
                    ImmutableArray.Create(m.Display, e.Display, m.PythonName, why));
        }
    }

    /// <summary>Why Python's enum would not make <paramref name="name"/> a member, or null.</summary>
    internal static string? WhyNot(string name, string className)
    {
        if (PythonIdentifiers.WhyNotIdentifier(name) is { } notIdentifier)
            return "which is not a Python identifier" + notIdentifier;
        bool dunder = name.Length > 4 && name.StartsWith("__") && name.EndsWith("__");
        if (dunder) return "a __dunder__ name, which Python's enum takes as an attribute and not as a member";
        bool sunder = name.Length > 2 && name[0] == '_' && name[name.Length - 1] == '_' && name[1] != '_'
            && name[name.Length - 2] != '_';
        if (sunder) return "a _sunder_ name, which Python's enum reserves for itself";
        // enum's _is_private: "_<class name>__" then more, not ending in "__" (the class name as it is, so only an
        // upper-case one can meet an UPPER_SNAKE_CASE member).
        string mangled = "_" + className + "__";
        if (name.StartsWith(mangled) && name.Length > mangled.Length && !name.EndsWith("__"))
            return $"a private name of the class '{className}' ({mangled}...), which Python's enum (3.11 and later) "
                + "does not make a member";
        return null;
    }

    /// <summary>The members without their locations: the module's copy, equal however the file moved.</summary>
    public static EquatableArray<EnumMemberModel> WithoutLocations(EnumModel e) =>
        new(e.Members.Select(m => m with { Location = null }).ToImmutableArray());
}
