using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests;

/// <summary>Bad input becomes diagnostics and the rest of the module still generates (STYLE.md habit 2).</summary>
public class ModuleTests
{
    [Fact]
    public void Invalid_functions_leave_the_valid_ones_in_the_module_table()
    {
        GeneratorRun run = TestCompilation.Run("""
            using NdBindgen;
            namespace Samples;
            public static class Api
            {
                [PyFunction] public static double Add(double x, double y) => x + y;
                [PyFunction] public static int Take(object thing) => 0;
                [PyFunction] public static void Sub(NdViewMut<double> values, double by) { }
                [PyFunction("with")] public static int Keyword() => 0;
            }
            public class Instance { [PyFunction] public double Scale(double x) => x; }
            """);

        Assert.Equal(new[] { "NDB0001", "NDB0002", "NDB0006" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
        string module = run.Source("PythonModule.g.cs");
        Assert.Contains("new(\"add\", ", module);
        Assert.Contains("new(\"sub\", ", module);
        Assert.DoesNotContain("take", module);
        Assert.DoesNotContain("with", module);
        Assert.DoesNotContain("scale", module);
        Assert.Equal(new[] { "PythonModule.g.cs", "Samples_Api.Add.g.cs", "Samples_Api.Sub.g.cs" }, run.Sources.Select(s => s.HintName));
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_duplicate_python_name_keeps_the_first_export()
    {
        GeneratorRun run = TestCompilation.Run("""
            using NdBindgen;
            namespace Samples;
            public static class A { [PyFunction] public static double Norm(double x) => x; }
            public static class B { [PyFunction] public static double Norm(double x) => -x; }
            """);

        Assert.Equal("NDB0005", Assert.Single(run.GeneratorDiagnostics).Id);
        string module = run.Source("PythonModule.g.cs");
        Assert.Contains("&Samples_A_Norm)", module);
        Assert.DoesNotContain("Samples_B_Norm", module);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void Overloads_under_one_name_become_one_dispatcher_and_other_names_stay_separate()
    {
        GeneratorRun run = TestCompilation.Run("""
            using NdBindgen;
            namespace Samples;
            public static class Api
            {
                [PyFunction] public static double Norm(double x) => x;
                [PyFunction] public static double Norm(double x, double y) => x + y;
                [PyFunction("norm_of")] public static double Norm(NdView<double> v) => 0;   // its own name: its own export
                [PyFunction] public static double Norm(float x) => x;                        // NDB0023: same Python types as Norm(double)
            }
            """);

        Assert.Equal("NDB0023", Assert.Single(run.GeneratorDiagnostics).Id);
        string module = run.Source("PythonModule.g.cs");
        Assert.Contains("new(\"norm\", ", module);
        Assert.Contains("&Samples_Api_Norm)", module);       // the dispatcher
        Assert.Contains("&Samples_Api_Norm_3)", module);     // norm_of: an entry point as before
        string dispatchers = run.Source("PythonModule.Overloads.g.cs");
        Assert.Contains("Samples_Api_Norm_1(self, a)", dispatchers);
        Assert.Contains("Samples_Api_Norm_2(self, a)", dispatchers);
        Assert.DoesNotContain("Samples_Api_Norm_4(self, a)", dispatchers);
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_py_class_deriving_from_a_py_class_compiles_and_registers_after_its_base()
    {
        GeneratorRun run = TestCompilation.Run("""
            using NdBindgen;
            namespace Samples;
            [PyClass] public partial class Savings : Account { [PyProperty] public double Rate { get; set; } }
            [PyClass] public partial class Account { [PyProperty] public double Balance { get; set; } }
            [PySubmodule] public static class Banks { }
            [PyClass(Submodule = typeof(Banks))] public partial class Bank { }
            [PyClass] public sealed partial class CentralBank : Bank { }
            public static class Api { [PyFunction] public static double Total(Account a) => a.Balance; }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.HintName.Contains("Savings"));
        string module = run.Source("PythonModule.g.cs");
        Assert.True(module.IndexOf("Samples_Account_PyType.Register", System.StringComparison.Ordinal)
            < module.IndexOf("Samples_Savings_PyType.Register", System.StringComparison.Ordinal));
        // The base lives in a submodule: the derived class is registered once the submodule exists.
        Assert.Contains("Samples_CentralBank_PyType.Register(module);", module);
        Assert.True(module.IndexOf("sub_banks", System.StringComparison.Ordinal)
            < module.IndexOf("Samples_CentralBank_PyType.Register(module)", System.StringComparison.Ordinal));
        // No CS0108 (the derived part hiding the base's link to its Python object), nor anything else.
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_py_class_deriving_from_a_py_class_of_another_assembly_is_NDB0026()
    {
        var library = TestCompilation.Create("""
            using NdBindgen;
            namespace Bank;
            [PyClass] public partial class Account { }
            """).WithAssemblyName("BankLibrary");
        var input = TestCompilation.Create("""
            using NdBindgen;
            namespace Samples;
            [PyClass] public partial class Savings : Bank.Account { }
            """).AddReferences(library.ToMetadataReference());
        GeneratorRun run = TestCompilation.Run(input, TestCompilation.CreateDriver());

        Diagnostic d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "NDB0026");
        Assert.Contains("'Savings' derives from 'Account', a [PyClass] of another assembly ('BankLibrary')",
            d.GetMessage());
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("Savings"));
    }

    [Fact]
    public void An_invalid_module_name_still_emits_compiling_wrappers()
    {
        GeneratorRun run = TestCompilation.RunModule("my.module", """
            using NdBindgen;
            public static class Api { [PyFunction] public static double Add(double x, double y) => x + y; }
            """);

        Assert.Equal("NDB0007", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Equal(new[] { "Api.Add.g.cs" }, run.Sources.Select(s => s.HintName));
        Assert.Empty(run.CompileProblems());
    }

    [Fact]
    public void A_project_without_module_name_or_functions_gets_nothing()
    {
        var compilation = TestCompilation.Create("public static class Plain { public static int F() => 1; }");
        GeneratorRun run = TestCompilation.Run(compilation, TestCompilation.CreateDriver(moduleName: null));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Functions_without_a_module_name_report_it_missing()
    {
        var compilation = TestCompilation.Create("""
            using NdBindgen;
            public static class Api { [PyFunction] public static double Add(double x, double y) => x + y; }
            """);
        GeneratorRun run = TestCompilation.Run(compilation, TestCompilation.CreateDriver(moduleName: null));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("NDB0007", diagnostic.Id);
        Assert.Contains("PyModuleName", diagnostic.GetMessage());
    }

    [Fact]
    public void The_module_exports_the_python_versions_the_runtime_supports()
    {
        var compilation = TestCompilation.Create("public static class Plain { }");
        GeneratorRun run = TestCompilation.Run(compilation, TestCompilation.CreateDriver());

        string module = run.Source("PythonModule.g.cs");
        Assert.Contains("[global::System.Runtime.InteropServices.UnmanagedCallersOnly("
            + "EntryPoint = \"ndbindgen_python_versions\")]", module);
        Assert.Contains("private static byte* PythonVersions() => "
            + "global::NdBindgen.Core.PythonVersions.ListedZ();", module);
        Assert.Empty(run.CompileProblems());
    }
}
