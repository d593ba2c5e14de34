using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NdBindgen.Generator.Model;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// C# overloads under one Python name -> one <see cref="OverloadSetModel"/>, minus those Python cannot tell apart.
/// </summary>
internal static class OverloadSets
{
    /// <summary>
    /// The overloads that Python can tell apart, in order; each one taking the same Python types as
    /// an earlier one (it could never be called) is left out with NDB0023.
    /// </summary>
    public static List<FunctionModel> Distinguishable(IEnumerable<FunctionModel> overloads,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var kept = new List<FunctionModel>();
        var keys = new HashSet<string>();
        foreach (FunctionModel f in overloads)
        {
            var types = f.PythonParameters.Select(p => Shown(p.Type) + (p.Ndim >= 0 ? $" (ndim {p.Ndim})" : ""))
                .ToList();
            if (!keys.Add(string.Join(", ", types)))
            {
                diagnostics.Add(new DiagnosticInfo(D.IndistinguishableOverloads.Id, f.Location,
                    ImmutableArray.Create(f.Display, f.PythonName, string.Join(", ", types))));
                continue;
            }
            kept.Add(f);
        }
        return kept;
    }

    /// <summary>
    /// The set as the module or class keeps it: overloads without locations, the dispatcher named
    /// after the C# method (or as given).
    /// </summary>
    public static OverloadSetModel Model(List<FunctionModel> overloads, string? dispatcherName = null)
    {
        FunctionModel first = overloads[0];
        // Overload bodies are named <Type>_<Method>_<n>; the dispatcher is <Type>_<Method>.
        string dispatcher = dispatcherName ?? first.WrapperName.Substring(0, first.WrapperName.LastIndexOf('_'));
        return new OverloadSetModel(first.PythonName, first.MessageName, dispatcher,
            overloads.Select(f => f.WithoutLocation()).ToImmutableArray());
    }

    /// <summary>
    /// The overloads without *args or **kwargs (the dispatcher binds named parameters only): each one with them is
    /// left out with NDB0031, naming the attribute that gives it a name of its own.
    /// </summary>
    public static List<FunctionModel> WithoutVariadics(IEnumerable<FunctionModel> overloads,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics, string attribute)
    {
        var kept = new List<FunctionModel>();
        foreach (FunctionModel f in overloads)
        {
            if ((f.VarArgs ?? f.VarKeywords) is { } variadic)
            {
                string takes = variadic.Kind == ParameterKind.VarArgs ? "*args" : "**kwargs";
                diagnostics.Add(new DiagnosticInfo(D.VariadicOverload.Id, f.Location,
                    ImmutableArray.Create(f.Display, takes, f.PythonName, attribute)));
                continue;
            }
            kept.Add(f);
        }
        return kept;
    }

    /// <summary>The distinguishable overloads as one set.</summary>
    public static OverloadSetModel Build(IEnumerable<FunctionModel> overloads,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics, string? dispatcherName = null) =>
        Model(Distinguishable(overloads, diagnostics), dispatcherName);

    // The type as the NDB0023 message shows it: "float | None".
    private static string Shown(TypeModel t) => t.AcceptsNone ? t.PythonType + " | None" : t.PythonType;
}
