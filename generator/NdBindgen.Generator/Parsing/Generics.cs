using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Naming;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// A generic [PyFunction] over its element type T: which numpy element types it is instantiated
/// for (those T's constraints admit, narrowed by [Dtypes]), and which array parameter's dtype
/// chooses among them when Python calls it.
/// </summary>
internal static class Generics
{
    /// <summary>Every numpy element type, in dispatch order (numpy's type-number order).</summary>
    private static readonly (SpecialType Special, string? Name)[] s_candidates =
    {
        (SpecialType.System_Boolean, null), (SpecialType.System_SByte, null), (SpecialType.System_Byte, null),
        (SpecialType.System_Int16, null), (SpecialType.System_UInt16, null), (SpecialType.System_Int32, null),
        (SpecialType.System_UInt32, null), (SpecialType.System_Int64, null), (SpecialType.System_UInt64, null),
        (SpecialType.None, "System.Half"), (SpecialType.System_Single, null), (SpecialType.System_Double, null),
        (SpecialType.None, "System.Numerics.Complex"),
    };

    /// <summary>The element types to instantiate, in dispatch order; empty when none qualifies.</summary>
    public static List<ITypeSymbol> Instantiations(IMethodSymbol method, Compilation compilation,
        out List<string> notAdmitted)
    {
        ITypeParameterSymbol t = method.TypeParameters[0];
        notAdmitted = new List<string>();
        var candidates = s_candidates
            .Select(c => c.Name is null
                ? compilation.GetSpecialType(c.Special) : compilation.GetTypeByMetadataName(c.Name))
            .Where(c => c is not null && c.TypeKind != TypeKind.Error)
            .Cast<ITypeSymbol>()
            .ToList();

        AttributeData? dtypes = method.GetAttributes()
            .FirstOrDefault(a => KnownTypes.Is(a, KnownTypes.DtypesAttribute));
        if (dtypes is { ConstructorArguments.Length: 1 }
            && dtypes.ConstructorArguments[0].Kind == TypedConstantKind.Array)
        {
            var listed = dtypes.ConstructorArguments[0].Values.Select(v => v.Value as ITypeSymbol)
                .Where(v => v is not null).Cast<ITypeSymbol>().ToList();
            foreach (ITypeSymbol l in listed)
            {
                if (!candidates.Contains(l, SymbolEqualityComparer.Default) || !Satisfies(l, t, compilation))
                    notAdmitted.Add(l.ToDisplayString());
            }
            candidates = candidates.Where(c => listed.Contains(c, SymbolEqualityComparer.Default)).ToList();
        }
        return candidates.Where(c => Satisfies(c, t, compilation)).ToList();
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> meets every constraint of <paramref name="t"/> (T replaced by the candidate
    /// in them).
    /// </summary>
    private static bool Satisfies(ITypeSymbol candidate, ITypeParameterSymbol t, Compilation compilation)
    {
        if (t.HasReferenceTypeConstraint || t.HasConstructorConstraint && candidate.IsReferenceType) return false;
        // NdView<T> demands unmanaged; checked with its own message too
        if (!t.HasUnmanagedTypeConstraint) return false;
        foreach (ITypeSymbol constraint in t.ConstraintTypes)
        {
            ITypeSymbol substituted = Substitute(constraint, t, candidate);
            if (!compilation.HasImplicitConversion(candidate, substituted)) return false;
        }
        return true;
    }

    private static ITypeSymbol Substitute(ITypeSymbol type, ITypeParameterSymbol t, ITypeSymbol with)
    {
        if (SymbolEqualityComparer.Default.Equals(type, t)) return with;
        if (type is INamedTypeSymbol { IsGenericType: true } named)
        {
            var args = named.TypeArguments.Select(a => Substitute(a, t, with)).ToArray();
            return named.OriginalDefinition.Construct(args);
        }
        return type;
    }

    /// <summary>
    /// Whether <paramref name="type"/> is NdView&lt;T&gt; or NdViewMut&lt;T&gt; of the method's own T.
    /// </summary>
    public static bool IsArrayOfT(ITypeSymbol type, ITypeParameterSymbol t) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
        && (KnownTypes.IsNdBindgen(named, KnownTypes.NdViewName)
            || KnownTypes.IsNdBindgen(named, KnownTypes.NdViewMutName))
        && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], t);

    /// <summary>
    /// Whether <paramref name="type"/> mentions T at all (T itself, T?, NdView&lt;T&gt;, NdArray&lt;T&gt;).
    /// </summary>
    public static bool Mentions(ITypeSymbol type, ITypeParameterSymbol t) =>
        SymbolEqualityComparer.Default.Equals(type, t)
        || type is INamedTypeSymbol named && named.TypeArguments.Any(a => Mentions(a, t));
}
