using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// Containers, iterators, callables and context managers: __getitem__/__setitem__/__delitem__ over indexers of
/// every key kind, __contains__, an own __next__, tp_call over a [PyMethod("__call__")], and a generated with.
/// </summary>
internal static partial class ClassEmitter
{
    private const string Fast = "delegate* unmanaged<PyObject*, PyObject**, nint, PyObject*, PyObject*>";

    /// <summary>len(self) as a C# expression over <c>target</c>, or null when the class has no length.</summary>
    private static string? LengthOf(ClassModel c) =>
        c.Protocols.Member("__len__") is { } m
            ? $"target.{FunctionEmitter.Identifier(m)}{(c.Protocols.Container.LengthIsMethod ? "()" : "")}"
            : null;

    /// <summary>mp_subscript: the key goes to the indexer of its kind (<see cref="EmitDispatch"/>).</summary>
    private static void EmitGetItem(SourceWriter w, ClassModel c, SlotDef row)
    {
        var indexers = c.Protocols.Container.Indexers.ToList();
        w.Line($"private static readonly {R.PySignature} s_getitem = "
            + $"new(\"{c.PythonName}.__getitem__\", new[] {{ \"{KeyName(indexers)}\" }}, required: 1);");
        w.Line();
        EntryPoint.Emit(w, Object, $"{row.Function}({Object} self, {Object} key)", () =>
        {
            w.Line($"{c.FullType} target = {Self(c)};");
            EmitDispatch(w, c, indexers, (ix, k) => EmitKeyed(w, ix.Kind, () =>
                FunctionEmitter.EmitCallAndReturn(w, ix.Value, $"target[{k}]")));
        }, prologue: $"{R.PySignature} sig = s_getitem;", translate: R.PyClassErrors + ".FromIndexer");
    }

    /// <summary>
    /// mp_ass_subscript: a value goes to a settable indexer; NULL (del obj[key]) to [PyMethod("__delitem__")]
    /// (without one, Python's TypeError that the type does not support item deletion).
    /// </summary>
    private static void EmitAssignItem(SourceWriter w, ClassModel c)
    {
        var settable = c.Protocols.Container.Indexers.Where(i => i.Settable).ToList();
        MemberCallModel? delete = c.Protocols.Container.Delete;
        w.Line($"private static readonly {R.PySignature} s_setitem = new(\"{c.PythonName}.__setitem__\", "
            + $"new[] {{ \"{KeyName(settable)}\", \"value\" }}, required: 2);");
        w.Line();
        EntryPoint.Emit(w, "int", $"SetItem({Object} self, {Object} key, {Object} value)", () =>
        {
            w.Line($"{c.FullType} target = {Self(c)};");
            w.Open("if (value == null)");
            if (delete is null)
            {
                w.Line($"throw {R.PyClassErrors}.CannotDeleteItems({SourceWriter.Literal(c.PythonName)});");
            }
            else
            {
                EmitKey(w, c, delete.Key, delete.Type, "d");
                EmitKeyed(w, delete.Key, () => w.Line($"target.{FunctionEmitter.Identifier(delete.Method)}(d);"));
                w.Line("return 0;");
            }
            w.Close();
            if (settable.Count == 0)
            {
                w.Line($"throw {R.PyContainers}.CannotAssignItems({SourceWriter.Literal(c.PythonName)});");
                return;
            }
            w.Line($"{Object}* a = stackalloc {Object}[2];");
            w.Line("a[0] = key;");
            w.Line("a[1] = value;");
            EmitDispatch(w, c, settable, (ix, k) =>
            {
                var parameter = new ParameterModel("item", "value", ix.Value, null, null, -1);
                if (ix.Value.OwnsReference)
                    w.Line($"{ix.Value.CSharpType} {FunctionEmitter.Local(parameter)} = default!;");
                FunctionEmitter.EmitParameter(w, parameter, 1);
                w.Line($"target[{k}] = {FunctionEmitter.Local(parameter)};");
                w.Line("return 0;");
            });
        }, prologue: $"{R.PySignature} sig = s_setitem;", translate: R.PyClassErrors + ".FromIndexer");
    }

    /// <summary>"index" for sequences, "key" for mappings (the name a conversion error shows).</summary>
    private static string KeyName(IReadOnlyList<IndexerModel> indexers) =>
        indexers.Any(i => i.Kind == IndexKey.Key) ? "key" : "index";

    /// <summary>
    /// The indexer a key goes to: a slice to the slice one; else the only other one, or (several) the first whose key
    /// type the key is exactly, then the first it converts to (the runtime's non-raising ArgMatches); else TypeError.
    /// <paramref name="body"/> uses the converted key (its local's name) and returns.
    /// </summary>
    private static void EmitDispatch(SourceWriter w, ClassModel c, IReadOnlyList<IndexerModel> indexers,
        System.Action<IndexerModel, string> body)
    {
        IndexerModel? slice = indexers.FirstOrDefault(i => i.Kind is IndexKey.Slice or IndexKey.Range);
        var others = indexers.Where(i => i != slice).ToList();
        if (slice is not null)
        {
            w.Open($"if ({R.PyContainers}.IsSlice(key))");
            EmitKey(w, c, slice.Kind, slice.Key, "s");
            body(slice, "s");
            w.Close();
        }
        if (others.Count == 0)
        {
            w.Line($"throw {R.PyContainers}.BadKey({SourceWriter.Literal(c.PythonName)}, \"slices\", key);");
            return;
        }
        if (others.Count == 1)
        {
            // One key type: its conversion's own error says what was wrong with the key.
            if (slice is not null) w.Open("else");
            EmitKey(w, c, others[0].Kind, others[0].Key, "k");
            body(others[0], "k");
            if (slice is not null) w.Close();
            return;
        }
        for (int i = 0; i < others.Count; i++) w.Line($"{R.ArgMatch} m{i} = {others[i].Key.MatchPython}(key);");
        string pick = string.Join(" : ", others.Select((_, i) => $"m{i} == {R.ArgMatch}.Exact ? {i}")
            .Concat(others.Select((_, i) => $"m{i} != {R.ArgMatch}.No ? {i}"))) + " : -1";
        w.Line($"int pick = {pick};");
        for (int i = 0; i < others.Count; i++)
        {
            w.Open($"if (pick == {i})");
            EmitKey(w, c, others[i].Kind, others[i].Key, "k" + i);
            body(others[i], "k" + i);
            w.Close();
        }
        string kinds = string.Join(" or ", indexers.Select(i => i.Kind switch
        {
            IndexKey.Index => "integers",
            IndexKey.Slice or IndexKey.Range => "slices",
            _ => StubEmitter.Annotation(i.Key),
        }).Distinct());
        w.Line($"throw {R.PyContainers}.BadKey({SourceWriter.Literal(c.PythonName)}, {SourceWriter.Literal(kinds)}, "
            + "key);");
    }

    /// <summary>Declares <paramref name="local"/>: the key converted for an indexer of its kind.</summary>
    private static void EmitKey(SourceWriter w, ClassModel c, IndexKey kind, TypeModel key, string local)
    {
        string? length = LengthOf(c);
        switch (kind)
        {
            case IndexKey.Slice:
                w.Line($"{key.CSharpType} {local} = {R.PyContainers}.ToSlice(key);");
                break;
            case IndexKey.Range:
                w.Line($"{key.CSharpType} {local} = {R.PyContainers}.ToRange(key, {length ?? "-1"}, "
                    + $"{SourceWriter.Literal(c.PythonName)});");
                break;
            default:
                w.Line(key.AcceptsNone
                    ? $"{key.CSharpType} {local} = {R.Args}.IsNone(key) ? null : {key.FromPython}(key, sig, 0);"
                    : $"{key.CSharpType} {local} = {key.FromPython}(key, sig, 0);");
                // As Python's sequences: a negative index counts from the end (without a length, the indexer
                // receives it as it is).
                if (kind == IndexKey.Index && length is not null)
                    w.Line($"if ({local} < 0) {local} += ({key.CSharpType}){length};");
                break;
        }
    }

    /// <summary>A mapping's call: KeyNotFoundException is KeyError(key), as a dict raises it.</summary>
    private static void EmitKeyed(SourceWriter w, IndexKey kind, System.Action call)
    {
        if (kind != IndexKey.Key)
        {
            call();
            return;
        }
        w.Open("try");
        call();
        w.Close();
        w.Open("catch (global::System.Collections.Generic.KeyNotFoundException)");
        w.Line($"throw {R.PyContainers}.KeyError(key);");
        w.Close();
    }

    /// <summary>sq_contains: an item that does not convert to T is not contained ("a" in [1] is False).</summary>
    private static void EmitContains(SourceWriter w, ClassModel c, SlotDef row, MemberCallModel contains)
    {
        w.Line($"private static readonly {R.PySignature} s_contains = "
            + $"new(\"{c.PythonName}.__contains__\", new[] {{ \"item\" }}, required: 1);");
        w.Line();
        EntryPoint.Emit(w, "int", $"{row.Function}({Object} self, {Object} key)", () =>
        {
            w.Line($"if ({contains.Type.MatchPython}(key) == {R.ArgMatch}.No) return 0;");
            EmitKey(w, c, IndexKey.Key, contains.Type, "item");
            string target = contains.Via is null ? Self(c) : $"(({contains.Via}){Self(c)})";
            w.Line($"return {target}.{FunctionEmitter.Identifier(contains.Method)}(item) ? 1 : 0;");
        }, prologue: $"{R.PySignature} sig = s_contains;");
    }

    /// <summary>tp_iternext over [PyMethod("__next__")]: PyStopIteration ends the iteration (with its value).</summary>
    private static void EmitNext(SourceWriter w, ClassModel c, SlotDef row, MemberCallModel next)
    {
        EntryPoint.Emit(w, Object, $"{row.Function}({Object} self)", () =>
        {
            w.Open("try");
            FunctionEmitter.EmitCallAndReturn(w, next.Type, $"{Self(c)}.{FunctionEmitter.Identifier(next.Method)}()");
            w.Close();
            w.Open($"catch ({R.PyStopIteration} stop)");
            w.Line($"return {R.PyContainers}.Stop(stop);");
            w.Close();
        });
    }

    /// <summary>tp_iter of an object that is its own iterator (it has __next__): the object itself.</summary>
    private static void EmitIterSelf(SourceWriter w, SlotDef row) =>
        EntryPoint.Emit(w, Object, $"{row.Function}({Object} self)",
            () => w.Line($"return {R.PyContainers}.Self(self);"));

    /// <summary>tp_call: obj(...) reaches the entry point (or overloads' dispatcher) obj.__call__(...) does.</summary>
    private static void EmitCall(SourceWriter w, ClassModel c, SlotDef row)
    {
        string method = c.Methods.FirstOrDefault(m => m.PythonName == "__call__")?.WrapperName
            ?? c.MethodOverloads.First(s => s.PythonName == "__call__").DispatcherName;
        EntryPoint.Emit(w, Object, $"{row.Function}({Object} self, {Object} args, {Object} kwargs)", () =>
            w.Line($"return {R.PyOverloads}.CallFromTupleDict(({Fast})&{method}, self, args, kwargs);"));
    }

    /// <summary>__enter__ and __exit__ of an IDisposable [PyClass(ContextManager = true)].</summary>
    private static void EmitContextManager(SourceWriter w, ClassModel c)
    {
        if (!c.Protocols.Container.Disposable) return;
        string name = SourceWriter.Literal(c.PythonName);
        w.Line();
        EntryPoint.Emit(w, Object, $"Enter({Object} self, {Object}* args, nint nargs, {Object} kwnames)", () =>
            w.Line($"return {R.PyContainers}.Enter(self, nargs, kwnames, {name});"));
        w.Line();
        EntryPoint.Emit(w, Object, $"Exit({Object} self, {Object}* args, nint nargs, {Object} kwnames)", () =>
        {
            w.Line($"{R.PyContainers}.CheckExit(nargs, kwnames, {name});");
            w.Line($"(({SystemIDisposable}){Self(c)}).Dispose();");
            w.Line($"return {R.Bools}.FromBool(false);   // False: an exception raised in the with block propagates");
        });
    }

    private const string SystemIDisposable = "global::System.IDisposable";

    /// <summary>The method table's entries of a generated with.</summary>
    private static void EmitContextManagerEntries(SourceWriter w, ClassModel c)
    {
        if (!c.Protocols.Container.Disposable) return;
        w.Line($"        new(\"__enter__\", \"__enter__($self, /)\\n--\\n\\nReturns the object itself.\", "
            + $"({Fast})&Enter, {MethodFlags(CallKind.Instance)}),");
        w.Line($"        new(\"__exit__\", \"__exit__($self, exc_type, exc_value, traceback, /)\\n--\\n\\n"
            + "Calls Dispose(); returns False, so an exception raised in the with block propagates.\", "
            + $"({Fast})&Exit, {MethodFlags(CallKind.Instance)}),");
    }
}
