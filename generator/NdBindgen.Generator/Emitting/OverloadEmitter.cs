using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

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
    private const string Match = R.ArgMatch;

    /// <summary>
    /// One overload's file: its signature and its body, called by the dispatcher with the arguments it bound.
    /// </summary>
    public static string EmitOverload(FunctionModel f)
    {
        var w = new SourceWriter().Header();
        w.OpenNamespace();
        w.Open($"internal static unsafe partial class {GeneratedNames.ModuleClass}");
        EmitBody(w, f);
        w.Close();   // class
        ConverterEmitter.Emit(w, ConverterEmitter.Types(f));
        w.Close();   // namespace
        return w.ToString();
    }

    /// <summary>
    /// An overload's signature field and body (a function's, a method's or a constructor's), into an open class.
    /// </summary>
    public static void EmitBody(SourceWriter w, FunctionModel f)
    {
        string sigField = FunctionEmitter.EmitSignatureField(w, f);
        w.Line();
        string what = f.Kind == CallKind.Constructor ? "Constructor" : "Overload";
        w.Line($"/// <summary>{what} {f.Overload} of {f.PythonName}: calls <see cref=\"{FunctionEmitter.Cref(f)}\"/> "
            + "with the arguments the dispatcher bound to it.</summary>");
        w.Open($"private static PyObject* {f.WrapperName}(PyObject* self, PyObject** a)");
        w.Line($"{R.PySignature} sig = {sigField};");
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
        string signatures = string.Join(", ", set.Overloads.Select(f => SourceWriter.Literal(Docstrings.Signature(f))));
        w.Line($"private static readonly {R.PyOverloads} {field} = "
            + $"new({SourceWriter.Literal(set.MessageName)}, new[] {{ {signatures} }});");
        w.Line();
        string tried = string.Join(", ", set.Overloads.Select(f => $"<see cref=\"{FunctionEmitter.Cref(f)}\"/>"));
        w.Line($"/// <summary>Python entry point of {set.PythonName}: "
            + $"the first of {tried} that the arguments fit.</summary>");
        EntryPoint.Emit(w, EntryPoint.Object, $"{set.DispatcherName}({FunctionEmitter.FastcallParameters})",
            () => EmitDispatch(w, set, field), skipLocalsInit: true);
    }

    /// <summary>Bind and check each overload in turn, exact types first; none fitting raises NoMatch.</summary>
    private static void EmitDispatch(SourceWriter w, OverloadSetModel set, string field)
    {
        int slots = set.Overloads.Max(f => f.PythonParameters.Length);
        w.Line(slots > 0 ? $"PyObject** slots = stackalloc PyObject*[{slots}];" : "PyObject** slots = null;");
        w.Line("PyObject** a;");
        w.Line("// Every argument of its parameter's exact type first; "
            + "then allowing conversions (int -> float, __index__, __float__, ...).");
        w.Open($"for ({Match} need = {Match}.Exact; need >= {Match}.Convertible; need--)");
        foreach (FunctionModel f in set.Overloads)
        {
            string bind = GeneratedNames.SignatureField(f.WrapperName)
                + ".TryBind(args, nargsf, kwnames, slots, out a)";
            var conditions = new List<string> { bind };
            var ps = f.PythonParameters;
            for (int i = 0; i < ps.Length; i++) conditions.Add(Condition(ps[i], $"a[{i}]"));
            for (int i = 0; i < conditions.Count; i++)
                w.Line((i == 0 ? "if (" : "    && ") + conditions[i] + (i == conditions.Count - 1 ? ")" : ""));
            w.Line($"    return {f.WrapperName}(self, a);");
        }
        w.Close();
        w.Line($"throw {field}.NoMatch(args, nargsf, kwnames);");
    }

    /// <summary>
    /// Does the argument in <paramref name="slot"/> fit the parameter at the level <c>need</c> (the
    /// conversion's non-raising twin says): a missing optional argument and None for a nullable one always do.
    /// </summary>
    private static string Condition(ParameterModel p, string slot)
    {
        string ndim = p.Type.IsView && p.Ndim >= 0 ? ", " + p.Ndim : "";
        string check = $"{p.Type.MatchPython}({slot}{ndim}) >= need";
        var alternatives = new List<string>();
        if (p.HasDefault) alternatives.Add($"{slot} == null");
        if (p.Type.AcceptsNone) alternatives.Add($"{R.Args}.IsNone({slot})");
        return alternatives.Count == 0 ? check : "(" + string.Join(" || ", alternatives) + " || " + check + ")";
    }
}
