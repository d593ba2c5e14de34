using System.Linq;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Emitting;

/// <summary>How messages, docs and stubs name a generic function's types across its dtypes.</summary>
internal static class GenericNames
{
    /// <summary>The accepted dtypes, for messages and docs: "int8, int16, float64".</summary>
    public static string DtypeList(GenericModel g) => string.Join(", ", g.Dtypes.Select(Display));

    // numpy's attribute is numpy.bool_, its dtype's name "bool".
    private static string Display(string dtype) => dtype == "bool_" ? "bool" : dtype;

    /// <summary>
    /// How docs name Python parameter <paramref name="index"/> (or the result, -1) across the
    /// instantiations: "numpy.ndarray[int8 | float64]", "int | float".
    /// </summary>
    public static string PythonType(GenericModel g, int index)
    {
        var types = g.Specializations.Select(f => index < 0 ? f.Return : f.PythonParameters[index].Type);
        TypeModel first = types.First();
        if (first.IsArray) return $"numpy.ndarray[{string.Join(" | ", g.Dtypes.Select(Display))}]";
        return string.Join(" | ", types.Select(t => t.PythonType).Distinct());
    }
}
