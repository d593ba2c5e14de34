using System.Linq;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>The module: its method table and the exported <c>PyInit_&lt;name&gt;</c> entry point.</summary>
internal static class ModuleEmitter
{
    public static string Emit(ModuleModel m)
    {
        var w = new SourceWriter().Header();
        w.OpenNamespace();
        w.Line($"/// <summary>The Python module <c>{m.ModuleName}</c>.</summary>");
        w.Open($"internal static unsafe partial class {GeneratedNames.ModuleClass}");
        w.Line("/// <summary>The module's name, from the PyModuleName MSBuild property "
            + "(which also names the .so file).</summary>");
        w.Line($"public const string Name = {SourceWriter.Literal(m.ModuleName)};");
        w.Line();
        w.Line("/// <summary>The module's type stub (.pyi): the publish step reads it from this export "
            + "and writes it next to the module.</summary>");
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = \"ndbindgen_pyi\")]");
        w.Open("private static byte* Pyi()");
        string stub = SourceWriter.Literal(StubEmitter.Module(m));
        w.Line($"fixed (byte* text = {stub}u8) return text;   // u8 literal data never moves");
        w.Close();
        w.Line();
        w.Line("/// <summary>The CPython versions this build runs on (\"3.9 3.10 ...\"), as the runtime "
            + "lists them: tools read it through ctypes.</summary>");
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly("
            + "EntryPoint = \"ndbindgen_python_versions\")]");
        w.Line($"private static byte* PythonVersions() => {R.PythonVersions}.ListedZ();");
        w.Line();
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly("
            + $"EntryPoint = \"PyInit_{m.ModuleName}\")]");
        w.Open("private static PyObject* PyInit()");
        var registrations = m.Enums.Select(e => e.RegisterName)
            .Concat(m.Classes.Select(c => c.WrapperClass + ".Register")).ToList();
        if (m.Exports.Length == 0 && registrations.Count == 0)
        {
            w.Line($"return {R.ModuleBuilder}.Create(Name, null, default);");
        }
        else
        {
            w.Line($"return {R.ModuleBuilder}.Create(Name, null,");
            w.Line("[");
            foreach (ExportModel e in m.Exports)
            {
                var (docstring, entry) = e.Function is { } f
                    ? (Docstrings.Function(f), f.WrapperName)
                    : (Docstrings.Overloads(e.OverloadSet!), e.OverloadSet!.DispatcherName);
                w.Line($"    new({SourceWriter.Literal(e.PythonName)}, {SourceWriter.Literal(docstring)}, &{entry}),");
            }
            if (registrations.Count == 0)
            {
                w.Line("]);");
            }
            else
            {
                w.Line("],");
                w.Line("[");
                foreach (string register in registrations)
                    w.Line($"    (nint)(delegate*<PyObject*, void>)&{register},");
                w.Line("]);");
            }
        }
        w.Close();
        foreach (EnumModel e in m.Enums) EmitEnum(w, e);
        w.Close();   // class
        w.Close();   // namespace
        return w.ToString();
    }

    /// <summary>The method creating an enum's Python class at module init (Enums.Register in the runtime).</summary>
    private static void EmitEnum(SourceWriter w, EnumModel e)
    {
        w.Line();
        w.Line($"/// <summary>Creates the Python enum class {e.PythonName} of <see cref=\"{e.FullType}\"/>.</summary>");
        w.Open($"private static void {e.RegisterName}(PyObject* module)");
        string names = "new string[] { " + string.Join(", ", e.Members.Select(x => SourceWriter.Literal(x.PythonName)))
            + " }";
        string values = "new ulong[] { "
            + string.Join(", ", e.Members.Select(x => $"unchecked((ulong){x.CSharpName})")) + " }";
        string doc = e.Doc is null ? "null" : SourceWriter.Literal(e.Doc);
        w.Line($"{R.Enums}.Register<{e.FullType}>(module, {SourceWriter.Literal(e.PythonName)}, {doc}, "
            + $"flags: {(e.IsFlags ? "true" : "false")}, unsigned: {(e.Unsigned ? "true" : "false")},");
        w.Line($"    {names},");
        w.Line($"    {values});");
        w.Close();
    }
}
