using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// One [PyClass] -> two parts in one file: the user's partial class gains the link to its Python
/// object (and tp_traverse/tp_clear over its PyRef members); a generated class holds the entry
/// points (constructor, attributes, methods, protocol slots) and registers the heap type.
/// </summary>
internal static partial class ClassEmitter
{
    private const string Object = EntryPoint.Object;
    private const string TypeObject = R.PyTypeObject + "*";
    private const string Hidden =
        "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static string Emit(ClassModel c)
    {
        var w = new SourceWriter().Header();
        if (c.IsStruct) EmitStructUserPart(w, c);
        else EmitUserPart(w, c);
        w.Line();
        w.OpenNamespace();
        string cref = c.FullType.Replace("global::", "");
        w.Line($"/// <summary>Python entry points and type registration of <see cref=\"{cref}\"/>.</summary>");
        w.Line(Hidden);
        w.Open($"internal static unsafe class {c.WrapperClass}");
        EmitConstructor(w, c);
        foreach (PropertyModel p in c.Properties) EmitProperty(w, c, p);
        foreach (FunctionModel m in c.Methods)
        {
            w.Line();
            FunctionEmitter.EmitWrapper(w, m);
        }
        foreach (OverloadSetModel set in c.MethodOverloads) EmitOverloadSet(w, set);
        EmitClassAttributeReaders(w, c);
        EmitProtocols(w, c);
        EmitContextManager(w, c);
        EmitReduce(w, c);
        if (c.IsStruct) EmitStructOffsets(w, c);
        EmitRegister(w, c);
        EmitSubclass(w, c);
        w.Close();
        ConverterEmitter.Emit(w, ConverterEmitter.Types(c));
        w.Close();
        return w.ToString();
    }

    /// <summary>
    /// The partial class: IPyClass (its Python object and type) and, when it holds PyRefs, IPyTraverse.
    /// </summary>
    private static void EmitUserPart(SourceWriter w, ClassModel c)
    {
        bool ns = c.Namespace.Length > 0;
        if (ns) w.Open($"namespace {c.Namespace}");
        string interfaces = R.IPyClass + (c.Gc.GeneratesTraverse && c.Gc.Chain != GcChain.Override
            ? ", " + R.IPyTraverse : "");
        w.Open($"unsafe partial class {c.TypeName} : {interfaces}");
        if (c.Python.Base is not null)
        {
            EmitDerivedLink(w);
        }
        else
        {
            w.Line($"private {R.PyObject}* __ndbindgenPythonObject;");
            w.Line();
            w.Line("/// <summary>The Python type of this class, created when the module is imported.</summary>");
            w.Line(Hidden);
            w.Line($"internal static {TypeObject} __NdBindgenPythonType;");
            w.Line();
            w.Open($"{R.PyObject}* {R.IPyClass}.PythonObject");
            w.Line("get => __ndbindgenPythonObject;");
            w.Line("set => __ndbindgenPythonObject = value;");
            w.Close();
            w.Line();
            w.Line($"static {TypeObject} {R.IPyClass}.PythonType => __NdBindgenPythonType;");
            EmitPythonObjectAccessor(w, c);
        }
        if (c.Gc.GeneratesTraverse && c.Gc.Chain != GcChain.Own) EmitChainedTraverse(w, c.Gc);
        else if (c.Gc.GeneratesTraverse) EmitTraverse(w, c.Gc);
        w.Close();
        if (ns) w.Close();
    }

    /// <summary>IPyTraverse: visit every PyRef member (tp_traverse), dispose them (tp_clear).</summary>
    private static void EmitTraverse(SourceWriter w, GcModel gc)
    {
        w.Line();
        w.Open($"int {R.IPyTraverse}.Traverse({R.PyVisit} visit)");
        w.Line("int r;");
        foreach (TraverseMember m in gc.Members)
            EachReference(w, m, item => $"if ((r = visit.Visit({item})) != 0) return r;");
        w.Line("return 0;");
        w.Close();
        w.Line();
        w.Open($"void {R.IPyTraverse}.Clear()");
        foreach (TraverseMember m in gc.Members) EachReference(w, m, item => $"{item}?.Dispose();");
        w.Close();
    }

    private static void EachReference(SourceWriter w, TraverseMember m, System.Func<string, string> statement)
    {
        if (!m.IsSequence)
        {
            w.Line(statement($"this.{m.Name}"));
            return;
        }
        w.Open($"if (this.{m.Name} is {{ }} {m.Name}_)");
        w.Line($"foreach (var item in {m.Name}_) {statement("item")}");
        w.Close();
    }

    /// <summary>
    /// Construction, two entry points sharing one conversion body: tp_new (a (tuple, dict) call,
    /// what Python subclasses go through) and the type's vectorcall (<c>Point(1.0, 2.0)</c> on the
    /// class itself: no argument tuple, no dict; measured 10 ns of a 95 ns construction).
    /// </summary>
    private static void EmitConstructor(SourceWriter w, ClassModel c)
    {
        if (c.Python.Construction != Construction.Constructor) return;   // tp_new from the runtime refuses
        if (c.Constructor.Overloads is { } constructors)
        {
            EmitOverloadedConstructors(w, constructors);
            return;
        }
        var all = c.Constructor.Parameters;
        var ps = all.Where(p => p.IsNamed).ToList();
        var held = all.Where(p => p.IsPythonArgument).ToList();
        bool variadic = held.Any(p => p.IsVariadic);
        bool subclass = HasSubclass(c);
        w.Line($"private static readonly {R.PySignature} s_new = "
            + SignatureText.RuntimeSignature(c.PythonName, all) + ";");
        // *args and **kwargs: what binding left over goes to Construct beside the slots.
        string extra = variadic ? ", in extra" : "";
        EmitNewEntry(w, c, $"New({TypeObject} type, {Object} args, {Object} kwargs)", "type",
            variadic ? $"sig.BindTupleDict(args, kwargs, slots, out {R.PyExtraArgs} extra){extra}"
                : "sig.BindTupleDict(args, kwargs, slots)", ps.Count, subclass);
        EmitNewEntry(w, c, $"NewVectorcall({Object} callable, {Object}* args, nuint nargsf, {Object} kwnames)",
            $"({TypeObject})callable", variadic
                ? $"sig.BindExtra(args, (nint)nargsf, kwnames, slots, out {R.PyExtraArgs} extra){extra}"
                : "sig.Bind(args, (nint)nargsf, kwnames, slots)", ps.Count, subclass);
        w.Line();
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl("
            + "global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        // With a Python-subclass class: the type to make decides which class is constructed.
        w.Open($"private static {c.FullType} Construct({(subclass ? TypeObject + " type, " : "")}{R.PySignature} sig, "
            + $"{Object}* a"
            + (variadic ? $", in {R.PyExtraArgs} extra" : "") + ")");
        // As a function's wrapper: references the constructor does not keep are released when it
        // returns; those it may keep, only if it threw.
        FunctionEmitter.EmitHolding(w, held, afterCall =>
        {
            for (int i = 0; i < ps.Count; i++) FunctionEmitter.EmitParameter(w, ps[i], i);
            foreach (ParameterModel p in held.Where(p => p.IsVariadic)) FunctionEmitter.EmitVariadic(w, p);
            FunctionEmitter.EmitAliasChecks(w, ps);
            string construct = FunctionEmitter.Construction(c.FullType, all.Select(FunctionEmitter.Argument),
                subclass ? SubclassClass(c) : null, "type");
            if (afterCall is null)
            {
                w.Line($"return {construct};");
                return;
            }
            w.Line($"var value = {construct};");
            w.Line(afterCall);
            w.Line("return value;");
        });
        w.Close();
    }

    /// <summary>
    /// Several [PyConstructor]s: the type's vectorcall is the overloads' dispatcher (self is the
    /// type to make); tp_new lays its (tuple, dict) out as a vectorcall's and calls the same one.
    /// </summary>
    private static void EmitOverloadedConstructors(SourceWriter w, OverloadSetModel set)
    {
        EmitOverloadSet(w, set);
        w.Line();
        EntryPoint.Emit(w, Object, $"New({TypeObject} type, {Object} args, {Object} kwargs)", () =>
            w.Line($"return {R.PyOverloads}.NewFromTupleDict(&{set.DispatcherName}, type, args, kwargs);"));
    }

    /// <summary>The overloads' bodies and their dispatcher, the entry point Python calls.</summary>
    private static void EmitOverloadSet(SourceWriter w, OverloadSetModel set)
    {
        foreach (FunctionModel f in set.Overloads)
        {
            w.Line();
            OverloadEmitter.EmitBody(w, f);
        }
        w.Line();
        OverloadEmitter.EmitDispatcher(w, set);
    }

    private static void EmitNewEntry(SourceWriter w, ClassModel c, string signature, string type, string bind,
        int count, bool subclass)
    {
        w.Line();
        EntryPoint.Emit(w, Object, signature, () =>
        {
            FunctionEmitter.EmitSlots(w, System.Math.Max(1, count));
            w.Line($"return {NewOf(c, type, $"Construct({(subclass ? type + ", " : "")}sig, {bind})")};");
        }, prologue: $"{R.PySignature} sig = s_new;", skipLocalsInit: true);
    }

    private static void EmitProperty(SourceWriter w, ClassModel c, PropertyModel p)
    {
        string member = $"{Self(c)}.{FunctionEmitter.Identifier(p.CSharpName)}";
        if (p.Readable && p.MemberCode is null)   // a struct's field CPython reads itself has no getter of ours
        {
            w.Line();
            EntryPoint.Emit(w, Object, $"Get_{p.CSharpName}({Object} self, void* closure)",
                () => FunctionEmitter.EmitCallAndReturn(w, p.Type, member));
        }
        if (!p.Writable) return;

        string field = $"s_set_{p.CSharpName}";
        w.Line();
        w.Line($"private static readonly {R.PySignature} {field} = "
            + $"{R.PySignature}.ForAttribute({SourceWriter.Literal(c.PythonName)}, "
                + $"{SourceWriter.Literal(p.PythonName)});");
        w.Line();
        EntryPoint.Emit(w, "int", $"Set_{p.CSharpName}({Object} self, {Object} value, void* closure)", () =>
        {
            EmitDelete(w, c, p, member);
            w.Line($"{Object}* a = &value;");
            var parameter = new ParameterModel(p.CSharpName, p.PythonName, p.Type, null, null, -1);
            // EmitParameter assigns it
            if (p.Type.OwnsReference) w.Line($"{p.Type.CSharpType} {FunctionEmitter.Local(parameter)} = default!;");
            FunctionEmitter.EmitParameter(w, parameter, 0);
            string local = FunctionEmitter.Local(parameter);
            if (c.Gc.Members.Any(m => m.Name == p.CSharpName && !m.IsSequence))
            {
                // A reference the class owns (it traverses and clears it): the one replaced is released
                // now, as CPython releases an attribute's old value, not whenever .NET finalizes it.
                w.Line($"var old = {member};");
                w.Line($"{member} = {local};");
                w.Line($"if (!global::System.Object.ReferenceEquals(old, {local})) {R.PyRefs}.Release(old);");
            }
            else
            {
                w.Line($"{member} = {local};");
            }
            w.Line("return 0;");
        }, prologue: $"{R.PySignature} sig = {field};");
    }

    private static void EmitRegister(SourceWriter w, ClassModel c)
    {
        const string Vectorcall = "delegate* unmanaged<PyObject*, PyObject**, nuint, PyObject*, PyObject*>";
        w.Line();
        w.Line("/// <summary>Creates the type and adds it to the module (called from PyInit).</summary>");
        w.Open($"internal static void Register({Object} module)");
        w.Line($"{TypeObject} type = {R.PyClassBuilder}.{(c.IsStruct ? "CreateStruct" : "Create")}(module, "
            + $"global::{GeneratedNames.Namespace}.{GeneratedNames.ModuleClass}.Name + \".{Qualified(c.Python)}\",");
        w.Line($"    {SourceWriter.Literal(Docstrings.Class(c.Python))},");
        bool unhashable = c.Protocols.Used.Any(p => SlotTable.Row(p.Dunder).Shape == SlotShape.NoHash);
        if (c.IsStruct)
        {
            w.Line($"    subclassable: {Bool(!c.Sealed)}, unhashable: {Bool(unhashable)}, size: sizeof({c.FullType}),");
        }
        else
        {
            w.Line($"    subclassable: {Bool(!c.Sealed)}, gc: {Bool(c.Gc.Enabled)}, unhashable: {Bool(unhashable)},");
            EmitLineage(w, c.Python);
        }
        // Overloaded constructors: the dispatcher has a method's signature (nargsf an nint, as the bits are the same).
        w.Line(c.Python.Construction != Construction.Constructor ? "    null,"
            : c.Constructor.Overloads is null
            ? $"    ({Vectorcall})&NewVectorcall,"
            : $"    ({Vectorcall})({Fast})&NewVectorcall,");
        w.Line("    [");
        foreach (FunctionModel m in c.Methods)
        {
            w.Line($"        new({SourceWriter.Literal(m.PythonName)}, {SourceWriter.Literal(Docstrings.Function(m))}, "
                + $"({Fast})&{m.WrapperName}, {MethodFlags(m.Kind, m.PythonName)}),");
        }
        foreach (OverloadSetModel set in c.MethodOverloads)
        {
            w.Line($"        new({SourceWriter.Literal(set.PythonName)}, "
                + $"{SourceWriter.Literal(Docstrings.Overloads(set))}, "
                + $"({Fast})&{set.DispatcherName}, {MethodFlags(set.Overloads[0].Kind, set.PythonName)}),");
        }
        EmitContextManagerEntries(w, c);
        if (c.Python.Pickle is not null)
        {
            string doc = c.Python.Pickle.Refusal is null ? Docstrings.Reduce : Docstrings.ReduceRefused;
            w.Line($"        new(\"__reduce__\", {SourceWriter.Literal(doc)}, ({Fast})&Reduce, "
                + $"{MethodFlags(CallKind.Instance)}),");
        }
        w.Line("    ],");
        w.Line("    [");
        foreach (PropertyModel p in c.Properties.Where(p => p.MemberCode is null))
        {
            string setter = p.Writable
                ? $"(delegate* unmanaged<PyObject*, PyObject*, void*, int>)&Set_{p.CSharpName}" : "null";
            string doc = SourceWriter.Literal(DocstringBody.Of(p.Doc));
            string getter = p.Readable
                ? $"(delegate* unmanaged<PyObject*, void*, PyObject*>)&Get_{p.CSharpName}" : "null";
            w.Line($"        new({SourceWriter.Literal(p.PythonName)}, {doc}, {getter}, {setter}),");
        }
        w.Line("    ],");
        if (c.IsStruct) EmitStructMembers(w, c);
        w.Line("    [");
        foreach (var (slot, row) in Slots(c))
            w.Line($"        new({R.PySlot}.{slot}, ({row.Signature})&{row.Function}),");
        w.Line(c.Python.Dict ? "    ], dict: true);" : c.WeakRefs ? "    ]);" : "    ], weakrefs: false);");
        w.Line($"{c.FullType}.__NdBindgenPythonType = type;");
        EmitAddClassAttributes(w, c);
        EmitBindOverrides(w, c);
        w.Close();
    }

    /// <summary>The type's name under the module: "Matrix", or "linalg.Matrix" in a submodule.</summary>
    private static string Qualified(ClassExportModel c) =>
        c.Submodule is null ? c.PythonName : c.Submodule + "." + c.PythonName;

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>The METH_* flags of a method table entry: the one place the generator writes them.</summary>
    private static string MethodFlags(CallKind kind, string? name = null) => R.MethFastcallKeywords + kind switch
    {
        CallKind.Static => " | " + R.MethStatic,
        CallKind.ClassMethod => " | " + R.MethClass,
        _ => "",
    } + (name is not null && SlotTable.DunderMethodRow(name) is { Shape: SlotShape.Call } ? " | " + R.MethCoexist : "");

    /// <summary>tp_new, then every slot of the rows in use, each once.</summary>
    private static IEnumerable<(string Slot, SlotDef Row)> Slots(ClassModel c)
    {
        var seen = new HashSet<string>();
        var construct = c.Python.Construction == Construction.Constructor ? new[] { SlotTable.New } : new SlotDef[0];
        foreach (SlotDef row in construct.Concat(c.Protocols.Used.Select(p => SlotTable.Row(p.Dunder))))
        {
            foreach (string slot in row.Slots)
            {
                if (seen.Add(slot)) yield return (slot, row);
            }
        }
    }

    private static string Self(ClassModel c) => SelfOf(c, "self");
}
