using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// [ArrayLike] on a parameter: an <c>NdView&lt;T&gt;</c> then converts through numpy's array-like
/// rules (<c>Arrays.ToArrayLikeView</c>). Refused (NDB0022) on anything else, above all on
/// <c>NdViewMut&lt;T&gt;</c>, whose writes would land in a temporary copy.
/// </summary>
internal static class ArrayLikes
{
    public const string AttributeName = "NdBindgen.ArrayLikeAttribute";
    public const string ConvertFunction = "global::NdBindgen.Conversions.Arrays.ToArrayLikeView";

    /// <summary>Applies the attribute to <paramref name="type"/>, if present; false (with a diagnostic) where it cannot apply.</summary>
    public static bool TryApply(IParameterSymbol p, ref TypeModel type, string display, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        AttributeData? attribute = p.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeName);
        if (attribute is null) return true;
        if (type.Kind != ValueKind.View)
        {
            string why = type.Kind == ValueKind.ViewMut
                ? "an in-place view cannot accept array-likes: writes would go to a temporary copy; take an NdView<T> and return an NdArray<T>, or drop [ArrayLike]"
                : $"[ArrayLike] applies to NdView<T> parameters only, not {p.Type.ToDisplayString()}";
            diagnostics.Add(DiagnosticInfo.Create(D.ArrayLikeOnWrongType, FunctionParser.AttributeLocation(attribute) ?? p.Locations.FirstOrDefault(), p.Name, display, why));
            return false;
        }
        // "numpy.ndarray[float64]" -> "array_like[float64]", the numpy docstring word for it.
        string dtype = type.PythonType.Substring(type.PythonType.IndexOf('['));
        type = type with { PythonType = "array_like" + dtype, FromPython = $"{ConvertFunction}<{type.ElementType}>" };
        return true;
    }
}
