using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// The module: its method table, the exported <c>PyInit_&lt;name&gt;</c> entry point, and Populate, which adds
/// <c>__version__</c>, the constants and the submodules.
/// </summary>
internal static partial class ModuleEmitter
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
        if (m.Submodules.Length > 0) EmitSubmoduleStubs(w, m);
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
        w.Line($"return {R.ModuleBuilder}.Create(Name, null,");
        ClassOrder order = OrderClasses(m);
        // The enums' classes first: a class's methods may take or return them.
        Tables(w, m.Exports, m.Enums.Select(e => e.RegisterName).Concat(order.Module), ",");
        w.Line("&Populate);");
        w.Close();
        w.Line();
        w.Line("/// <summary>What the module holds besides its functions and classes: __version__, constants, "
            + "submodules.</summary>");
        w.Open("private static void Populate(PyObject* module)");
        w.Line($"{R.ModuleBuilder}.AddVersion(module, {SourceWriter.Literal(m.Version)});");
        AddConstants(w, "module", m.Constants);
        foreach (SubmoduleModel s in m.Submodules)
        {
            string local = "sub_" + s.Name;
            w.Line($"PyObject* {local} = {R.ModuleBuilder}.AddSubmodule(module, Name + "
                + $"{SourceWriter.Literal("." + s.Name)}, {SourceWriter.Literal(DocstringBody.Of(s.Doc))},");
            Tables(w, s.Exports, order.Submodules[s.Name], ");");
            AddConstants(w, local, s.Constants);
        }
        EmitLateRegistrations(w, order);
        ExceptionEmitter.EmitRegistrations(w, m);
        w.Close();
        var constants = m.Constants.Concat(m.Submodules.SelectMany(s => s.Constants)).ToList();
        foreach (ConstantModel c in constants)
        {
            w.Line();
            if (!c.Type.AcceptsNone)
            {
                w.Line($"private static PyObject* {c.ReaderName}() => {c.Type.ToPython}({c.Expression});");
                continue;
            }
            w.Open($"private static PyObject* {c.ReaderName}()");
            w.Line($"{c.Type.CSharpType} value = {c.Expression};");
            string value = "value" + (c.Type.IsNullableValueType ? ".Value" : "");
            w.Line($"return value is null ? {R.Args}.None() : {c.Type.ToPython}({value});");
            w.Close();
        }
        foreach (EnumModel e in m.Enums) EmitEnum(w, e);
        w.Close();   // class
        // The converters of container constants, file-scoped as in every generated file that converts one.
        ConverterEmitter.Emit(w, constants.Select(c => c.Type));
        w.Close();   // namespace
        return w.ToString();
    }

    /// <summary>
    /// The function table and the registrations (enums and classes), as the arguments of Create or AddSubmodule.
    /// </summary>
    private static void Tables(SourceWriter w, IEnumerable<ExportModel> exports, IEnumerable<string> registrations,
        string end)
    {
        w.Line("[");
        foreach (ExportModel e in exports)
        {
            var (docstring, entry) = e.Function is { } f
                ? (Docstrings.Function(f), f.WrapperName)
                : (Docstrings.Overloads(e.OverloadSet!), e.OverloadSet!.DispatcherName);
            w.Line($"    new({SourceWriter.Literal(e.PythonName)}, {SourceWriter.Literal(docstring)}, &{entry}),");
        }
        if (!registrations.Any())
        {
            w.Line("], []" + end);
            return;
        }
        w.Line("],");
        w.Line("[");
        foreach (string register in registrations)
            w.Line($"    (nint)(delegate*<PyObject*, void>)&{register},");
        w.Line("]" + end);
    }

    private static void AddConstants(SourceWriter w, string module, EquatableArray<ConstantModel> constants)
    {
        if (constants.Length == 0) return;
        w.Line($"{R.ModuleBuilder}.AddConstants({module},");
        w.Line("[");
        foreach (ConstantModel c in constants)
        {
            w.Line($"    new({SourceWriter.Literal(c.PythonName)}, {SourceWriter.Literal(c.Display)}, "
                + $"&{c.ReaderName}),");
        }
        w.Line("]);");
    }

    /// <summary>
    /// Each submodule's stub, for the publish step (ndbindgen_build's stubs command): "name\n" then the text, for
    /// index 0, 1, ...; null past the last.
    /// </summary>
    private static void EmitSubmoduleStubs(SourceWriter w, ModuleModel m)
    {
        w.Line();
        w.Line("/// <summary>Submodule <paramref name=\"index\"/>'s stub, after a line with its name; null past the "
            + "last.</summary>");
        w.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly("
            + "EntryPoint = \"ndbindgen_pyi_submodule\")]");
        w.Open("private static byte* SubmodulePyi(int index)");
        w.Open("switch (index)");
        for (int i = 0; i < m.Submodules.Length; i++)
        {
            SubmoduleModel s = m.Submodules[i];
            string text = SourceWriter.Literal(s.Name + "\n" + StubEmitter.Submodule(m, s));
            w.Line($"case {i}: fixed (byte* text = {text}u8) return text;");
        }
        w.Line("default: return null;");
        w.Close();
        w.Close();
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
