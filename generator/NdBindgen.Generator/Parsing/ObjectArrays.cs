using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// numpy arrays of dtype object: NdObjectView and NdObjectViewMut in (views whose elements are
/// Python references, written only through Set), NdObjectArray out. Views like NdView&lt;T&gt; in
/// everything the wrapper does (a lease, [Ndim], overlap checks); no element type parameter.
/// </summary>
internal static class ObjectArrays
{
    private const string Root = "global::NdBindgen.";

    public static ConversionTable.Resolution? Resolve(ITypeSymbol type, bool isReturn)
    {
        if (type is not INamedTypeSymbol { IsGenericType: false } named
            || named.ContainingNamespace?.ToDisplayString() != KnownTypes.Namespace)
            return null;
        (ValueKind Kind, string Function)? row = named.Name switch
        {
            "NdObjectView" => (ValueKind.View, "ToObjectView"),
            "NdObjectViewMut" => (ValueKind.ViewMut, "ToObjectViewMut"),
            "NdObjectArray" => (ValueKind.Array, "FromObjectArray"),
            _ => null,
        };
        if (row is not var (kind, function)) return null;
        if (isReturn != (kind == ValueKind.Array)) return ConversionTable.Unsupported;
        bool orNone = kind == ValueKind.Array && named.NullableAnnotation == NullableAnnotation.Annotated;
        var model = new TypeModel(kind, Root + named.Name + (orNone ? "?" : ""), "numpy.ndarray[object]")
        {
            Dtype = "object_",
            AcceptsNone = orNone,
        };
        return new(kind == ValueKind.Array
            ? model with { ToPython = R.Arrays + "." + function }
            : model with
            {
                FromPython = R.Arrays + "." + function,
                MatchPython = R.ArgMatches + "." + function,
            });
    }
}
