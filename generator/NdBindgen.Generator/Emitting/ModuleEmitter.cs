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
        if (m.Exports.Length == 0 && m.Classes.Length == 0)
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
            if (m.Classes.Length == 0)
            {
                w.Line("]);");
            }
            else
            {
                w.Line("],");
                w.Line("[");
                foreach (ClassExportModel c in m.Classes)
                    w.Line($"    (nint)(delegate*<PyObject*, void>)&{c.WrapperClass}.Register,");
                w.Line("]);");
            }
        }
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }
}
