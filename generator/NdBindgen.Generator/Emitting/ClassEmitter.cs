using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// One [PyClass] -> two parts in one file: the user's partial class gains the link to its Python
/// object (and tp_traverse/tp_clear over its PyRef members); a generated class holds the entry
/// points (constructor, attributes, methods, protocol slots) and registers the heap type.
/// </summary>
internal static class ClassEmitter
{
    private const string PyObjectFull = "global::NdBindgen.Interop.PyObject";
    private const string Conv = "global::NdBindgen.Conversions.";
    private const string Catch = "catch (global::System.Exception e)";

    public static string Emit(ClassModel c)
    {
        var w = new SourceWriter().Header();
        EmitUserPart(w, c);
        w.Line();
        w.OpenNamespace();
        w.Line($"/// <summary>Python entry points and type registration of <see cref=\"{c.FullType.Replace("global::", "")}\"/>.</summary>");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open($"internal static unsafe class {c.WrapperClass}");
        EmitConstructor(w, c);
        foreach (PropertyModel p in c.Properties) EmitProperty(w, c, p);
        foreach (FunctionModel m in c.Methods)
        {
            w.Line();
            FunctionEmitter.EmitWrapper(w, m);
        }
        foreach (OverloadSetModel set in c.MethodOverloads) EmitOverloadSet(w, set);
        EmitProtocols(w, c);
        EmitRegister(w, c);
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>The partial class: IPyClass (its Python object and type) and, when it holds PyRefs, IPyTraverse.</summary>
    private static void EmitUserPart(SourceWriter w, ClassModel c)
    {
        bool ns = c.Namespace.Length > 0;
        if (ns) w.Open($"namespace {c.Namespace}");
        string interfaces = "global::NdBindgen.Classes.IPyClass" + (c.GeneratesTraverse ? ", " + "global::NdBindgen.IPyTraverse" : "");
        w.Open($"unsafe partial class {c.TypeName} : {interfaces}");
        w.Line($"private {PyObjectFull}* __ndbindgenPythonObject;");
        w.Line();
        w.Line("/// <summary>The Python type of this class, created when the module is imported.</summary>");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Line("internal static global::NdBindgen.Interop.PyTypeObject* __NdBindgenPythonType;");
        w.Line();
        w.Open($"{PyObjectFull}* global::NdBindgen.Classes.IPyClass.PythonObject");
        w.Line("get => __ndbindgenPythonObject;");
        w.Line("set => __ndbindgenPythonObject = value;");
        w.Close();
        w.Line();
        w.Line($"static global::NdBindgen.Interop.PyTypeObject* global::NdBindgen.Classes.IPyClass.PythonType => __NdBindgenPythonType;");
        if (c.GeneratesTraverse)
        {
            w.Line();
            w.Open($"int global::NdBindgen.IPyTraverse.Traverse(global::NdBindgen.PyVisit visit)");
            w.Line("int r;");
            foreach (TraverseMember m in c.TraverseMembers)
            {
                if (m.IsSequence)
                {
                    w.Open($"if (this.{m.Name} is {{ }} {m.Name}_)");
                    w.Line($"foreach (var item in {m.Name}_) if ((r = visit.Visit(item)) != 0) return r;");
                    w.Close();
                }
                else
                {
                    w.Line($"if ((r = visit.Visit(this.{m.Name})) != 0) return r;");
                }
            }
            w.Line("return 0;");
            w.Close();
            w.Line();
            w.Open($"void global::NdBindgen.IPyTraverse.Clear()");
            foreach (TraverseMember m in c.TraverseMembers)
            {
                if (m.IsSequence)
                {
                    w.Open($"if (this.{m.Name} is {{ }} {m.Name}_)");
                    w.Line($"foreach (var item in {m.Name}_) item?.Dispose();");
                    w.Close();
                }
                else
                {
                    w.Line($"this.{m.Name}?.Dispose();");
                }
            }
            w.Close();
        }
        w.Close();
        if (ns) w.Close();
    }

    /// <summary>
    /// Construction, two entry points sharing one conversion body: tp_new (a (tuple, dict) call,
    /// what Python subclasses go through) and the type's vectorcall (<c>Point(1.0, 2.0)</c> on the
    /// class itself: no argument tuple, no dict; measured 10 ns of a 95 ns construction).
    /// </summary>
    private static void EmitConstructor(SourceWriter w, ClassModel c)
    {
        if (c.Constructors is { } constructors)
        {
            EmitOverloadedConstructors(w, constructors);
            return;
        }
        var all = c.ConstructorParameters;
        var ps = all.Where(p => p.IsPythonArgument).ToList();
        string names = ps.Count == 0 ? "global::System.Array.Empty<string>()" : "new[] { " + string.Join(", ", ps.Select(p => SourceWriter.Literal(p.PythonName))) + " }";
        w.Line($"private static readonly global::NdBindgen.Binding.PySignature s_new = new({SourceWriter.Literal(c.PythonName)}, {names}, required: {c.RequiredCount});");
        EmitNewEntry(w, "New(global::NdBindgen.Interop.PyTypeObject* type, PyObject* args, PyObject* kwargs)", "type", "sig.BindTupleDict(args, kwargs, slots)", ps.Count);
        EmitNewEntry(w, "NewVectorcall(PyObject* callable, PyObject** args, nuint nargsf, PyObject* kwnames)", "(global::NdBindgen.Interop.PyTypeObject*)callable", "sig.Bind(args, (nint)nargsf, kwnames, slots)", ps.Count);
        w.Line();
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.Open($"private static {c.FullType} Construct(global::NdBindgen.Binding.PySignature sig, PyObject** a)");
        // As a function's wrapper: references the constructor does not keep are released when it
        // returns; those it may keep, only if it threw.
        FunctionEmitter.EmitHolding(w, ps, afterCall =>
        {
            for (int i = 0; i < ps.Count; i++) FunctionEmitter.EmitParameter(w, ps[i], i);
            string construct = $"new {c.FullType}({string.Join(", ", all.Select(FunctionEmitter.Argument))})";
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
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
        w.Open("private static PyObject* New(global::NdBindgen.Interop.PyTypeObject* type, PyObject* args, PyObject* kwargs)");
        w.Open("try");
        w.Line($"return global::NdBindgen.Binding.PyOverloads.NewFromTupleDict(&{set.DispatcherName}, type, args, kwargs);");
        w.Close();
        w.Open(Catch);
        w.Line("return global::NdBindgen.Core.PyErrors.Raise(e);");
        w.Close();
        w.Close();
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

    private static void EmitNewEntry(SourceWriter w, string signature, string type, string bind, int count)
    {
        w.Line();
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
        w.Line("[global::System.Runtime.CompilerServices.SkipLocalsInit]");
        w.Open("private static PyObject* " + signature);
        w.Line($"global::NdBindgen.Binding.PySignature sig = s_new;");
        w.Open("try");
        w.Line($"PyObject** slots = stackalloc PyObject*[{System.Math.Max(1, count)}];");
        w.Line($"return global::NdBindgen.Classes.PyInstance.New({type}, Construct(sig, {bind}));");
        w.Close();
        w.Open(Catch);
        w.Line("return global::NdBindgen.Core.PyErrors.Raise(e);");
        w.Close();
        w.Close();
    }

    private static void EmitProperty(SourceWriter w, ClassModel c, PropertyModel p)
    {
        w.Line();
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
        w.Open($"private static PyObject* Get_{p.CSharpName}(PyObject* self, void* closure)");
        w.Open("try");
        FunctionEmitter.EmitCallAndReturn(w, p.Type, $"{Self(c)}.{FunctionEmitter.Identifier(p.CSharpName)}");
        w.Close();
        w.Open(Catch);
        w.Line("return global::NdBindgen.Core.PyErrors.Raise(e);");
        w.Close();
        w.Close();
        if (!p.Writable) return;

        w.Line();
        w.Line($"private static readonly global::NdBindgen.Binding.PySignature s_set_{p.CSharpName} = global::NdBindgen.Binding.PySignature.ForAttribute({SourceWriter.Literal(c.PythonName)}, {SourceWriter.Literal(p.PythonName)});");
        w.Line();
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
        w.Open($"private static int Set_{p.CSharpName}(PyObject* self, PyObject* value, void* closure)");
        w.Line($"global::NdBindgen.Binding.PySignature sig = s_set_{p.CSharpName};");
        w.Open("try");
        w.Line($"if (value == null) throw global::NdBindgen.Classes.PyClassErrors.CannotDelete({SourceWriter.Literal(c.PythonName)}, {SourceWriter.Literal(p.PythonName)});");
        w.Line("PyObject** a = &value;");
        var parameter = new ParameterModel(p.CSharpName, p.PythonName, p.Type, null, null, -1);
        if (p.Type.OwnsReference) w.Line($"{p.Type.CSharpType} {FunctionEmitter.Local(parameter)} = default!;");   // EmitParameter assigns it
        FunctionEmitter.EmitParameter(w, parameter, 0);
        string member = $"{Self(c)}.{FunctionEmitter.Identifier(p.CSharpName)}";
        if (c.TraverseMembers.Any(m => m.Name == p.CSharpName && !m.IsSequence))
        {
            // A reference the class owns (it traverses and clears it): the one replaced is released
            // now, as CPython releases an attribute's old value, not whenever .NET finalizes it.
            w.Line($"var old = {member};");
            w.Line($"{member} = arg_{p.CSharpName.TrimStart('@')};");
            w.Line($"if (!global::System.Object.ReferenceEquals(old, arg_{p.CSharpName.TrimStart('@')})) global::NdBindgen.Conversions.PyRefs.Release(old);");
        }
        else
        {
            w.Line($"{member} = arg_{p.CSharpName.TrimStart('@')};");
        }
        w.Line("return 0;");
        w.Close();
        w.Open(Catch);
        w.Line("return global::NdBindgen.Core.PyErrors.RaiseStatus(e);");
        w.Close();
        w.Close();
    }

    private static void EmitProtocols(SourceWriter w, ClassModel c)
    {
        if (c.ReprMethod is not null) EmitUnaryString(w, c, "Repr", c.ReprMethod);
        if (c.StrMethod is not null) EmitUnaryString(w, c, "Str", c.StrMethod);
        if (c.Comparison is not null) EmitRichCompare(w, c, c.Comparison);
        if (c.HashFromGetHashCode)
        {
            w.Line();
            w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
            w.Open("private static nint Hash(PyObject* self)");
            w.Open("try");
            w.Line($"nint hash = {Self(c)}.GetHashCode();");
            w.Line("return hash == -1 ? -2 : hash;   // -1 means \"error\" to CPython");
            w.Close();
            w.Open(Catch);
            w.Line("return global::NdBindgen.Core.PyErrors.RaiseStatus(e);");
            w.Close();
            w.Close();
        }
        foreach (var group in c.Operators.GroupBy(o => o.Slot)) EmitNumberSlot(w, group.Key, group.ToList());
        if (c.IndexerKey is not null && c.IndexerValue is not null) EmitIndexer(w, c);
        if (c.LengthMember is not null)
        {
            w.Line();
            w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
            w.Open("private static nint Length(PyObject* self)");
            w.Open("try");
            w.Line($"long length = {Self(c)}.{c.LengthMember};");
            w.Line($"return length >= 0 ? (nint)length : throw global::NdBindgen.Classes.PyClassErrors.NegativeLength();");
            w.Close();
            w.Open(Catch);
            w.Line("return global::NdBindgen.Core.PyErrors.RaiseStatus(e);");
            w.Close();
            w.Close();
        }
        if (c.IterItem is not null)
        {
            w.Line();
            w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
            w.Open("private static PyObject* Iter(PyObject* self)");
            w.Open("try");
            w.Line($"return global::NdBindgen.Classes.PyIterator.Create({Self(c)}, &IterItem);");
            w.Close();
            w.Open(Catch);
            w.Line("return global::NdBindgen.Core.PyErrors.Raise(e);");
            w.Close();
            w.Close();
            w.Line();
            w.Open("private static PyObject* IterItem(object? item)");
            w.Line($"{c.IterItem.CSharpType} value = ({c.IterItem.CSharpType})item!;");
            w.Line(c.IterItem.AcceptsNone
                ? $"return value is null ? {Conv}Args.None() : {c.IterItem.ToPython}(value{(c.IterItem.IsNullableValueType ? ".Value" : "")});"
                : $"return {c.IterItem.ToPython}(value);");
            w.Close();
        }
    }

    private static void EmitUnaryString(SourceWriter w, ClassModel c, string name, string method)
    {
        w.Line();
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
        w.Open($"private static PyObject* {name}(PyObject* self)");
        w.Open("try");
        w.Line($"return {Conv}Strings.FromString({Self(c)}.{FunctionEmitter.Identifier(method)}() ?? \"\");");
        w.Close();
        w.Open(Catch);
        w.Line("return global::NdBindgen.Core.PyErrors.Raise(e);");
        w.Close();
        w.Close();
    }

    private static void EmitRichCompare(SourceWriter w, ClassModel c, ComparisonModel cmp)
    {
        w.Line();
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
        w.Open("private static PyObject* RichCompare(PyObject* a, PyObject* b, int op)");
        w.Open("try");
        w.Line($"if (!global::NdBindgen.Classes.PyInstance.TryGet<{c.FullType}>(a, out var left) || !global::NdBindgen.Classes.PyInstance.TryGet<{c.FullType}>(b, out var right))");
        w.Line($"    return {Conv}Args.NotImplemented();");
        w.Open("bool? result = op switch");
        if (cmp.EqualsExpression is not null)
        {
            w.Line($"global::NdBindgen.Interop.PySlot.Py_EQ => {cmp.EqualsExpression},");
            w.Line($"global::NdBindgen.Interop.PySlot.Py_NE => !({cmp.EqualsExpression}),");
        }
        if (cmp.CompareExpression is not null)
        {
            w.Line($"global::NdBindgen.Interop.PySlot.Py_LT => {cmp.CompareExpression} < 0,");
            w.Line($"global::NdBindgen.Interop.PySlot.Py_LE => {cmp.CompareExpression} <= 0,");
            w.Line($"global::NdBindgen.Interop.PySlot.Py_GT => {cmp.CompareExpression} > 0,");
            w.Line($"global::NdBindgen.Interop.PySlot.Py_GE => {cmp.CompareExpression} >= 0,");
        }
        else if (cmp.HasOrderingOperators)
        {
            w.Line("global::NdBindgen.Interop.PySlot.Py_LT => left < right,");
            w.Line("global::NdBindgen.Interop.PySlot.Py_LE => left <= right,");
            w.Line("global::NdBindgen.Interop.PySlot.Py_GT => left > right,");
            w.Line("global::NdBindgen.Interop.PySlot.Py_GE => left >= right,");
        }
        w.Line("_ => null,");
        w.Close(";");
        w.Line($"return result is bool r ? {Conv}Bools.FromBool(r) : {Conv}Args.NotImplemented();");
        w.Close();
        w.Open(Catch);
        w.Line("return global::NdBindgen.Core.PyErrors.Raise(e);");
        w.Close();
        w.Close();
    }

    /// <summary>A number slot tries each C# overload in declaration order; none fitting is NotImplemented (Python then tries the other operand).</summary>
    private static void EmitNumberSlot(SourceWriter w, string slot, List<OperatorModel> overloads)
    {
        bool unary = overloads[0].Right is null;
        w.Line();
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
        w.Open(unary ? $"private static PyObject* {Slot(slot)}(PyObject* a)" : $"private static PyObject* {Slot(slot)}(PyObject* a, PyObject* b)");
        w.Open("try");
        int i = 0;
        foreach (OperatorModel o in overloads)
        {
            string test = Test(o.Left, "a", $"l{i}") + (o.Right is null ? "" : " && " + Test(o.Right, "b", $"r{i}"));
            string expression = o.Right is null ? $"{o.Token}l{i}" : $"l{i} {o.Token} r{i}";
            w.Open($"if ({test})");
            FunctionEmitter.EmitCallAndReturn(w, o.Result, expression);
            w.Close();
            i++;
        }
        w.Line($"return {Conv}Args.NotImplemented();");
        w.Close();
        w.Open(Catch);
        w.Line("return global::NdBindgen.Core.PyErrors.Raise(e);");
        w.Close();
        w.Close();
    }

    private static string Test(TypeModel t, string operand, string local) => t.Kind == ValueKind.Instance
        ? $"global::NdBindgen.Classes.PyInstance.TryGet<{t.CSharpType}>({operand}, out var {local})"
        : t.CSharpType switch
        {
            "double" => $"{Conv}Floats.TryToDouble({operand}, out double {local})",
            "long" => $"{Conv}Ints.TryToInt64({operand}, out long {local})",
            _ => $"{Conv}Ints.TryToInt32({operand}, out int {local})",
        };

    private static void EmitIndexer(SourceWriter w, ClassModel c)
    {
        TypeModel key = c.IndexerKey!, value = c.IndexerValue!;
        w.Line();
        w.Line($"private static readonly global::NdBindgen.Binding.PySignature s_getitem = new(\"{c.PythonName}.__getitem__\", new[] {{ \"index\" }}, required: 1);");
        w.Line();
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
        w.Open("private static PyObject* GetItem(PyObject* self, PyObject* key)");
        w.Line($"global::NdBindgen.Binding.PySignature sig = s_getitem;");
        w.Open("try");
        w.Line($"{key.CSharpType} index = {key.FromPython}(key, sig, 0);");
        FunctionEmitter.EmitCallAndReturn(w, value, $"{Self(c)}[index]");
        w.Close();
        w.Open(Catch);
        w.Line($"return global::NdBindgen.Core.PyErrors.Raise(global::NdBindgen.Classes.PyClassErrors.FromIndexer(e));");
        w.Close();
        w.Close();
        if (!c.IndexerSettable) return;   // no mp_ass_subscript: Python says the type does not support item assignment
        w.Line();
        w.Line($"private static readonly global::NdBindgen.Binding.PySignature s_setitem = new(\"{c.PythonName}.__setitem__\", new[] {{ \"index\", \"value\" }}, required: 2);");
        w.Line();
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly]");
        w.Open("private static int SetItem(PyObject* self, PyObject* key, PyObject* value)");
        w.Line($"global::NdBindgen.Binding.PySignature sig = s_setitem;");
        w.Open("try");
        w.Line($"if (value == null) throw global::NdBindgen.Classes.PyClassErrors.CannotDeleteItems({SourceWriter.Literal(c.PythonName)});");
        w.Line("PyObject** a = stackalloc PyObject*[2];");
        w.Line("a[0] = key;");
        w.Line("a[1] = value;");
        w.Line($"{key.CSharpType} index = {key.FromPython}(a[0], sig, 0);");
        FunctionEmitter.EmitParameter(w, new ParameterModel("item", "value", value, null, null, -1), 1);
        w.Line($"{Self(c)}[index] = arg_item;");
        w.Line("return 0;");
        w.Close();
        w.Open(Catch);
        w.Line($"return global::NdBindgen.Core.PyErrors.RaiseStatus(global::NdBindgen.Classes.PyClassErrors.FromIndexer(e));");
        w.Close();
        w.Close();
    }

    private static void EmitRegister(SourceWriter w, ClassModel c)
    {
        const string Fast = "delegate* unmanaged<PyObject*, PyObject**, nint, PyObject*, PyObject*>";
        w.Line();
        w.Line("/// <summary>Creates the type and adds it to the module (called from PyInit).</summary>");
        w.Open("internal static void Register(PyObject* module)");
        w.Line($"global::NdBindgen.Interop.PyTypeObject* type = global::NdBindgen.Classes.PyClassBuilder.Create(module, global::NdBindgen.Generated.PythonModule.Name + \".{c.PythonName}\",");
        w.Line($"    {SourceWriter.Literal(c.Doc)},");
        w.Line($"    subclassable: {(c.Sealed ? "false" : "true")}, gc: {(c.Gc ? "true" : "false")}, unhashable: {(c.Unhashable ? "true" : "false")},");
        // Overloaded constructors: the dispatcher has a method's signature (nargsf an nint, as the bits are the same).
        w.Line(c.Constructors is null
            ? "    (delegate* unmanaged<PyObject*, PyObject**, nuint, PyObject*, PyObject*>)&NewVectorcall,"
            : $"    (delegate* unmanaged<PyObject*, PyObject**, nuint, PyObject*, PyObject*>)({Fast})&NewVectorcall,");
        w.Line("    [");
        foreach (FunctionModel m in c.Methods)
            w.Line($"        new({SourceWriter.Literal(m.PythonName)}, {SourceWriter.Literal(ModuleEmitter.Docstring(m))}, ({Fast})&{m.WrapperName}, {MethodFlags(m.Kind)}),");
        foreach (OverloadSetModel set in c.MethodOverloads)
            w.Line($"        new({SourceWriter.Literal(set.PythonName)}, {SourceWriter.Literal(OverloadEmitter.Docstring(set))}, ({Fast})&{set.DispatcherName}, {MethodFlags(set.Overloads[0].Kind)}),");
        w.Line("    ],");
        w.Line("    [");
        foreach (PropertyModel p in c.Properties)
        {
            string setter = p.Writable ? $"(delegate* unmanaged<PyObject*, PyObject*, void*, int>)&Set_{p.CSharpName}" : "null";
            w.Line($"        new({SourceWriter.Literal(p.PythonName)}, {SourceWriter.Literal(p.Doc)}, (delegate* unmanaged<PyObject*, void*, PyObject*>)&Get_{p.CSharpName}, {setter}),");
        }
        w.Line("    ],");
        w.Line("    [");
        foreach (var (slot, function, signature) in Slots(c))
            w.Line($"        new(global::NdBindgen.Interop.PySlot.{slot}, ({signature})&{function}),");
        w.Line("    ]);");
        w.Line($"{c.FullType}.__NdBindgenPythonType = type;");
        w.Close();
    }

    private static string MethodFlags(CallKind kind) =>
        "global::NdBindgen.Interop.PyConst.METH_FASTCALL | global::NdBindgen.Interop.PyConst.METH_KEYWORDS" + kind switch
        {
            CallKind.Static => " | global::NdBindgen.Interop.PyConst.METH_STATIC",
            CallKind.ClassMethod => " | global::NdBindgen.Interop.PyConst.METH_CLASS",
            _ => "",
        };

    private static IEnumerable<(string Slot, string Function, string Signature)> Slots(ClassModel c)
    {
        const string Unary = "delegate* unmanaged<PyObject*, PyObject*>";
        const string Binary = "delegate* unmanaged<PyObject*, PyObject*, PyObject*>";
        yield return ("tp_new", "New", "delegate* unmanaged<global::NdBindgen.Interop.PyTypeObject*, PyObject*, PyObject*, PyObject*>");
        if (c.ReprMethod is not null) yield return ("tp_repr", "Repr", Unary);
        if (c.StrMethod is not null) yield return ("tp_str", "Str", Unary);
        if (c.Comparison is not null) yield return ("tp_richcompare", "RichCompare", "delegate* unmanaged<PyObject*, PyObject*, int, PyObject*>");
        if (c.HashFromGetHashCode) yield return ("tp_hash", "Hash", "delegate* unmanaged<PyObject*, nint>");
        foreach (string slot in c.Operators.Select(o => o.Slot).Distinct())
            yield return (slot, Slot(slot), slot == "nb_negative" ? Unary : Binary);
        if (c.IndexerKey is not null && c.IndexerValue is not null)
        {
            yield return ("mp_subscript", "GetItem", Binary);
            if (c.IndexerSettable) yield return ("mp_ass_subscript", "SetItem", "delegate* unmanaged<PyObject*, PyObject*, PyObject*, int>");
        }
        if (c.LengthMember is not null)
        {
            yield return ("mp_length", "Length", "delegate* unmanaged<PyObject*, nint>");
            yield return ("sq_length", "Length", "delegate* unmanaged<PyObject*, nint>");
        }
        if (c.IterItem is not null) yield return ("tp_iter", "Iter", Unary);
    }

    private static string Slot(string slot) => slot switch
    {
        "nb_add" => "Add",
        "nb_subtract" => "Subtract",
        "nb_multiply" => "Multiply",
        "nb_true_divide" => "Divide",
        _ => "Negative",
    };

    private static string Self(ClassModel c) => $"global::NdBindgen.Classes.PyInstance.Get<{c.FullType}>(self)";
}
