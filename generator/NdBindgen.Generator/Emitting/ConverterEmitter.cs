using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// The converter structs a file's containers and callbacks need, as file-local types after its class: per
/// element type, one forwarding to the element's own row (None &lt;-&gt; null for T?), and per C#
/// tuple type, one converting it item by item. File-local, so two files can each have theirs.
/// </summary>
internal static class ConverterEmitter
{
    private const string Inline =
        "[global::System.Runtime.CompilerServices.MethodImpl("
        + "global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    /// <summary>Every type a function converts: its parameters and result, and those of its instantiations.</summary>
    public static IEnumerable<TypeModel> Types(FunctionModel f) =>
        f.Parameters.Select(Type).Append(f.Return)
            .Concat(f.Generic is { } g ? g.Specializations.SelectMany(Types) : Enumerable.Empty<TypeModel>());

    /// <summary>Every type a class converts: constructor, attributes, methods and protocols.</summary>
    public static IEnumerable<TypeModel> Types(ClassModel c)
    {
        ProtocolsModel protocols = c.Protocols;
        var functions = c.Methods.Concat(c.MethodOverloads.SelectMany(s => s.Overloads))
            .Concat(c.Constructor.Overloads?.Overloads ?? Enumerable.Empty<FunctionModel>());
        var operators = protocols.Operators.SelectMany(o => o.Right is { } right
            ? new[] { o.Left, right, o.Result } : new[] { o.Left, o.Result });
        var indexer = protocols.Indexer is { } i ? new[] { i.Key, i.Value } : new TypeModel[0];
        return c.Constructor.Parameters.Select(Type)
            .Concat(c.Properties.Select(p => p.Type))
            .Concat(c.Python.ClassAttributes.Select(a => a.Type))
            .Concat(functions.SelectMany(Types))
            .Concat(operators)
            .Concat(indexer)
            .Concat(protocols.IterItem is { } item ? new[] { item } : new TypeModel[0])
            .Concat(c.Overrides.Select(Overridden));
    }

    /// <summary>
    /// An overridden method's arguments and result, converted as a callback's are: a callback-like type whose
    /// elements they are, so their converters are written.
    /// </summary>
    private static TypeModel Overridden(OverrideModel o) => new(ValueKind.Callback, "", "")
    {
        Elements = new EquatableArray<TypeModel>(System.Collections.Immutable.ImmutableArray.CreateRange(
            o.Parameters.Where(p => p.Type is not null).Select(p => p.Type!).Append(o.Result))),
    };

    /// <summary>
    /// A parameter's type; *args or **kwargs of T? as the collection of its elements it is, whose None-aware
    /// converter converts each (<see cref="VariadicFrom"/>).
    /// </summary>
    private static TypeModel Type(ParameterModel p) => p.IsVariadic && p.Type.AcceptsNone
        ? new TypeModel(ValueKind.Container, p.CollectionType!, p.Type.PythonType)
        {
            Elements = new EquatableArray<TypeModel>(System.Collections.Immutable.ImmutableArray.Create(p.Type)),
        }
        : p.Type;

    /// <summary>
    /// The element conversion of *args or **kwargs: the row's FromPython, or for T? the element converter's (None
    /// -> null), as a function pointer for the runtime's VarArgs.
    /// </summary>
    public static string VariadicFrom(TypeModel element) => element.AcceptsNone
        ? $"&{ConverterNames.Qualified(ConverterNames.Element(element.CSharpType))}.FromPython"
        : $"&{element.FromPython}";

    /// <summary>Writes the converters <paramref name="types"/> need (nothing when none is a container).</summary>
    public static void Emit(SourceWriter w, IEnumerable<TypeModel> types)
    {
        var needed = new SortedDictionary<string, (TypeModel Type, bool Tuple)>(System.StringComparer.Ordinal);
        foreach (TypeModel t in types) Collect(t, needed);
        foreach (var (name, (type, tuple)) in needed.Select(kv => (kv.Key, kv.Value)))
        {
            w.Line();
            if (tuple) EmitTuple(w, name, type);
            else EmitElement(w, name, type);
        }
    }

    // A callback converts its arguments and result as a container its elements (an Action's Void result: nothing).
    private static void Collect(TypeModel t, SortedDictionary<string, (TypeModel, bool)> needed)
    {
        if (t.Kind is not (ValueKind.Container or ValueKind.Callback)) return;
        if (t.IsTuple)
        {
            string csharp = t.IsNullableValueType ? t.CSharpType.TrimEnd('?') : t.CSharpType;
            needed[ConverterNames.Tuple(csharp)] = (t with { CSharpType = csharp }, true);
        }
        foreach (TypeModel e in t.Elements.Where(e => e.Kind != ValueKind.Void))
        {
            needed[ConverterNames.Element(e.CSharpType)] = (e, false);
            Collect(e, needed);
        }
    }

    private static string Interface(string csharp) => $"{R.IPyConverter}<{csharp}>";

    /// <summary>An element converter: the element's row, with None &lt;-&gt; null for T?.</summary>
    private static void EmitElement(SourceWriter w, string name, TypeModel e)
    {
        string python = SourceWriter.Literal(e.AcceptsNone ? e.PythonType + " | None" : e.PythonType);
        w.Line($"/// <summary>Elements of type {Xml(e.CSharpType)}: converted by their own row.</summary>");
        w.Open($"file unsafe struct {name} : {Interface(e.CSharpType)}");
        w.Line($"public static string PythonType => {python};");
        w.Line();
        w.Line(Inline);
        string from = e.FromPython is null ? Unsupported("from")
            : e.AcceptsNone ? $"{R.Args}.IsNone(o) ? null : {e.FromPython}(o, sig, index)"
            : $"{e.FromPython}(o, sig, index)";
        w.Line($"public static {e.CSharpType} FromPython(PyObject* o, {R.PySignature} sig, int index) => {from};");
        w.Line();
        w.Line(Inline);
        string value = e.IsNullableValueType ? "value.Value" : "value";
        string to = e.ToPython is null ? Unsupported("to")
            : e.AcceptsNone ? $"value is null ? {R.Args}.None() : {e.ToPython}({value})"
            : $"{e.ToPython}(value)";
        w.Line($"public static PyObject* ToPython({e.CSharpType} value) => {to};");
        w.Close();
    }

    /// <summary>A tuple converter: a tuple of the length, each item by its element converter.</summary>
    private static void EmitTuple(SourceWriter w, string name, TypeModel t)
    {
        var items = t.Elements.Select((e, i) =>
            (e.CSharpType, Converter: ConverterNames.Element(e.CSharpType), Index: i)).ToList();
        string python = SourceWriter.Literal(t.PythonType);
        w.Line($"/// <summary>The tuple {Xml(t.CSharpType)}: a Python tuple of {items.Count}, item by item.</summary>");
        w.Open($"file unsafe struct {name} : {Interface(t.CSharpType)}");
        w.Line($"public static string PythonType => {python};");
        w.Line();
        w.Open($"public static {t.CSharpType} FromPython(PyObject* o, {R.PySignature} sig, int index)");
        if (t.Elements.All(e => e.FromPython is not null))
        {
            w.Line($"PyObject* tuple = {R.Tuples}.Begin(o, {items.Count}, PythonType, sig, index);");
            w.Open("try");
            w.Line("return (");
            for (int i = 0; i < items.Count; i++)
                w.Line($"    {R.Tuples}.Item<{items[i].CSharpType}, {items[i].Converter}>(tuple, {i}, sig, index)"
                    + (i < items.Count - 1 ? "," : ");"));
            w.Close();
            w.Open("finally");
            w.Line($"{R.Tuples}.End(tuple);");
            w.Close();
        }
        else
        {
            w.Line(Unsupported("from") + ";");
        }
        w.Close();
        w.Line();
        w.Open($"public static PyObject* ToPython({t.CSharpType} value)");
        if (t.Elements.All(e => e.ToPython is not null))
        {
            w.Line($"PyObject* tuple = {R.Tuples}.New({items.Count});");
            w.Open("try");
            for (int i = 0; i < items.Count; i++)
                w.Line($"{R.Tuples}.Set<{items[i].CSharpType}, {items[i].Converter}>(tuple, {i}, value.Item{i + 1});");
            w.Close();
            w.Open("catch");
            w.Line($"{R.Tuples}.End(tuple);   // the items not set are NULL, which tuple_dealloc skips");
            w.Line("throw;");
            w.Close();
            w.Line("return tuple;");
        }
        else
        {
            w.Line(Unsupported("to") + ";");
        }
        w.Close();
        w.Close();
    }

    // Never called: the parser gives a container a direction only when all its elements have it.
    private static string Unsupported(string direction) =>
        $"throw new global::System.NotSupportedException(\"not converted {direction} Python\")";

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
