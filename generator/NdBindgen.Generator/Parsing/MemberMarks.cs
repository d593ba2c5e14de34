using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// A member's NdBindgen marks, checked before a parser sees it: several marks (NDB0017), or a
/// class member mark on a member of a type that is not a [PyClass] (NDB0018).
/// </summary>
internal static class MemberMarks
{
    public static List<AttributeData> Of(ISymbol member) =>
        member.GetAttributes()
            .Where(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == KnownTypes.Namespace
                && KnownTypes.MemberAttributes.Contains(a.AttributeClass.Name))
            .ToList();

    /// <summary>
    /// The member's problem with its marks, or null. <paramref name="reportedFor"/>: only the first
    /// mark's check reports NDB0017 (the generator looks at each mark apart, and reports once).
    /// </summary>
    public static DiagnosticInfo? Problem(ISymbol member, List<AttributeData> marks, string? reportedFor = null)
    {
        Location? location = member.Locations.FirstOrDefault();
        string display = member.ContainingType.Name + "." + member.Name;
        if (marks.Count > 1)
        {
            if (reportedFor is not null && marks[0].AttributeClass?.ToDisplayString() != reportedFor) return null;
            string names = string.Join(" and ", marks.Select(a => Shown(a.AttributeClass!)));
            return DiagnosticInfo.Create(D.ConflictingAttributes, location, display, names);
        }
        // [PyFunction] and [PyConstant] are module members ([PyConstant] in a [PyClass] too: a class attribute).
        if (marks.Count == 1 && !IsModuleMark(marks[0]) && !ConversionTable.IsPyClass(member.ContainingType))
        {
            return DiagnosticInfo.Create(D.MemberOutsideClass, location, display, Shown(marks[0].AttributeClass!),
                member.ContainingType.Name);
        }
        return null;
    }

    private static bool IsModuleMark(AttributeData mark) =>
        KnownTypes.Is(mark, KnownTypes.PyFunctionAttribute) || KnownTypes.Is(mark, KnownTypes.PyConstantAttribute);

    /// <summary>The generator's view: the problem of a member it found by one of its marks.</summary>
    public static EquatableArray<DiagnosticInfo> Check(ISymbol member, string attribute) =>
        Problem(member, Of(member), attribute) is { } d
            ? ImmutableArray.Create(d)
            : ImmutableArray<DiagnosticInfo>.Empty;

    private static string Shown(INamedTypeSymbol attribute) => "[" + attribute.Name.Replace("Attribute", "") + "]";
}
