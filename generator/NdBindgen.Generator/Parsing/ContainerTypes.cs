using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// The container rows of the conversion table: arrays, lists, dictionaries, sets and their
/// interfaces, and C# tuples, of any other row (nested ones included). Each element converts with
/// its own row, through a converter struct the emitter writes per element type
/// (<see cref="ConverterNames"/>), so every row is an element without a line here.
/// </summary>
internal static class ContainerTypes
{
    private enum Shape { Sequence, Mapping, Set }

    /// <param name="From">The runtime conversion of a parameter (Python -> C#).</param>
    /// <param name="To">The runtime conversion of a result (C# -> Python).</param>
    private sealed record Row(Shape Shape, string From, string To);

    private const string Generic = "System.Collections.Generic.";

    /// <summary>By namespace and metadata name of the generic definition.</summary>
    private static readonly Dictionary<string, Row> s_rows = new()
    {
        [Generic + "List`1"] = new(Shape.Sequence, R.Sequences + ".ToList", R.Sequences + ".FromList"),
        [Generic + "IList`1"] = new(Shape.Sequence, R.Sequences + ".ToList", R.Sequences + ".FromEnumerable"),
        [Generic + "ICollection`1"] = new(Shape.Sequence, R.Sequences + ".ToList", R.Sequences + ".FromEnumerable"),
        [Generic + "IReadOnlyList`1"] =
            new(Shape.Sequence, R.Sequences + ".ToArray", R.Sequences + ".FromEnumerable"),
        [Generic + "IReadOnlyCollection`1"] =
            new(Shape.Sequence, R.Sequences + ".ToArray", R.Sequences + ".FromEnumerable"),
        [Generic + "IEnumerable`1"] = new(Shape.Sequence, R.Sequences + ".ToArray", R.Sequences + ".FromEnumerable"),
        [Generic + "Dictionary`2"] =
            new(Shape.Mapping, R.Mappings + ".ToDictionary", R.Mappings + ".FromDictionary"),
        [Generic + "IDictionary`2"] = new(Shape.Mapping, R.Mappings + ".ToDictionary", R.Mappings + ".FromPairs"),
        [Generic + "IReadOnlyDictionary`2"] =
            new(Shape.Mapping, R.Mappings + ".ToDictionary", R.Mappings + ".FromPairs"),
        [Generic + "HashSet`1"] = new(Shape.Set, R.Sets + ".ToHashSet", R.Sets + ".FromSet"),
        [Generic + "ISet`1"] = new(Shape.Set, R.Sets + ".ToHashSet", R.Sets + ".FromSet"),
        [Generic + "IReadOnlySet`1"] = new(Shape.Set, R.Sets + ".ToHashSet", R.Sets + ".FromSet"),
    };

    /// <summary>What a container element may be: a value with a row both ways or one way, not a borrowed one.</summary>
    internal static bool IsElementKind(ValueKind kind) =>
        kind is ValueKind.Scalar or ValueKind.Instance or ValueKind.Reference or ValueKind.Array or ValueKind.Container;

    /// <summary>A dictionary key or set element: never None (.NET refuses a null key), hashable both ways.</summary>
    private static bool IsKeyKind(TypeModel e) =>
        !e.AcceptsNone && e.Kind != ValueKind.Reference && (e.Kind != ValueKind.Container || e.IsTuple);

    /// <summary>T[], List&lt;T&gt; and the other rows above; null for any other type.</summary>
    public static ConversionTable.Resolution? ResolveCollection(ITypeSymbol type, bool isReturn)
    {
        ITypeSymbol[] arguments;
        string csharp;
        Row row;
        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1) return ConversionTable.Unsupported;
            arguments = new[] { array.ElementType };
            row = new(Shape.Sequence, R.Sequences + ".ToArray", R.Sequences + ".FromArray");
            csharp = "{0}[]";
        }
        else if (type is INamedTypeSymbol { IsGenericType: true } named
            && s_rows.TryGetValue(named.ContainingNamespace?.ToDisplayString() + "." + named.MetadataName,
                out Row? known))
        {
            row = known;
            arguments = named.TypeArguments.ToArray();
            csharp = "global::" + Generic + named.Name + "<" + (arguments.Length == 1 ? "{0}" : "{0}, {1}") + ">";
        }
        else
        {
            return null;
        }

        var elements = new List<TypeModel>();
        for (int i = 0; i < arguments.Length; i++)
        {
            bool isKey = row.Shape == Shape.Mapping && i == 0 || row.Shape == Shape.Set;
            TypeModel? e = Element(arguments[i], isReturn, isKey, out var bad);
            if (e is null) return bad;
            elements.Add(e);
        }
        bool orNone = type.NullableAnnotation == NullableAnnotation.Annotated;
        string fullType = string.Format(csharp, elements.Select(e => (object)e.CSharpType).ToArray());
        string typeArguments = string.Join(", ", elements.Select(e => e.CSharpType)
            .Concat(elements.Select(e => ConverterNames.Qualified(ConverterNames.Element(e.CSharpType)))));
        bool from = elements.All(e => e.FromPython is not null), to = elements.All(e => e.ToPython is not null);
        string generic = (row.Shape, isReturn) switch
        {
            (Shape.Sequence, false) => "typing.Sequence",
            (Shape.Sequence, true) => "list",
            (Shape.Mapping, false) => "typing.Mapping",
            (Shape.Mapping, true) => "dict",
            (Shape.Set, false) => "typing.Iterable",
            _ => "set",
        };
        string match = row.Shape switch
        {
            Shape.Sequence => "ToSequence",
            Shape.Mapping => "ToMapping",
            _ => "ToSet",
        };
        return new(new TypeModel(ValueKind.Container, fullType + (orNone ? "?" : ""), Python(generic, elements))
        {
            FromPython = from ? $"{row.From}<{typeArguments}>" : null,
            ToPython = to ? $"{row.To}<{typeArguments}>" : null,
            MatchPython = R.ArgMatches + "." + match,
            Elements = new EquatableArray<TypeModel>(elements.ToImmutableArray()),
            PythonGeneric = generic,
            AcceptsNone = orNone,
        });
    }

    /// <summary>A C# tuple (ValueTuple of any length, T? of one too) &lt;-&gt; a Python tuple of that length.</summary>
    public static ConversionTable.Resolution? ResolveTuple(ITypeSymbol type, bool isReturn)
    {
        bool nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n)
        {
            type = n.TypeArguments[0];
            nullable = true;
        }
        if (type is not INamedTypeSymbol { IsTupleType: true } tuple) return null;
        var elements = new List<TypeModel>();
        foreach (IFieldSymbol item in tuple.TupleElements)
        {
            TypeModel? e = Element(item.Type, isReturn, isKey: false, out var bad);
            if (e is null) return bad;
            elements.Add(e);
        }
        string csharp = "(" + string.Join(", ", elements.Select(e => e.CSharpType)) + ")";
        string converter = ConverterNames.Qualified(ConverterNames.Tuple(csharp));
        return new(new TypeModel(ValueKind.Container, csharp + (nullable ? "?" : ""), Python("tuple", elements))
        {
            FromPython = elements.All(e => e.FromPython is not null) ? converter + ".FromPython" : null,
            ToPython = elements.All(e => e.ToPython is not null) ? converter + ".ToPython" : null,
            MatchPython = R.ArgMatches + ".ToTuple",
            Elements = new EquatableArray<TypeModel>(elements.ToImmutableArray()),
            PythonGeneric = "tuple",
            AcceptsNone = nullable,
            IsNullableValueType = nullable,
        });
    }

    /// <summary>The Python type docstrings show: "Sequence[float]", "dict[str, int | None]".</summary>
    private static string Python(string generic, IEnumerable<TypeModel> elements) =>
        generic.Replace("typing.", "") + "[" + string.Join(", ",
            elements.Select(e => e.AcceptsNone ? e.PythonType + " | None" : e.PythonType)) + "]";

    /// <summary>
    /// An element's own row, or why not: a type no row takes, or one that cannot be an element (a
    /// view, a callback, PyBorrowed: borrowed for a call; a key that may be None or is not hashable).
    /// </summary>
    private static TypeModel? Element(ITypeSymbol type, bool isReturn, bool isKey,
        out ConversionTable.Resolution bad)
    {
        TypeModel? e = ConversionTable.Resolve(type, isReturn, out var failure, out string? inner);
        bool fits = e is not null && IsElementKind(e.Kind)
            && (!isKey || IsKeyKind(e));
        if (fits)
        {
            bad = ConversionTable.Unsupported;
            return e;
        }
        // The innermost type that does not fit is the one the message names.
        string element = e is null && failure == ConversionTable.Failure.BadContainerElement && inner is not null
            ? inner : type.ToDisplayString();
        bad = new ConversionTable.Resolution(null, ConversionTable.Failure.BadContainerElement, element);
        return null;
    }
}
