using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// One [PyFunction] -> one vectorcall entry point (METH_FASTCALL | METH_KEYWORDS). The wrapper stays
/// thin: bind arguments (runtime), convert each (runtime), call the user's method, convert the
/// result (runtime), and turn any exception into a Python one.
/// </summary>
internal static class FunctionEmitter
{
    public static string Emit(FunctionModel f)
    {
        var w = new SourceWriter().Header();
        w.OpenNamespace();
        w.Open($"internal static unsafe partial class {GeneratedNames.ModuleClass}");
        EmitWrapper(w, f);
        w.Close();   // class
        ConverterEmitter.Emit(w, ConverterEmitter.Types(f));
        w.Close();   // namespace
        return w.ToString();
    }

    /// <summary>The parameters of a METH_FASTCALL | METH_KEYWORDS entry point.</summary>
    internal const string FastcallParameters = "PyObject* self, PyObject** args, nint nargsf, PyObject* kwnames";

    /// <summary>
    /// Room for <paramref name="count"/> bound arguments: a <c>PyArgSlots</c> local when they fit (a
    /// <c>stackalloc</c> costs every call a stack-cookie check), else a <c>stackalloc</c>.
    /// </summary>
    internal static void EmitSlots(SourceWriter w, int count)
    {
        if (count <= PyArgSlotsCapacity)
        {
            w.Line($"{R.PyArgSlots} slotRoom = new();");
            w.Line($"PyObject** slots = {R.PyArgSlots}.Of(ref slotRoom);");
        }
        else
        {
            w.Line($"PyObject** slots = stackalloc PyObject*[{count}];");
        }
    }

    /// <summary>The runtime's <c>PyArgSlots.Capacity</c>.</summary>
    private const int PyArgSlotsCapacity = 8;

    /// <summary>The signature field and the entry point of one function or method, into an open class.</summary>
    public static void EmitWrapper(SourceWriter w, FunctionModel f)
    {
        string sigField = EmitSignatureField(w, f);
        var ps = f.PythonParameters;
        w.Line();
        string parameters = string.Join(", ", SignatureText.Parameters(f.Parameters, p => p.PythonName,
            p => p.PythonName));
        w.Line($"/// <summary>Python entry point of <see cref=\"{Cref(f)}\"/>: "
            + $"{f.PythonName}({parameters}).</summary>");
        EntryPoint.Emit(w, EntryPoint.Object, $"{f.WrapperName}({FastcallParameters})", () =>
        {
            if (f.VarArgs is not null || f.VarKeywords is not null)
            {
                // *args and **kwargs: what the named parameters leave over, borrowed from the caller.
                EmitSlots(w, System.Math.Max(1, ps.Length));
                w.Line($"PyObject** a = sig.BindExtra(args, nargsf, kwnames, slots, out {R.PyExtraArgs} extra);");
            }
            else if (ps.Length > 0)
            {
                EmitSlots(w, ps.Length);
                w.Line("PyObject** a = sig.Bind(args, nargsf, kwnames, slots);");
            }
            else
            {
                w.Line("sig.Bind(args, nargsf, kwnames, null);");
            }
            if (f.Generic is { } generic) EmitDispatch(w, f, generic);
            else EmitConvertAndCall(w, f);
        }, prologue: $"{R.PySignature} sig = {sigField};", skipLocalsInit: true);
        if (f.Generic is { } g)
        {
            foreach (FunctionModel instance in g.Specializations)
            {
                w.Line();
                w.Line($"/// <summary>{f.PythonName}() for {ConversionElement(instance)} arrays: the arguments bound, "
                    + $"the instantiation <see cref=\"{Cref(f)}\"/> over it.</summary>");
                w.Line("[global::System.Runtime.CompilerServices.SkipLocalsInit]");
                w.Open($"private static PyObject* {instance.WrapperName}(PyObject* self, PyObject** a, "
                    + $"{R.PySignature} sig)");
                EmitConvertAndCall(w, instance);
                w.Close();
            }
        }
    }

    /// <summary>
    /// A generic function's entry: the dtype of the deciding array picks the instantiation; other
    /// arrays of T must have the same dtype; a dtype none admits is a TypeError listing those that are.
    /// </summary>
    private static void EmitDispatch(SourceWriter w, FunctionModel f, GenericModel g)
    {
        const string Arrays = R.Arrays;
        int k = g.DispatchIndex;
        string dtypes = SourceWriter.Literal(GenericNames.DtypeList(g));
        w.Line($"int dtype = {Arrays}.TypeNumber(a[{k}], sig, {k}, {dtypes});");
        if (g.SameDtype.Length == 0)
        {
            foreach (FunctionModel instance in g.Specializations)
                w.Line($"if ({Arrays}.IsDtype<{ConversionElement(instance)}>(dtype)) return "
                    + $"{instance.WrapperName}(self, a, sig);");
            w.Line($"throw {Arrays}.UnsupportedDtype(sig, {k}, a[{k}], {dtypes});");
            return;
        }
        // Several arrays of T: the deciding one's dtype must be accepted before the others are compared with it.
        var instances = g.Specializations.ToList();
        var tests = instances.Select((instance, i) => $"{Arrays}.IsDtype<{ConversionElement(instance)}>(dtype) ? {i}");
        w.Line("int which = " + string.Join(" : ", tests) + " : -1;");
        w.Line($"if (which < 0) throw {Arrays}.UnsupportedDtype(sig, {k}, a[{k}], {dtypes});");
        foreach (int j in g.SameDtype)
        {
            string check = $"{Arrays}.RequireSameDtype(sig, {k}, a[{k}], {j}, a[{j}]);";
            w.Line(f.PythonParameters[j].HasDefault ? $"if (a[{j}] != null) {check}" : check);
        }
        w.Open("switch (which)");
        for (int i = 0; i < instances.Count; i++) w.Line($"case {i}: return {instances[i].WrapperName}(self, a, sig);");
        w.Line($"default: throw new global::System.InvalidOperationException(\"unreachable\");");
        w.Close();
    }

    /// <summary>The element type an instantiation was made for: that of its deciding array parameter.</summary>
    private static string ConversionElement(FunctionModel instance) =>
        instance.PythonParameters[instance.Generic?.DispatchIndex ?? 0].Type.ElementType
        ?? instance.PythonParameters.First(p => p.Type.ElementType is not null).Type.ElementType!;

    /// <summary>The static field describing the function's parameters to the runtime; returns its name.</summary>
    internal static string EmitSignatureField(SourceWriter w, FunctionModel f)
    {
        string sigField = GeneratedNames.SignatureField(f.WrapperName);
        w.Line($"private static readonly {R.PySignature} {sigField} = "
            + SignatureText.RuntimeSignature(f.MessageName, f.Parameters) + ";");
        return sigField;
    }

    /// <summary>
    /// From bound argument slots (<c>a</c>, with <c>sig</c> and <c>self</c> in scope) to the returned
    /// object: convert each argument, call the method, convert the result, release what was borrowed.
    /// </summary>
    internal static void EmitConvertAndCall(SourceWriter w, FunctionModel f)
    {
        var ps = f.PythonParameters;
        var held = f.Parameters.Where(p => p.IsPythonArgument).ToList();
        EmitHolding(w, held, afterCall =>
        {
            for (int i = 0; i < ps.Length; i++) EmitParameter(w, ps[i], i);
            foreach (ParameterModel p in held.Where(p => p.IsVariadic)) EmitVariadic(w, p);
            EmitAliasChecks(w, ps);

            string target = f.Kind != CallKind.Instance ? f.ContainingType
                : f.SelfIsStruct ? $"{R.PyStructInstance}.Get<{f.ContainingType}>(self)"
                : $"{R.PyInstance}.Get<{f.ContainingType}>(self)";
            string arguments = string.Join(", ", f.Parameters.Select(Argument));
            string call = f.Kind == CallKind.Constructor
                ? Construction(f.ContainingType, f.Parameters.Select(Argument), f.Subclass, $"({R.PyTypeObject}*)self")
                : f.Subclass is { } subclass
                    // An overridable method: the C# implementation, not a Python override (super().speak() is here).
                    ? $"{subclass}.{NonVirtual(f.MethodName)}({target}{(arguments.Length > 0 ? ", " : "")}{arguments})"
                : $"{target}.{Identifier(f.MethodName)}({arguments})";
            // A classmethod's result, and a constructor's object, take the type of self (the class or a Python
            // subclass).
            string extra = f.Kind is CallKind.ClassMethod or CallKind.Constructor ? $", ({R.PyTypeObject}*)self" : "";
            EmitCallAndReturn(w, f.Return, call, extra, afterCall);
        });
    }

    /// <summary>
    /// What a call holds while it runs, around <paramref name="body"/> (conversions and the call):
    /// array leases, and references and callbacks, declared before the try so the finally also
    /// releases those converted before a later argument failed. Leases are always released; a
    /// reference the method does not keep, too; one it may keep, only if it threw — the body runs
    /// the statement it is given (or null: nothing may be kept) once the method has returned.
    /// </summary>
    internal static void EmitHolding(SourceWriter w, IReadOnlyList<ParameterModel> ps, System.Action<string?> body)
    {
        var arrays = ps.Where(p => p.Type.HoldsLease).ToList();
        var owned = ps.Where(p => p.Type.OwnsReference).ToList();
        bool anyKept = owned.Any(p => !p.ReleaseAfterCall);
        foreach (ParameterModel p in arrays) w.Line($"scoped {R.ArrayLease} {Lease(p)} = new();");
        foreach (ParameterModel p in owned) w.Line($"{p.CollectionType ?? p.Type.CSharpType} {Local(p)} = default!;");
        if (anyKept) w.Line("bool returned = false;");
        bool guarded = arrays.Count > 0 || owned.Count > 0;
        if (guarded) w.Open("try");
        body(anyKept ? "returned = true;" : null);
        if (!guarded) return;
        w.Close();
        w.Open("finally");
        // Every borrow ends before any lease lets go of its temporary or buffer, which may run Python code.
        var views = arrays.Where(p => p.Type.IsView).ToList();
        if (views.Count > 1)
        {
            foreach (ParameterModel p in Enumerable.Reverse(views)) w.Line($"{Lease(p)}.EndBorrow();");
        }
        foreach (ParameterModel p in Enumerable.Reverse(arrays)) w.Line($"{Lease(p)}.Dispose();");
        foreach (ParameterModel p in Enumerable.Reverse(owned))
        {
            // *args and **kwargs of references: each element, released by the runtime's loop.
            string release = p.IsCollection ? R.VarArgs + ".ReleaseEach" : p.IsVariadic ? R.VarArgs + ".Release"
                : p.Type.Release!;
            w.Line(p.ReleaseAfterCall ? $"{release}({Local(p)});" : $"if (!returned) {release}({Local(p)});");
        }
        w.Close();
    }

    internal static void EmitParameter(SourceWriter w, ParameterModel p, int index)
    {
        TypeModel t = p.Type;
        string slot = $"a[{index}]";
        string local = Local(p);
        // A reference or callback: declared before the guarding try (see EmitWrapper), assigned here.
        string declare = t.OwnsReference ? "" : t.CSharpType + " ";
        string convert = t.HoldsLease
            ? $"{t.FromPython}({slot}, sig, {index}, ref {Lease(p)}{(p.Ndim >= 0 ? ", ndim: " + p.Ndim : "")})"
            : $"{t.FromPython}({slot}, sig, {index})";
        if (t.AcceptsNone)
        {
            string defaultValue = p.HasDefault ? $"{slot} == null ? {p.DefaultCSharp} : " : "";
            // None -> null; a missing optional argument -> its C# default.
            w.Line($"{declare}{local} = {defaultValue}{R.Args}.IsNone({slot}) ? null : {convert};");
        }
        else if (p.HasDefault)
        {
            w.Line($"{declare}{local} = {slot} == null ? {p.DefaultCSharp} : {convert};");
        }
        else
        {
            w.Line($"{declare}{local} = {convert};");
        }
    }

    /// <summary>
    /// *args or **kwargs from the bound <c>extra</c>, each element by its row's FromPython (its errors name the
    /// place: 'args'[2], 'scale'). A span of a few unmanaged elements lives on the stack.
    /// </summary>
    internal static void EmitVariadic(SourceWriter w, ParameterModel p)
    {
        TypeModel t = p.Type;
        string declare = t.OwnsReference ? "" : p.CollectionType + " ";
        string from = ConverterEmitter.VariadicFrom(t);
        string convert = p.Kind == ParameterKind.VarKeywords
            ? $"{R.VarArgs}.{(p.IsReadOnlyDictionary ? "ToReadOnlyDictionary" : "ToDictionary")}<{t.CSharpType}>"
                + $"(in extra, sig, {from})"
            : p.OnStack
                ? $"{R.VarArgs}.ToSpan<{t.CSharpType}>(in extra, sig, {from}, "
                    + $"stackalloc {t.CSharpType}[{StackElements}])"
                : $"{R.VarArgs}.{(p.IsList ? "ToList" : "ToArray")}<{t.CSharpType}>(in extra, sig, {from})";
        w.Line($"{declare}{Local(p)} = {convert};");
    }

    /// <summary>How many *args elements a span parameter takes on the stack before it allocates.</summary>
    internal const int StackElements = 8;

    /// <summary>
    /// A writable view must not share memory with any other array argument of the call (checked
    /// pairwise first, so the message names both arguments); then each view is acquired from the
    /// borrow tracker, which refuses it only for another call's borrow (its lease releases it).
    /// </summary>
    internal static void EmitAliasChecks(SourceWriter w, IReadOnlyList<ParameterModel> ps)
    {
        for (int i = 0; i < ps.Count; i++)
        {
            if (ps[i].Type.Kind != ValueKind.ViewMut) continue;
            for (int j = 0; j < ps.Count; j++)
            {
                if (j == i || !ps[j].Type.IsView) continue;
                if (ps[j].Type.Kind == ValueKind.ViewMut && j < i) continue;   // pair already checked
                w.Line($"{R.Arrays}.CheckNoOverlap(sig, {i}, {Local(ps[i])}, {j}, {Local(ps[j])});");
            }
        }
        for (int i = 0; i < ps.Count; i++)
        {
            if (ps[i].Type.IsView) w.Line($"{R.Arrays}.Acquire(sig, {i}, {Local(ps[i])}, ref {Lease(ps[i])});");
        }
    }

    /// <param name="extra">Extra arguments for the result conversion (a classmethod's cls).</param>
    /// <param name="afterCall">A statement run when the method has returned, before its result is converted.</param>
    internal static void EmitCallAndReturn(SourceWriter w, TypeModel r, string call, string extra = "",
        string? afterCall = null)
    {
        switch (r.Kind)
        {
            case ValueKind.Void:
                w.Line(call + ";");
                if (afterCall is not null) w.Line(afterCall);
                w.Line($"return {R.Args}.None();");
                break;
            case not ValueKind.Void when r.AcceptsNone:
                w.Line($"{r.CSharpType} result = {call};");
                if (afterCall is not null) w.Line(afterCall);
                string value = "result" + (r.IsNullableValueType ? ".Value" : "");
                w.Line($"return result is null ? {R.Args}.None() : {r.ToPython}({value}{extra});");
                break;
            default:
                w.Line($"{r.CSharpType} result = {call};");
                if (afterCall is not null) w.Line(afterCall);
                w.Line($"return {r.ToPython}(result{extra});");
                break;
        }
    }

    /// <summary>
    /// <c>new T(arguments)</c>; with a Python-subclass class, that class when <paramref name="type"/> (the type to
    /// make) is not the class's own (a Python subclass's instances call their overrides from C#).
    /// </summary>
    internal static string Construction(string fullType, IEnumerable<string> arguments, string? subclass, string type)
    {
        string list = string.Join(", ", arguments);
        return subclass is null
            ? $"new {fullType}({list})"
            : $"({type} == {fullType}.__NdBindgenPythonType ? new {fullType}({list}) : new {subclass}({list}))";
    }

    /// <summary>The Python-subclass class's static method calling a method's C# implementation non-virtually.</summary>
    internal static string NonVirtual(string methodName) => "NonVirtual_" + methodName.TrimStart('@');

    internal static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            ? name
            : "@" + name;

    /// <summary>The method with its parameter types, so the cref stays unambiguous beside overloads.</summary>
    internal static string Cref(FunctionModel f)
    {
        // A generic function: its one generic method (the name is unique among exports with one type parameter).
        if (f.Generic is not null) return $"{f.ContainingType}.{f.MethodName}{{T}}";
        string parameters = string.Join(", ", f.Parameters.Select(p =>
        {
            string type = p.CollectionType is { } collection ? collection.TrimEnd('?')
                : p.Type.AcceptsNone && !p.Type.IsNullableValueType ? p.Type.CSharpType.TrimEnd('?')
                : p.Type.CSharpType;
            return CrefType(type).Replace('<', '{').Replace('>', '}');
        }));
        // A constructor's cref is the type's name twice: T.T(int).
        return $"{f.ContainingType}.{Identifier(f.MethodName)}({parameters})";
    }

    /// <summary>A type as a cref writes it: tuple syntax spelled as ValueTuple (seven items and the rest).</summary>
    internal static string CrefType(string type)
    {
        int open = type.IndexOf('(');
        if (open < 0) return type;
        int depth = 0, close = open;
        var items = new List<string>();
        int start = open + 1;
        for (int i = open; i < type.Length; i++)
        {
            char c = type[i];
            if (c is '(' or '<') depth++;
            else if (c is ')' or '>') depth--;
            if (depth == 1 && c == ',' || depth == 0 && c == ')')
            {
                items.Add(CrefType(type.Substring(start, i - start).Trim()));
                start = i + 1;
            }
            if (depth == 0 && c == ')')
            {
                close = i;
                break;
            }
        }
        return type.Substring(0, open) + ValueTuple(items) + CrefType(type.Substring(close + 1));
    }

    private static string ValueTuple(List<string> items) =>
        "global::System.ValueTuple<" + (items.Count <= 7
            ? string.Join(", ", items)
            : string.Join(", ", items.Take(7)) + ", " + ValueTuple(items.Skip(7).ToList())) + ">";

    /// <summary>What the wrapper passes for a parameter: its converted local, or the GIL token.</summary>
    internal static string Argument(ParameterModel p) =>
        p.IsPythonArgument ? Local(p) : R.AssumeGilHeld;

    // Prefixed so no user parameter name can collide with the wrapper's own locals.
    internal static string Local(ParameterModel p) => "arg_" + p.CSharpName.TrimStart('@');

    internal static string Lease(ParameterModel p) => "lease_" + p.CSharpName.TrimStart('@');
}
