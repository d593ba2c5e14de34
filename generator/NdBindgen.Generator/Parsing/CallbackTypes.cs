using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// The callback row of the conversion table: a Python callable as a C# <c>Func&lt;...&gt;</c> or
/// <c>Action&lt;...&gt;</c> of up to <see cref="MaxArguments"/> arguments. Its arguments go to Python and its
/// result comes back, each with its own row through the converter structs containers use
/// (<c>Callbacks.ToFunc&lt;T1, TResult, Conv_T1, Conv_TResult&gt;</c>), so every type a container holds is a
/// callback argument or result without a line here.
/// </summary>
internal static class CallbackTypes
{
    public const int MaxArguments = 4;

    /// <summary>Func&lt;..., TResult&gt; and Action&lt;...&gt; parameters; null for any other type.</summary>
    public static ConversionTable.Resolution? Resolve(ITypeSymbol type, bool isReturn)
    {
        if (type is not INamedTypeSymbol callback
            || callback.ContainingNamespace?.ToDisplayString() != KnownTypes.SystemNamespace)
            return null;
        bool isFunc = callback.Name == KnownTypes.Func && callback.IsGenericType;
        if (!isFunc && callback.Name != KnownTypes.Action) return null;
        int arguments = callback.TypeArguments.Length - (isFunc ? 1 : 0);
        if (isReturn || arguments > MaxArguments) return ConversionTable.Unsupported;

        var elements = new List<TypeModel>();
        for (int i = 0; i < callback.TypeArguments.Length; i++)
        {
            ITypeSymbol t = callback.TypeArguments[i];
            bool result = isFunc && i == arguments;
            // An argument goes to Python as a function's result does; the result comes from Python as an argument.
            TypeModel? e = t.IsRefLikeType ? null : ConversionTable.Resolve(t, isReturn: !result, out _, out _);
            if (e is null || !ContainerTypes.IsElementKind(e.Kind) || (result ? e.FromPython : e.ToPython) is null)
                return new(null, ConversionTable.Failure.BadCallbackType, t.ToDisplayString());
            elements.Add(e);
        }
        if (!isFunc) elements.Add(new TypeModel(ValueKind.Void, "void", "None"));

        var typeArguments = elements.Take(callback.TypeArguments.Length).Select(e => e.CSharpType).ToList();
        string csharp = "global::System." + callback.Name
            + (typeArguments.Count > 0 ? "<" + string.Join(", ", typeArguments) + ">" : "");
        var converted = typeArguments.Concat(elements.Where(e => e.Kind != ValueKind.Void)
            .Select(e => ConverterNames.Qualified(ConverterNames.Element(e.CSharpType)))).ToList();
        string generic = converted.Count > 0 ? "<" + string.Join(", ", converted) + ">" : "";
        bool orNone = callback.NullableAnnotation == NullableAnnotation.Annotated;
        return new(new TypeModel(ValueKind.Callback, csharp + (orNone ? "?" : ""), Python(elements))
        {
            FromPython = $"{R.Callbacks}.To{callback.Name}{generic}",
            MatchPython = R.ArgMatches + ".ToCallable",
            Release = R.Callbacks + ".Release",
            AcceptsNone = orNone,
            Elements = new EquatableArray<TypeModel>(elements.ToImmutableArray()),
        });
    }

    /// <summary>"Callable[[list[float], int | None], float]": the arguments, then the result (Action: None).</summary>
    private static string Python(IReadOnlyList<TypeModel> elements)
    {
        static string Shown(TypeModel e) => e.AcceptsNone ? e.PythonType + " | None" : e.PythonType;
        var arguments = elements.Take(elements.Count - 1).Select(Shown);
        return $"Callable[[{string.Join(", ", arguments)}], {Shown(elements[elements.Count - 1])}]";
    }
}
