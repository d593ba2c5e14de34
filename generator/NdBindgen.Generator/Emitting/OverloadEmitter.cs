using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using NdBindgen.Generator.Model;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// C# overloads exported under one Python name: one body per overload (its conversions and call,
/// a managed method), and one dispatcher, the entry point the method table lists, which binds the
/// arguments to each overload's signature and asks the runtime's non-raising
/// <c>ArgMatches</c> checks whether they fit: every argument of its exact type first, then with
/// conversions. The first overload that fits is called; when none does, the runtime raises
/// nanobind's "incompatible function arguments" TypeError listing every signature.
/// </summary>
internal static class OverloadEmitter
{
    private const string Match = "global::NdBindgen.Conversions.ArgMatch";
    private const string Matches = "global::NdBindgen.Conversions.ArgMatches";

    /// <summary>One overload's file: its signature and its body, called by the dispatcher with the arguments it bound.</summary>
    public static string EmitOverload(FunctionModel f)
    {
        var w = new SourceWriter().Header();
        w.OpenNamespace();
        w.Open($"internal static unsafe partial class {GeneratedNames.ModuleClass}");
        EmitBody(w, f);
        w.Close();   // class
        w.Close();   // namespace
        return w.ToString();
    }

    /// <summary>An overload's signature field and body (a function's, a method's or a constructor's), into an open class.</summary>
    public static void EmitBody(SourceWriter w, FunctionModel f)
    {
        string sigField = FunctionEmitter.EmitSignatureField(w, f);
        w.Line();
        string what = f.Kind == CallKind.Constructor ? "Constructor" : "Overload";
        w.Line($"/// <summary>{what} {f.Overload} of {f.PythonName}: calls <see cref=\"{FunctionEmitter.Cref(f)}\"/> with the arguments the dispatcher bound to it.</summary>");
        w.Open($"private static PyObject* {f.WrapperName}(PyObject* self, PyObject** a)");
        w.Line($"global::NdBindgen.Binding.PySignature sig = {sigField};");
        FunctionEmitter.EmitConvertAndCall(w, f);
        w.Close();
    }

    /// <summary>The dispatchers of every overloaded callable, into one file.</summary>
    public static string EmitDispatchers(EquatableArray<OverloadSetModel> sets)
    {
        var w = new SourceWriter().Header();
        w.OpenNamespace();
        w.Open($"internal static unsafe partial class {GeneratedNames.ModuleClass}");
        bool firstSet = true;
        foreach (OverloadSetModel set in sets)
        {
            if (!firstSet) w.Line();
            firstSet = false;
            EmitDispatcher(w, set);
        }
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>
    /// The entry point of one overload set, into an open class that has the overloads' bodies: a
    /// vectorcall-shaped function (a module function's or a method's METH_FASTCALL | METH_KEYWORDS
    /// entry, or a class's tp_vectorcall, whose self is the type to make).
    /// </summary>
    public static void EmitDispatcher(SourceWriter w, OverloadSetModel set)
    {
        string field = GeneratedNames.SignatureField(set.DispatcherName);
        string signatures = string.Join(", ", set.Overloads.Select(f => SourceWriter.Literal(Signature(f))));
        w.Line($"private static readonly global::NdBindgen.Binding.PyOverloads {field} = new({SourceWriter.Literal(set.MessageName)}, new[] {{ {signatures} }});");
        w.Line();
        string tried = string.Join(", ", set.Overloads.Select(f => $"<see cref=\"{FunctionEmitter.Cref(f)}\"/>"));
        w.Line($"/// <summary>Python entry point of {set.PythonName}: the first of {tried} that the arguments fit.</summary>");
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
        w.Line("[global::System.Runtime.CompilerServices.SkipLocalsInit]");
        w.Open($"private static PyObject* {set.DispatcherName}(PyObject* self, PyObject** args, nint nargsf, PyObject* kwnames)");
        w.Open("try");
        int slots = set.Overloads.Max(f => f.PythonParameters.Length);
        w.Line(slots > 0 ? $"PyObject** slots = stackalloc PyObject*[{slots}];" : "PyObject** slots = null;");
        w.Line("PyObject** a;");
        w.Line("// Every argument of its parameter's exact type first; then allowing conversions (int -> float, __index__, __float__, ...).");
        w.Open($"for ({Match} need = {Match}.Exact; need >= {Match}.Convertible; need--)");
        foreach (FunctionModel f in set.Overloads)
        {
            var conditions = new List<string> { $"{GeneratedNames.SignatureField(f.WrapperName)}.TryBind(args, nargsf, kwnames, slots, out a)" };
            var ps = f.PythonParameters;
            for (int i = 0; i < ps.Length; i++) conditions.Add(Condition(ps[i], $"a[{i}]"));
            for (int i = 0; i < conditions.Count; i++)
                w.Line((i == 0 ? "if (" : "    && ") + conditions[i] + (i == conditions.Count - 1 ? ")" : ""));
            w.Line($"    return {f.WrapperName}(self, a);");
        }
        w.Close();
        w.Line($"throw {field}.NoMatch(args, nargsf, kwnames);");
        w.Close();
        w.Open("catch (global::System.Exception e)");
        w.Line("return global::NdBindgen.Core.PyErrors.Raise(e);");
        w.Close();
        w.Close();   // method
    }

    /// <summary>Does the argument in <paramref name="slot"/> fit the parameter at the level <c>need</c>: a missing optional argument and None for a nullable one always do.</summary>
    private static string Condition(ParameterModel p, string slot)
    {
        string check = $"{Matches}.{CheckName(p.Type)}({slot}{(p.Type.Kind is ValueKind.View or ValueKind.ViewMut && p.Ndim >= 0 ? ", " + p.Ndim : "")}) >= need";
        var alternatives = new List<string>();
        if (p.HasDefault) alternatives.Add($"{slot} == null");
        if (p.Type.AcceptsNone) alternatives.Add($"global::NdBindgen.Conversions.Args.IsNone({slot})");
        return alternatives.Count == 0 ? check : "(" + string.Join(" || ", alternatives) + " || " + check + ")";
    }

    /// <summary>
    /// The check twin of a conversion has the conversion's own name (with its type arguments):
    /// <c>Floats.ToDouble</c> -> <c>ArgMatches.ToDouble</c>, <c>Arrays.ToView&lt;double&gt;</c> -> <c>ArgMatches.ToView&lt;double&gt;</c>.
    /// </summary>
    internal static string CheckName(TypeModel t)
    {
        string from = t.FromPython ?? "";
        int generic = from.IndexOf('<');
        int dot = from.LastIndexOf('.', generic < 0 ? from.Length - 1 : generic);
        return from.Substring(dot + 1);
    }

    /// <summary>The overload as Python shows it: "length(x: float, y: float = 1.0) -> float".</summary>
    public static string Signature(FunctionModel f)
    {
        var parameters = f.PythonParameters.Select(p => $"{p.PythonName}: {PythonType(p.Type)}" + (p.HasDefault ? " = " + p.DefaultPython : ""));
        string call = $"{f.PythonName}({string.Join(", ", parameters)})";
        // A constructor as Python calls it, the class, with no result type: "Point(x: float, y: float)".
        if (f.Kind == CallKind.Constructor) return call;
        string returns = f.Return.Kind == ValueKind.Void ? "None" : PythonType(f.Return);
        return $"{call} -> {returns}";
    }

    private static string PythonType(TypeModel t) => t.AcceptsNone ? t.PythonType + " | None" : t.PythonType;

    /// <summary>
    /// The overloads that Python can tell apart, in order; each one taking the same Python types as
    /// an earlier one (it could never be called) is left out with NDB0023.
    /// </summary>
    public static List<FunctionModel> Distinguishable(IEnumerable<FunctionModel> overloads, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var kept = new List<FunctionModel>();
        var keys = new HashSet<string>();
        foreach (FunctionModel f in overloads)
        {
            var types = f.PythonParameters.Select(p => PythonType(p.Type) + (p.Ndim >= 0 ? $" (ndim {p.Ndim})" : "")).ToList();
            if (!keys.Add(string.Join(", ", types)))
            {
                string display = f.ContainingType.Replace("global::", "") + "." + f.MethodName;
                diagnostics.Add(new DiagnosticInfo(D.IndistinguishableOverloads.Id, f.Location,
                    ImmutableArray.Create(display, f.PythonName, string.Join(", ", types))));
                continue;
            }
            kept.Add(f);
        }
        return kept;
    }

    /// <summary>The set as the module or class keeps it: overloads without locations, the dispatcher named after the C# method (or as given).</summary>
    public static OverloadSetModel Model(List<FunctionModel> overloads, string? dispatcherName = null)
    {
        FunctionModel first = overloads[0];
        // Overload bodies are named <Type>_<Method>_<n>; the dispatcher is <Type>_<Method>.
        string dispatcher = dispatcherName ?? first.WrapperName.Substring(0, first.WrapperName.LastIndexOf('_'));
        return new OverloadSetModel(first.PythonName, first.MessageName, dispatcher,
            overloads.Select(f => f with { Location = null }).ToImmutableArray());
    }

    /// <summary>
    /// A single text signature cannot describe overloads, so the docstring starts with every
    /// signature (no "--" marker: <c>__text_signature__</c> is None), then each one's own doc, as nanobind's does.
    /// A class's doc (<paramref name="summary"/>) goes between its constructors' signatures and their docs.
    /// </summary>
    public static string Docstring(OverloadSetModel set, string? summary = null)
    {
        var sb = new StringBuilder();
        foreach (FunctionModel f in set.Overloads) sb.Append(Signature(f)).Append('\n');
        if (!string.IsNullOrEmpty(summary)) sb.Append('\n').Append(summary!.TrimEnd('\n')).Append('\n');
        sb.Append("\nOverloaded function.\n");
        int n = 0;
        foreach (FunctionModel f in set.Overloads)
        {
            sb.Append('\n').Append(++n).Append(". ").Append(Signature(f)).Append('\n');
            if (string.IsNullOrEmpty(f.Doc)) continue;
            sb.Append('\n');
            foreach (string line in f.Doc!.Split('\n')) sb.Append(line.Length == 0 ? "" : "    " + line).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>The stub: one <c>@typing.overload</c> def per overload, each with its own docstring.</summary>
    public static string Stub(OverloadSetModel set, string indent = "") =>
        string.Join("\n", set.Overloads.Select(f => indent + "@typing.overload\n" + StubEmitter.Function(f, indent)));
}
