using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Python's parameter kinds from C#: <c>[PositionalOnly]</c>, <c>[KeywordOnly]</c>, <c>params T[]</c> /
/// <c>params ReadOnlySpan&lt;T&gt;</c> (<c>*args</c>) and a <c>[PyKwargs]</c> dictionary (<c>**kwargs</c>), and the
/// order rules that keep the C# order Python's (NDB0028-NDB0030).
/// </summary>
internal static class ParameterKinds
{
    /// <summary>What *args elements and **kwargs values may be: rows without a lease.</summary>
    public const string SupportedElements =
        "bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float, double, Complex, BigInteger, decimal, "
            + "string, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, byte[], ReadOnlyMemory<byte>, enums, "
            + "[PyClass] types (each also T?, None -> null) and PyRef";

    /// <summary>The kind the parameter's marks and modifiers give it; null (with NDB0030) when they disagree.</summary>
    public static ParameterKind? Of(IParameterSymbol p, string display,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var marks = new List<(ParameterKind Kind, string Name)>();
        if (p.IsParams) marks.Add((ParameterKind.VarArgs, "params (*args)"));
        foreach (AttributeData a in p.GetAttributes())
        {
            if (KnownTypes.Is(a, KnownTypes.PositionalOnlyAttribute))
                marks.Add((ParameterKind.PositionalOnly, "[PositionalOnly]"));
            if (KnownTypes.Is(a, KnownTypes.KeywordOnlyAttribute))
                marks.Add((ParameterKind.KeywordOnly, "[KeywordOnly]"));
            if (KnownTypes.Is(a, KnownTypes.PyKwargsAttribute))
                marks.Add((ParameterKind.VarKeywords, "[PyKwargs]"));
        }
        if (marks.Count == 0) return ParameterKind.PositionalOrKeyword;
        if (marks.Count == 1) return marks[0].Kind;
        diagnostics.Add(DiagnosticInfo.Create(D.ConflictingParameterKinds, p.Locations.FirstOrDefault(), p.Name,
            display, marks[0].Name, marks[1].Name));
        return null;
    }

    /// <summary>
    /// *args or **kwargs: the element's row (NDB0029 when the collection or the element is not one NdBindgen
    /// converts), the parameter's own C# type beside it.
    /// </summary>
    public static ParameterModel? ParseVariadic(IParameterSymbol p, ParameterKind kind, string display,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        Location? location = p.Locations.FirstOrDefault();
        string what = kind == ParameterKind.VarArgs ? "*args" : "**kwargs";
        ParameterModel? Fail(string why)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidVariadic, location, p.Name, display, what, why));
            return null;
        }

        ITypeSymbol? element = null;
        bool span = false, readOnly = false, list = false, collection = false;
        if (kind == ParameterKind.VarArgs)
        {
            if (p.Type is IArrayTypeSymbol { Rank: 1 } array) element = array.ElementType;
            else if (p.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
            {
                string definition = named.OriginalDefinition.ToDisplayString();
                span = definition == KnownTypes.ReadOnlySpan;
                collection = KnownTypes.ParamsCollections.TryGetValue(definition, out list);
                if (span || collection) element = named.TypeArguments[0];
            }
            if (element is null)
                return Fail($"its type is '{p.Type.ToDisplayString()}'; *args is params T[], ReadOnlySpan<T>, "
                    + "List<T>, IList<T>, ICollection<T>, IEnumerable<T>, IReadOnlyCollection<T> or IReadOnlyList<T>");
        }
        else
        {
            if (p.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 2 } dictionary
                && KnownTypes.KwargsDictionaries.Contains(dictionary.OriginalDefinition.ToDisplayString()))
            {
                if (dictionary.TypeArguments[0].SpecialType == SpecialType.System_String)
                    element = dictionary.TypeArguments[1];
                readOnly = dictionary.OriginalDefinition.ToDisplayString() == KnownTypes.KwargsDictionaries[2];
            }
            if (element is null)
                return Fail($"its type is '{p.Type.ToDisplayString()}'; **kwargs is a Dictionary<string, T>, "
                    + "IDictionary<string, T> or IReadOnlyDictionary<string, T>");
            if (p.HasExplicitDefaultValue && p.ExplicitDefaultValue is not null)
                return Fail("its default is not null; Python passes the keywords left over, an empty dictionary when "
                    + "there are none (a '= null' that C# asks for after optional parameters is allowed)");
        }

        // T? too: each element converts by its None-aware converter (Emitting/ConverterEmitter.VariadicFrom).
        TypeModel? type = ConversionTable.Resolve(element, isReturn: false, out _, out _);
        bool fits = type is not null
            && (type.Kind is ValueKind.Scalar or ValueKind.Instance
                || type.Kind == ValueKind.Reference && type.CSharpType == R.PyRef);
        if (!fits)
            return Fail($"its element type '{element.ToDisplayString()}' is not one {what} converts; supported: "
                + SupportedElements);
        string pythonName = PythonIdentifiers.ToSnakeCase(p.Name);
        string? whyNot = PythonIdentifiers.WhyNotIdentifier(pythonName);
        if (whyNot is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidPythonName, location, pythonName, whyNot));
            return null;
        }
        bool release = type!.OwnsReference && !Escapes.MayKeep(p);
        return new ParameterModel(p.Name, pythonName, type, null, null, -1, release)
        {
            Kind = kind,
            CollectionType = ConversionTable.FullName(p.Type),
            OnStack = span && element.IsUnmanagedType,
            IsList = list,
            IsCollection = collection,
            IsReadOnlyDictionary = readOnly,
        };
    }

    /// <summary>
    /// The C# order must be Python's: positional-only first, keyword-only after every positional one, **kwargs
    /// last but for a params parameter (C# keeps params last; Python puts *args before the keyword-only ones).
    /// </summary>
    public static void CheckOrder(IMethodSymbol method, IReadOnlyList<ParameterModel> ps, string display,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        ParameterModel? notPositionalOnly = null, keywordOnly = null, kwargs = null;
        foreach (ParameterModel p in ps.Where(p => p.IsPythonArgument))
        {
            Location? location = method.Parameters.FirstOrDefault(s => s.Name == p.CSharpName)?.Locations
                .FirstOrDefault();
            if (kwargs is not null && p.Kind != ParameterKind.VarArgs)
            {
                string why = p.Kind == ParameterKind.VarKeywords
                    ? $"'{kwargs.CSharpName}' is **kwargs already; a function has one"
                    : $"it follows **kwargs '{kwargs.CSharpName}', which comes last (but for a params parameter)";
                diagnostics.Add(DiagnosticInfo.Create(D.InvalidVariadic, location, p.CSharpName, display,
                    p.Kind == ParameterKind.VarKeywords ? "**kwargs" : "a parameter here", why));
                continue;
            }
            switch (p.Kind)
            {
                case ParameterKind.PositionalOnly when notPositionalOnly is not null:
                    diagnostics.Add(DiagnosticInfo.Create(D.ParameterKindOrder, location, p.CSharpName, display,
                        $"is [PositionalOnly] but follows '{notPositionalOnly.CSharpName}', which is not; "
                            + "positional-only parameters come first"));
                    break;
                case ParameterKind.PositionalOrKeyword when keywordOnly is not null:
                    diagnostics.Add(DiagnosticInfo.Create(D.ParameterKindOrder, location, p.CSharpName, display,
                        $"can be passed by position but follows keyword-only '{keywordOnly.CSharpName}'; "
                            + "keyword-only parameters come after the positional ones, so move it or mark it "
                            + "[KeywordOnly] too"));
                    break;
                case ParameterKind.PositionalOrKeyword:
                    notPositionalOnly ??= p;
                    break;
                case ParameterKind.KeywordOnly:
                    notPositionalOnly ??= p;
                    keywordOnly ??= p;
                    break;
                case ParameterKind.VarKeywords:
                    kwargs = p;
                    break;
            }
        }
    }
}
