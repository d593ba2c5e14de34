using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Pickling and copying: a generated <c>__reduce__</c> for every class whose constructor arguments can be read
/// back from its properties (as Cython does it, with no code from the user); PyClass's Pickle = true asks for it
/// (NDB0044 when the class cannot be rebuilt), Pickle = false turns it off.
/// </summary>
internal static partial class ClassParser
{
    /// <summary>Dunders with which the user takes pickling over: nothing is generated beside them.</summary>
    private static readonly string[] s_pickleByHand =
        { "__reduce__", "__reduce_ex__", "__getnewargs__", "__getnewargs_ex__" };

    private static PickleModel? ParsePickle(INamedTypeSymbol type, AttributeData? pyClass, ConstructorModel constructor,
        ImmutableArray<PropertyModel> properties, IReadOnlyCollection<FunctionModel> methods,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        bool? asked = pyClass?.NamedArguments.FirstOrDefault(n => n.Key == "Pickle").Value.Value as bool?;
        if (asked == false || methods.Any(m => s_pickleByHand.Contains(m.PythonName))) return null;
        // What Python can read back: the class's own properties and those its [PyClass] bases export (a write-only
        // one gives nothing back).
        properties = properties.AddRange(InheritedProperties(type)).Where(q => q.Readable).ToImmutableArray();

        var args = new List<PropertyModel>();
        var keywords = new List<PropertyModel>();
        var keywordNames = new List<string>();
        (string Why, string Fix, string? Parameter)? refusal = null;
        if (constructor.Overloads is not null)
        {
            refusal = ("it has several [PyConstructor]s, and which one rebuilds an object is not known",
                "write __reduce__ (or __getnewargs__) choosing one", null);
        }
        foreach (ParameterModel p in constructor.Parameters.Where(p => p.IsPythonArgument))
        {
            if (refusal is not null) break;
            if (p.IsVariadic)
            {
                string stars = p.Kind == ParameterKind.VarArgs ? "*" : "**";
                refusal = ($"its constructor takes {stars}{p.PythonName}, which no property gives back",
                    "write __reduce__ (or __getnewargs__)", p.CSharpName);
                break;
            }
            PropertyModel? property = properties.FirstOrDefault(q => q.PythonName == p.PythonName)
                ?? properties.FirstOrDefault(q => string.Equals(q.CSharpName, p.CSharpName,
                    StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                refusal = ($"its constructor parameter '{p.PythonName}' has no property to read it back from",
                    $"add a [PyProperty] named '{p.PythonName}', or write __reduce__ (or __getnewargs__ and "
                    + "__getstate__/__setstate__)", p.CSharpName);
                break;
            }
            if (!SameValue(property.Type, p.Type))
            {
                refusal = ($"its constructor parameter '{p.PythonName}' is {p.Type.PythonType} but property "
                    + $"'{property.PythonName}' is {property.Type.PythonType}",
                    "give the property the parameter's type, or write __reduce__", p.CSharpName);
                break;
            }
            if (p.Kind == ParameterKind.KeywordOnly)
            {
                keywords.Add(property);
                keywordNames.Add(p.PythonName);
            }
            else
            {
                args.Add(property);
            }
        }
        bool userGetState = methods.Any(m => m.PythonName == "__getstate__");
        if (refusal is null && !userGetState && UnexportedField(type, properties) is { } field)
        {
            refusal = ($"its {field} is not a [PyProperty], so pickling would lose it",
                "mark it [NonSerialized] ([field: NonSerialized] on an auto-property) if it is not state, or write "
                + "__getstate__ and __setstate__ (or __reduce__)", null);
        }
        if (refusal is { } r)
        {
            if (asked == true)
            {
                Location? at = (r.Parameter is null ? null : ConstructorParameter(type, r.Parameter))
                    ?? type.Locations.FirstOrDefault();
                diagnostics.Add(DiagnosticInfo.Create(D.CannotPickle, at, type.Name, r.Why, r.Fix));
                return null;
            }
            return new PickleModel(ImmutableArray<PropertyModel>.Empty, ImmutableArray<PropertyModel>.Empty, false,
                $"{r.Why}; {r.Fix}");
        }
        var state = properties.Where(q => q.Writable && !args.Contains(q) && !keywords.Contains(q)).ToImmutableArray();
        return new PickleModel(args.ToImmutableArray(), state, userGetState, null)
        {
            Keywords = keywords.ToImmutableArray(),
            KeywordNames = keywordNames.ToImmutableArray(),
        };
    }

    /// <summary>The [PyProperty]s of the class's [PyClass] bases, as the bases export them.</summary>
    private static IEnumerable<PropertyModel> InheritedProperties(INamedTypeSymbol type)
    {
        var ignored = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        for (INamedTypeSymbol? b = type.BaseType; b is not null; b = b.BaseType)
        {
            if (!ConversionTable.IsPyClass(b)) continue;
            foreach (ISymbol member in b.GetMembers())
            {
                if (member.IsStatic) continue;
                AttributeData? attribute = member.GetAttributes()
                    .FirstOrDefault(a => KnownTypes.Is(a, KnownTypes.PyPropertyAttribute));
                if (attribute is not null && ParseProperty(member, attribute, b, ignored) is { } property)
                    yield return property;
            }
        }
    }

    /// <summary>
    /// The property's value, converted to Python, is what the parameter takes: the same C# type (nullability
    /// aside), or a parameter taking any object.
    /// </summary>
    private static bool SameValue(TypeModel property, TypeModel parameter) =>
        parameter.Kind is ValueKind.Reference or ValueKind.Borrowed
        || property.CSharpType.TrimEnd('?') == parameter.CSharpType.TrimEnd('?');

    /// <summary>
    /// An instance field (of the class or a base class) that no exported property reads or writes: state the
    /// generated __reduce__ would not carry. A field is covered when it backs an exported property (an
    /// auto-property, or a field named after it: _x, m_x, x for X), is one itself, or is [NonSerialized].
    /// </summary>
    private static string? UnexportedField(INamedTypeSymbol type, ImmutableArray<PropertyModel> properties)
    {
        var exported = new HashSet<string>(properties.Select(p => Bare(p.CSharpName)),
            StringComparer.OrdinalIgnoreCase);
        for (INamedTypeSymbol? t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (IFieldSymbol f in t.GetMembers().OfType<IFieldSymbol>())
            {
                if (f.IsStatic || f.IsConst || f.Name.StartsWith("__ndbindgen", StringComparison.Ordinal)) continue;
                if (f.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.NonSerializedAttribute"))
                    continue;
                string name = f.AssociatedSymbol?.Name ?? f.Name;   // an auto-property's backing field: the property
                if (exported.Contains(Bare(name))) continue;
                return f.AssociatedSymbol is { } p ? $"property '{t.Name}.{p.Name}'" : $"field '{t.Name}.{f.Name}'";
            }
        }
        return null;
    }

    /// <summary>A member's name without the prefixes fields take: "_x", "m_x", "s_x" -> "x".</summary>
    private static string Bare(string name) =>
        name.StartsWith("m_", StringComparison.Ordinal) ? name.Substring(2) : name.TrimStart('_');

    private static Location? ConstructorParameter(INamedTypeSymbol type, string name) =>
        type.InstanceConstructors
            .Where(c => !c.IsImplicitlyDeclared)
            .OrderByDescending(c => c.GetAttributes().Any(a => KnownTypes.Is(a, KnownTypes.PyConstructorAttribute)))
            .SelectMany(c => c.Parameters)
            .FirstOrDefault(p => p.Name == name)
            ?.Locations.FirstOrDefault();
}
