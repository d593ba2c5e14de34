using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Parsing;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// Python overrides seen from C# (pybind11's trampolines): a class with overridable [PyMethod]s gets a
/// generated subclass, <c>PythonSubclass</c>, the C# object of every instance of a Python subclass. It
/// overrides each such method: when the instance's Python type overrides the method, the call goes to Python
/// (arguments and result converted by the converter structs callbacks use); else to the C# implementation.
/// Instances of the class itself are plain C# objects and pay nothing.
/// </summary>
internal static partial class ClassEmitter
{
    private static bool HasSubclass(ClassModel c) => !c.Sealed && c.Overrides.Length > 0;

    private static string SubclassClass(ClassModel c) => ClassParser.SubclassName(c.WrapperClass);

    private static string OverrideField(string pythonName) => "s_override_" + pythonName;

    /// <summary>
    /// The Python object for the overrides, read as a field: through IPyClass it is an interface call, measured
    /// 15% of a C# call of a method a Python subclass does not override.
    /// </summary>
    private static void EmitPythonObjectAccessor(SourceWriter w, ClassModel c)
    {
        // On every class a [PyClass] or a PythonSubclass may derive from: the one below finds it inherited.
        if (c.Sealed) return;
        w.Line();
        w.Line(Hidden);
        w.Line($"internal {R.PyObject}* __NdBindgenPythonObject => __ndbindgenPythonObject;");
    }

    /// <summary>After the type is made: each overridable name finds the class's own descriptor of it.</summary>
    private static void EmitBindOverrides(SourceWriter w, ClassModel c)
    {
        if (!HasSubclass(c)) return;
        foreach (string name in c.Overrides.Select(o => o.PythonName).Distinct())
            w.Line($"{OverrideField(name)}.Bind(type);");
    }

    private static void EmitSubclass(SourceWriter w, ClassModel c)
    {
        if (!HasSubclass(c)) return;
        w.Line();
        foreach (string name in c.Overrides.Select(o => o.PythonName).Distinct())
        {
            w.Line($"private static readonly {R.PyOverride} {OverrideField(name)} = "
                + $"new({SourceWriter.Literal(name)});");
        }
        string cref = c.FullType.Replace("global::", "");
        w.Line();
        w.Line($"/// <summary>The C# object of an instance of a Python subclass of <see cref=\"{cref}\"/>: a call "
            + "of an overridable method from C# runs the subclass's override, if it has one.</summary>");
        w.Open($"internal sealed class PythonSubclass : {c.FullType}");
        EmitSubclassConstructors(w, c);
        foreach (OverrideModel o in c.Overrides) EmitOverride(w, c, o);
        w.Close();
    }

    /// <summary>The exported constructor(s), each passing its arguments on.</summary>
    private static void EmitSubclassConstructors(SourceWriter w, ClassModel c)
    {
        IEnumerable<IEnumerable<ParameterModel>> constructors = c.Constructor.Overloads is { } set
            ? set.Overloads.Select(f => (IEnumerable<ParameterModel>)f.Parameters)
            : new[] { (IEnumerable<ParameterModel>)c.Constructor.Parameters };
        foreach (var ps in constructors)
        {
            var list = ps.ToList();
            string parameters = string.Join(", ", list.Select(p =>
                (p.IsPythonArgument ? p.CollectionType ?? p.Type.CSharpType : R.Python) + " " + Name(p.CSharpName)));
            string arguments = string.Join(", ", list.Select(p => Name(p.CSharpName)));
            w.Line($"public PythonSubclass({parameters}) : base({arguments}) {{ }}");
        }
    }

    private static void EmitOverride(SourceWriter w, ClassModel c, OverrideModel o)
    {
        string method = FunctionEmitter.Identifier(o.MethodName);
        string parameters = string.Join(", ", o.Parameters.Select(p => p.DeclaredType + " " + Name(p.Name)));
        string arguments = string.Join(", ", o.Parameters.Select(p => Name(p.Name)));
        var python = o.Parameters.Where(p => p.Type is not null).ToList();
        bool isVoid = o.Result.Kind == ValueKind.Void;
        string declaring = SourceWriter.Literal(c.PythonName);
        string notOverridden = $"throw {R.PyOverrideCall}.NotOverridden(this, {OverrideField(o.PythonName)}, "
            + $"{declaring});";
        w.Line();
        w.Open($"{o.Accessibility} override {o.ReturnType} {method}({parameters})");
        w.Line($"var __call = new {R.PyOverrideCall}();");
        string find = $"!__call.Find(__NdBindgenPythonObject, this, {OverrideField(o.PythonName)})";
        if (o.Abstract)
        {
            w.Line($"if ({find}) {notOverridden}");
        }
        else if (isVoid)
        {
            w.Open($"if ({find})");
            w.Line($"base.{method}({arguments});");
            w.Line("return;");
            w.Close();
        }
        else
        {
            w.Line($"if ({find}) return base.{method}({arguments});");
        }
        w.Open("try");
        w.Line($"PyObject** __argv = stackalloc PyObject*[{python.Count + 2}];");
        for (int i = 0; i < python.Count; i++)
        {
            TypeModel t = python[i].Type!;
            w.Line($"__call.Arg<{t.CSharpType}, {Converter(t)}>(__argv, {i}, {Name(python[i].Name)});");
        }
        string invoke = $"__call.Invoke(__argv, {python.Count})";
        w.Line(isVoid ? $"__call.Done({invoke});"
            : $"return __call.Result<{o.Result.CSharpType}, {Converter(o.Result)}>({invoke});");
        w.Close();
        w.Open("finally");
        w.Line("__call.Dispose();");
        w.Close();
        w.Close();
        w.Line();
        // Called by the method's Python wrapper: Python's super().speak() reaches the C# implementation, not
        // this override again.
        string baseName = "Base_" + o.MethodName.TrimStart('@');
        string typedSelf = $"{c.FullType} __self" + (parameters.Length > 0 ? ", " + parameters : "");
        w.Line($"/// <summary>{o.MethodName.TrimStart('@')} as C# implements it: what its Python method "
            + "calls.</summary>");
        w.Open($"internal static {o.ReturnType} {FunctionEmitter.NonVirtual(o.MethodName)}({typedSelf})");
        if (isVoid)
        {
            w.Line($"if (__self is PythonSubclass __sub) __sub.{baseName}({arguments});");
            w.Line($"else __self.{method}({arguments});");
        }
        else
        {
            w.Line($"return __self is PythonSubclass __sub ? __sub.{baseName}({arguments}) "
                + $": __self.{method}({arguments});");
        }
        w.Close();
        w.Line();
        w.Line($"private {o.ReturnType} {baseName}({parameters}) =>");
        w.Line(o.Abstract ? $"    {notOverridden}" : $"    base.{method}({arguments});");
    }

    /// <summary>The converter struct of a type (ConverterEmitter writes it), as callbacks convert theirs.</summary>
    private static string Converter(TypeModel t) =>
        Naming.ConverterNames.Qualified(Naming.ConverterNames.Element(t.CSharpType));

    private static string Name(string csharpName) => FunctionEmitter.Identifier(csharpName.TrimStart('@'));
}
