using System.Linq;
using System.Text;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// The [PyException] classes: per class, the method making its Python class at module init
/// (<c>PyErrors.RegisterException</c>) and the one copying its properties onto a raised exception, in a file of
/// their own (PythonModule.Exceptions.g.cs); and the calls of the former at the end of the module's Populate, when
/// every submodule exists, bases first.
/// </summary>
internal static class ExceptionEmitter
{
    public const string HintName = "PythonModule.Exceptions.g.cs";

    /// <summary>The registrations, in the module's order (bases first), each in its (sub)module.</summary>
    public static void EmitRegistrations(SourceWriter w, ModuleModel m)
    {
        if (m.Exceptions.Length == 0) return;
        w.Line("// The exception classes, once every submodule exists: each after its base.");
        foreach (ExceptionModel e in m.Exceptions)
            w.Line($"{e.RegisterName}({(e.Submodule is null ? "module" : "sub_" + e.Submodule)});");
    }

    public static string Emit(ModuleModel m)
    {
        var w = new SourceWriter().Header();
        w.OpenNamespace();
        w.Open($"internal static unsafe partial class {GeneratedNames.ModuleClass}");
        bool first = true;
        foreach (ExceptionModel e in m.Exceptions)
        {
            if (!first) w.Line();
            first = false;
            Emit(w, e);
        }
        w.Close();   // class
        // The converters of container attributes, file-scoped as in every generated file that converts one.
        ConverterEmitter.Emit(w, m.Exceptions.SelectMany(e => e.Attributes).Select(a => a.Type));
        w.Close();   // namespace
        return w.ToString();
    }

    private static void Emit(SourceWriter w, ExceptionModel e)
    {
        w.Line($"/// <summary>Makes the Python exception class {e.PythonName} of <see cref=\"{Xml(e.FullType)}\"/>."
            + "</summary>");
        w.Open($"private static void {e.RegisterName}(PyObject* module)");
        string setter = e.Attributes.Length == 0 ? "null" : "&" + e.SetAttributesName;
        w.Line($"{R.PyErrors}.RegisterException<{e.FullType}>(module, {SourceWriter.Literal(e.PythonName)},");
        w.Line($"    {SourceWriter.Literal(Docstring(e))},");
        w.Line($"    {BaseType(e.Base)}, {setter});");
        w.Close();
        if (e.Attributes.Length == 0) return;
        w.Line();
        w.Line($"/// <summary>Copies the properties of a raised <see cref=\"{Xml(e.FullType)}\"/> onto its Python "
            + "exception.</summary>");
        w.Open($"private static void {e.SetAttributesName}(global::System.Exception e, PyObject* o)");
        w.Line($"var x = ({e.FullType})e;");
        foreach (ExceptionAttributeModel a in e.Attributes)
        {
            TypeModel t = a.Type;
            string read = "x." + a.CSharpName;
            string name = SourceWriter.Literal(a.PythonName);
            if (!t.AcceptsNone)
            {
                w.Line($"{R.PyErrors}.SetAttribute(o, {name}, {t.ToPython}({read}));");
                continue;
            }
            string local = "v_" + a.PythonName;
            string value = local + (t.IsNullableValueType ? ".Value" : "");
            w.Line($"{t.CSharpType} {local} = {read};");
            w.Line($"{R.PyErrors}.SetAttribute(o, {name}, {local} is null ? {R.Args}.None() : {t.ToPython}({value}));");
        }
        w.Close();
    }

    /// <summary>
    /// The Python base class, as the runtime's table answers for the deciding C# type (a registered class, a .NET
    /// row, or a family member's built-in).
    /// </summary>
    private static string BaseType(ExceptionBaseModel b) => $"{R.PyErrors}.PythonTypeOf(typeof({b.CSharpType}))";

    /// <summary>
    /// <c>__doc__</c>: the doc comment, then an Attributes section (numpydoc's) naming the class's own attributes
    /// with their types and docs; null when there is neither.
    /// </summary>
    public static string? Docstring(ExceptionModel e)
    {
        var sb = new StringBuilder(DocstringBody.Of(e.Doc) ?? "");
        var own = e.Attributes.Where(a => !a.Inherited).ToList();
        if (own.Count > 0)
        {
            if (sb.Length > 0) sb.Append("\n\n");
            sb.Append("Attributes\n----------");
            foreach (ExceptionAttributeModel a in own)
            {
                sb.Append('\n').Append(a.PythonName).Append(" : ").Append(a.Type.PythonType)
                  .Append(a.Type.AcceptsNone ? " | None" : "");
                if (a.Doc is { } doc) sb.Append("\n    ").Append(doc.Replace("\n", "\n    "));
            }
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    private static string Xml(string text) =>
        text.Replace("global::", "").Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
