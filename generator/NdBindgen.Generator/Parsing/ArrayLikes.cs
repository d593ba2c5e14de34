using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// [ArrayLike] on a parameter: an <c>NdView&lt;T&gt;</c> then converts through numpy's array-like
/// rules (<c>Arrays.ToArrayLikeView</c>). Refused (NDB0022) on anything else, above all on
/// <c>NdViewMut&lt;T&gt;</c>, whose writes would land in a temporary copy.
/// </summary>
internal static class ArrayLikes
{
    /// <summary>
    /// Applies the attribute to <paramref name="type"/>, if present; false (with a diagnostic) where it cannot apply.
    /// </summary>
    public static bool TryApply(IParameterSymbol p, ref TypeModel type, string display,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        AttributeData? attribute = p.GetAttributes()
            .FirstOrDefault(a => KnownTypes.Is(a, KnownTypes.ArrayLikeAttribute));
        if (attribute is null) return true;
        if (type.Kind != ValueKind.View || type.ElementType is null)   // NdObjectView: no conversion to objects
        {
            string why = type.Kind == ValueKind.ViewMut
                ? "an in-place view cannot accept array-likes: writes would go to a temporary copy; "
                    + "take an NdView<T> and return an NdArray<T>, or drop [ArrayLike]"
                : $"[ArrayLike] applies to NdView<T> parameters only, not {p.Type.ToDisplayString()}";
            Location? location = FunctionParser.AttributeLocation(attribute) ?? p.Locations.FirstOrDefault();
            diagnostics.Add(DiagnosticInfo.Create(D.ArrayLikeOnWrongType, location, p.Name, display, why));
            return false;
        }
        type = ConversionTable.ArrayLike(type);
        return true;
    }
}
