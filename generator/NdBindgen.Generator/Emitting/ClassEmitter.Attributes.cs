using System.Linq;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>Class attributes (static [PyProperty]s, [PyConstant]s of the class) and property deleters.</summary>
internal static partial class ClassEmitter
{
    /// <summary>
    /// One reader per class attribute: the C# value as a new reference. The runtime calls it on each access
    /// (a static property, through its descriptor) or once, when the type is made (a constant), and turns what
    /// it throws into a Python exception (an ImportError for a constant).
    /// </summary>
    private static void EmitClassAttributeReaders(SourceWriter w, ClassModel c)
    {
        foreach (ClassAttributeModel a in c.Python.ClassAttributes)
        {
            w.Line();
            if (!a.Type.AcceptsNone)
            {
                w.Line($"private static PyObject* {a.ReaderName}() => {a.Type.ToPython}({a.Expression});");
                continue;
            }
            w.Open($"private static PyObject* {a.ReaderName}()");
            w.Line($"{a.Type.CSharpType} value = {a.Expression};");
            string value = "value" + (a.Type.IsNullableValueType ? ".Value" : "");
            w.Line($"return value is null ? {R.Args}.None() : {a.Type.ToPython}({value});");
            w.Close();
        }
    }

    /// <summary>
    /// The class attributes go on the type once it is made and known to its C# class (a constant of the class's own
    /// type is converted through it), before the module can be imported.
    /// </summary>
    private static void EmitAddClassAttributes(SourceWriter w, ClassModel c)
    {
        if (c.Python.ClassAttributes.Length == 0) return;
        w.Line($"{R.ClassAttributes}.Add(type,");
        w.Line("[");
        foreach (ClassAttributeModel a in c.Python.ClassAttributes)
        {
            w.Line($"    new({SourceWriter.Literal(a.PythonName)}, {SourceWriter.Literal(a.Member)}, "
                + $"{SourceWriter.Literal(DocstringBody.Of(a.Doc))}, &{a.ReaderName}, "
                + $"constant: {Bool(a.Constant)}),");
        }
        w.Line("]);");
    }

    /// <summary>
    /// <c>del obj.x</c> (the setter called with NULL): sets a [PyProperty(Deletable = true)] to null, else
    /// AttributeError as for any attribute that cannot be deleted.
    /// </summary>
    private static void EmitDelete(SourceWriter w, ClassModel c, PropertyModel p, string member)
    {
        if (!p.Deletable)
        {
            w.Line($"if (value == null) throw {R.PyClassErrors}.CannotDelete("
                + $"{SourceWriter.Literal(c.PythonName)}, {SourceWriter.Literal(p.PythonName)});");
            return;
        }
        w.Open("if (value == null)");
        if (c.Gc.Members.Any(m => m.Name == p.CSharpName && !m.IsSequence))
        {
            // A reference the class owns: released now, as CPython releases a deleted attribute's value.
            w.Line($"var deleted = {member};");
            w.Line($"{member} = null;");
            w.Line($"{R.PyRefs}.Release(deleted);");
        }
        else
        {
            w.Line($"{member} = null;");
        }
        w.Line("return 0;");
        w.Close();
    }
}
