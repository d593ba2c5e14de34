using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using NdBindgen.Generator.Diagnostics;
using NdBindgen.Generator.Parsing;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;
using static NdBindgen.Generator.Tests.Infrastructure.GeneratorVerifier;

namespace NdBindgen.Generator.Tests;

/// <summary>Each descriptor, reported at the user's own token ({|#0:...|}) with its exact arguments.</summary>
public partial class DiagnosticTests
{
    private static DiagnosticResult Error(string id, int location = 0) => DiagnosticResult.CompilerError(id).WithLocation(location);

    private static string Class(string members) => $$"""
        using NdBindgen;
        namespace Samples;
        public static partial class Api
        {
        {{members}}
        }
        """;

    [Fact]
    public Task Valid_code_reports_nothing() => VerifyAsync(Class("""
            /// <summary>Adds.</summary>
            [PyFunction] public static double Add(double x, double y = 1.0) => x + y;
            [PyFunction("mean")] public static double? Mean([Ndim(1)] NdView<double> values, string? label = null) => null;
            [PyFunction] public static NdArray<float> Make(NdViewMut<float> scratch) => NdArray<float>.Zeros(1);
        """));

    [Fact]
    public Task NDB0001_instance_method() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public class Api
        {
            [PyFunction] public double {|#0:Scale|}(double x) => 2 * x;
        }
        """,
        Error("NDB0001").WithArguments("Api.Scale"));

    [Fact]
    public Task NDB0002_unsupported_parameter_type() => VerifyAsync(Class("""
            [PyFunction] public static int Take(int ok, object {|#0:thing|}, System.Guid {|#1:money|}) => ok;
        """),
        Error("NDB0002", 0).WithArguments("thing", "Api.Take", "object", ConversionTable.SupportedParameters),
        Error("NDB0002", 1).WithArguments("money", "Api.Take", "System.Guid", ConversionTable.SupportedParameters));

    [Fact]
    public Task NDB0002_array_that_only_returns_as_parameter() => VerifyAsync(Class("""
            [PyFunction] public static int Take(NdArray<double> {|#0:values|}) => 0;
        """),
        Error("NDB0002").WithArguments("values", "Api.Take", "NdBindgen.NdArray<double>", ConversionTable.SupportedParameters));

    [Fact]
    public Task NDB0002_container_of_an_unsupported_element_names_the_element() => VerifyAsync(Class("""
            [PyFunction] public static int Calls(System.Collections.Generic.List<System.Func<double>> {|#0:xs|}) => 0;
            [PyFunction] public static int Objects(System.Collections.Generic.Dictionary<object, int> {|#1:d|}) => 0;
            [PyFunction] public static int Deep(System.Collections.Generic.List<(int, System.Guid)[]> {|#2:m|}) => 0;
            [PyFunction] public static int NullKeys(System.Collections.Generic.Dictionary<string?, int> {|#3:d|}) => 0;
            [PyFunction] public static int ListKeys(System.Collections.Generic.HashSet<int[]> {|#4:s|}) => 0;
            [PyFunction] public static int Arrays(NdArray<double>[] {|#5:xs|}) => 0;
            [PyFunction] public static int Matrix(double[,] {|#6:m|}) => 0;
        """),
        Error("NDB0002", 0).WithArguments("xs", "Api.Calls", "System.Collections.Generic.List<System.Func<double>>",
            ConversionTable.SupportedInContainer("System.Func<double>")),
        Error("NDB0002", 1).WithArguments("d", "Api.Objects", "System.Collections.Generic.Dictionary<object, int>",
            ConversionTable.SupportedInContainer("object")),
        Error("NDB0002", 2).WithArguments("m", "Api.Deep", "System.Collections.Generic.List<(int, System.Guid)[]>",
            ConversionTable.SupportedInContainer("System.Guid")),
        Error("NDB0002", 3).WithArguments("d", "Api.NullKeys", "System.Collections.Generic.Dictionary<string?, int>",
            ConversionTable.SupportedInContainer("string?")),
        Error("NDB0002", 4).WithArguments("s", "Api.ListKeys", "System.Collections.Generic.HashSet<int[]>",
            ConversionTable.SupportedInContainer("int[]")),
        Error("NDB0002", 5).WithArguments("xs", "Api.Arrays", "NdBindgen.NdArray<double>[]",
            ConversionTable.SupportedInContainer("NdBindgen.NdArray<double>")),
        Error("NDB0002", 6).WithArguments("m", "Api.Matrix", "double[*,*]", ConversionTable.SupportedParameters));

    [Fact]
    public Task NDB0003_container_of_an_unsupported_element_names_the_element() => VerifyAsync(Class("""
            [PyFunction] public static {|#0:System.Collections.Generic.List<System.Func<int>>|} Calls() => null!;
            [PyFunction] public static {|#1:(int, object)|} Pair() => default;
        """),
        Error("NDB0003", 0).WithArguments("Api.Calls", "System.Collections.Generic.List<System.Func<int>>",
            ConversionTable.SupportedInContainer("System.Func<int>")),
        Error("NDB0003", 1).WithArguments("Api.Pair", "(int, object)", ConversionTable.SupportedInContainer("object")));

    [Fact]
    public Task NDB0003_unsupported_return_type() => VerifyAsync(Class("""
            [PyFunction] public static {|#0:System.Threading.Tasks.Task<double>|} Later() => null!;
            [PyFunction] public static {|#1:System.Span<double>|} Borrowed() => default;
        """),
        Error("NDB0003", 0).WithArguments("Api.Later", "System.Threading.Tasks.Task<double>", ConversionTable.SupportedReturns),
        Error("NDB0003", 1).WithArguments("Api.Borrowed", "System.Span<double>", ConversionTable.SupportedReturns));

    [Fact]
    public Task NDB0004_element_type_without_dtype() => VerifyAsync(Class("""
            [PyFunction] public static double Sum(NdView<decimal> {|#0:values|}) => 0;
            [PyFunction] public static {|#1:NdArray<char>|} Letters() => NdArray<char>.Zeros(1);
        """),
        Error("NDB0004", 0).WithArguments("Parameter 'values' of 'Api.Sum'", "decimal", ConversionTable.SupportedElements),
        Error("NDB0004", 1).WithArguments("The return value of 'Api.Letters'", "char", ConversionTable.SupportedElements));

    [Fact]
    public Task NDB0004_an_element_type_the_compiler_refuses_too_and_the_other_diagnostics_stay() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public class Api
        {
            [PyFunction] public static double Count(NdView<string> {|#1:values|}) => 0;
            [PyFunction] public static double Sum(NdView<decimal> {|#2:money|}) => 0;
            [PyFunction] public double {|#3:Scale|}(double x) => x;
        }
        """,
        // CS8377 is a declaration error: a build then drops analyzer diagnostics, so the generator reports them there.
        DiagnosticResult.CompilerError("CS8377").WithLocation(1).WithArguments("NdBindgen.NdView<T>", "T", "string"),
        Error("NDB0004", 1).WithArguments("Parameter 'values' of 'Api.Count'", "string", ConversionTable.SupportedElements),
        Error("NDB0004", 2).WithArguments("Parameter 'money' of 'Api.Sum'", "decimal", ConversionTable.SupportedElements),
        Error("NDB0001", 3).WithArguments("Api.Scale"));

    [Fact]
    public Task NDB0004_message_reads_without_nested_quotes() => VerifyAsync(Class("""
            [PyFunction] public static double Dec(NdView<decimal> {|#0:v|}) => 0;
        """),
        Error("NDB0004").WithMessage("Parameter 'v' of 'Api.Dec' has element type 'decimal', which has no numpy dtype; "
            + "supported: " + ConversionTable.SupportedElements));

    [Fact]
    public async Task NDB0002_callbacks_are_listed_with_their_limits()
    {
        Assert.Contains("callbacks (Func<...> and Action<...> of up to four arguments, over what a container holds)",
            ConversionTable.SupportedParameters);
        await VerifyAsync(Class("""
                [PyFunction] public static int Call4(System.Func<int, int, int, int, int> f) => 0;
                [PyFunction] public static int Run4(System.Action<int, int, int, int> f) => 0;
                [PyFunction] public static int Call5(System.Func<int, int, int, int, int, int> {|#0:f|}) => 0;
                [PyFunction] public static int Run5(System.Action<int, int, int, int, int> {|#1:f|}) => 0;
            """),
            Error("NDB0002", 0).WithArguments("f", "Api.Call5", "System.Func<int, int, int, int, int, int>",
                ConversionTable.SupportedParameters),
            Error("NDB0002", 1).WithArguments("f", "Api.Run5", "System.Action<int, int, int, int, int>",
                ConversionTable.SupportedParameters));
    }

    [Fact]
    public Task NDB0002_callback_type_argument_without_a_row_is_named() => VerifyAsync(Class("""
            [PyFunction] public static int Call(System.Func<object, int> {|#0:f|}) => 0;
            [PyFunction] public static int Nested(System.Action<double, System.Collections.Generic.List<object>> {|#1:f|}) => 0;
            [PyFunction] public static int Array(System.Func<NdArray<double>> {|#2:f|}) => 0;
            [PyFunction] public static int View(System.Action<NdView<double>> {|#3:f|}) => 0;
        """),
        Error("NDB0002", 0).WithArguments("f", "Api.Call", "System.Func<object, int>",
            ConversionTable.SupportedInCallback("object")),
        Error("NDB0002", 1).WithArguments("f", "Api.Nested",
            "System.Action<double, System.Collections.Generic.List<object>>",
            ConversionTable.SupportedInCallback("System.Collections.Generic.List<object>")),
        Error("NDB0002", 2).WithArguments("f", "Api.Array", "System.Func<NdBindgen.NdArray<double>>",
            ConversionTable.SupportedInCallback("NdBindgen.NdArray<double>")),
        Error("NDB0002", 3).WithArguments("f", "Api.View", "System.Action<NdBindgen.NdView<double>>",
            ConversionTable.SupportedInCallback("NdBindgen.NdView<double>")));

    [Fact]
    public Task NDB0005_two_exports_with_one_python_name() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static class A { [PyFunction] public static double Norm(double x) => x; }
        public static class B { [PyFunction] public static double {|#0:Norm|}(double x) => -x; }
        public static class C { [PyFunction("norm")] public static double {|#1:Length|}(double x) => x; }
        """,
        Error("NDB0005", 0).WithArguments("B.Norm", "norm", "function 'A.Norm'", "test_module", "[PyFunction(\"...\")]"),
        Error("NDB0005", 1).WithArguments("C.Length", "norm", "function 'A.Norm'", "test_module", "[PyFunction(\"...\")]"));

    [Fact]
    public Task NDB0005_two_enums_of_one_name_in_different_namespaces() => VerifyAsync("""
        using NdBindgen;
        namespace A { public enum Color { Red } }
        namespace B { public enum {|#0:Color|} { Blue } }
        namespace C { [PyClass("Shade")] public partial class Shade { } }
        namespace D { public enum {|#1:Shade|} { Dark } }
        namespace Api
        {
            public static class Paint
            {
                [PyFunction] public static int Mix(A.Color a, B.Color b, D.Shade s) => 0;
            }
        }
        """,
        Error("NDB0005", 0).WithMessage("'B.Color' is exported as 'Color', which is already the name of enum "
            + "'A.Color' in module 'test_module'; give one of them another name with [PyEnum(\"...\")]"),
        Error("NDB0005", 1).WithMessage("'D.Shade' is exported as 'Shade', which is already the name of class "
            + "'Shade' in module 'test_module'; give one of them another name with [PyEnum(\"...\")] or "
            + "[PyClass(\"...\")]"));

    [Fact]
    public Task NDB0005_classes_name_the_class_and_the_attribute_that_renames_it() => VerifyAsync("""
        using NdBindgen;
        namespace Probes;
        [PyClass("Account")] public partial class Account { }
        [PyClass("Account")] public partial class {|#0:Account2|} { }
        [PyClass] public partial class Poly { }
        public static class Probes { [PyFunction("Poly")] public static int {|#1:Make|}() => 0; }
        """,
        Error("NDB0005", 0).WithMessage("'Account2' is exported as 'Account', which is already the name of class "
            + "'Account' in module 'test_module'; give one of them another name with [PyClass(\"...\")]"),
        Error("NDB0005", 1).WithMessage("'Probes.Make' is exported as 'Poly', which is already the name of class "
            + "'Poly' in module 'test_module'; give one of them another name with [PyFunction(\"...\")] or "
            + "[PyClass(\"...\")]"));

    [Fact]
    public Task NDB0005_overloads_of_another_method_or_type_under_one_python_name() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static class A
        {
            [PyFunction] public static double Norm(double x) => x;
            [PyFunction] public static double Norm(double x, double y) => x + y;     // an overload: one callable with the first
            [PyFunction("norm")] public static double {|#0:Size|}(string s) => 0;    // another C# name: a duplicate
        }
        public static class B { [PyFunction] public static double {|#1:Norm|}(string s) => 0; }
        """,
        Error("NDB0005", 0).WithArguments("A.Size", "norm", "function 'A.Norm'", "test_module", "[PyFunction(\"...\")]"),
        Error("NDB0005", 1).WithArguments("B.Norm", "norm", "function 'A.Norm'", "test_module", "[PyFunction(\"...\")]"));

    [Fact]
    public Task NDB0005_constants_and_submodules_share_the_module_namespace() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static class A
        {
            [PyFunction] public static double {|#0:Norm|}(double x) => x;    // the submodule claimed 'norm' first
            [PyConstant("norm")] public const int {|#1:Limit|} = 3;
            [PyConstant("__version__")] public const string {|#2:Version|} = "2";
            [PyConstant] public const int Sides = 4;                      // SIDES in the module and in geo: no clash
        }
        [PySubmodule("norm")] public static class NormModule { }
        /// <summary>Geometry.</summary>
        [PySubmodule] public static class Geo
        {
            [PyConstant] public const int {|#3:Sides|} = 4;                // functions claim names before constants
            [PyFunction("SIDES")] public static int CountSides() => 4;
            [PyFunction] public static double Norm(double x) => x;       // geo.norm: another namespace
        }
        """,
        Error("NDB0005", 0).WithArguments("A.Norm", "norm", "submodule 'NormModule'", "test_module",
            "[PyFunction(\"...\")] or [PySubmodule(\"...\")]"),
        Error("NDB0005", 1).WithArguments("A.Limit", "norm", "submodule 'NormModule'", "test_module",
            "[PyConstant(\"...\")] or [PySubmodule(\"...\")]"),
        Error("NDB0005", 2).WithArguments("A.Version", "__version__",
            "the module's __version__ (the project's Version)", "test_module", "[PyConstant(\"...\")]"),
        Error("NDB0005", 3).WithArguments("Geo.Sides", "SIDES", "function 'Geo.CountSides'", "test_module.geo",
            "[PyConstant(\"...\")] or [PyFunction(\"...\")]"));

    [Fact]
    public Task NDB0023_overloads_python_cannot_tell_apart() => VerifyAsync(Class("""
            [PyFunction] public static double Norm(double x) => x;
            [PyFunction] public static double {|#0:Norm|}(float x) => x;
            [PyFunction] public static long Norm(long x, string? unit = null) => x;
            [PyFunction] public static long {|#1:Norm|}(int value, string? label = "m") => value;
            [PyFunction] public static double Norm(NdView<double> v) => 0;
            [PyFunction] public static double Norm([Ndim(1)] NdView<double> v, Python py) => 0;   // told apart by ndim
            [PyFunction] public static double Norm(double? x, double y) => 0;                     // and by None
        """),
        Error("NDB0023", 0).WithArguments("Api.Norm", "norm", "float"),
        Error("NDB0023", 1).WithArguments("Api.Norm", "norm", "int, str | None"));

    [Fact]
    public Task NDB0023_method_and_constructor_overloads_python_cannot_tell_apart() => VerifyClassAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class Shape
        {
            [PyConstructor] public Shape(double size) { }
            [PyConstructor] public {|#0:Shape|}(float size) { }
            [PyConstructor] public Shape(string name, double size = 1) { }
            [PyMethod] public double Scale(double k) => k;
            [PyMethod] public double {|#1:Scale|}(float k) => k;
            [PyMethod] public double Scale(double? k, double j) => 0;        // told apart by None
            [PyMethod] public static int Count(NdView<double> v) => 0;
            [PyMethod] public static int {|#2:Count|}(NdViewMut<double> w) => 0;
        }
        """,
        Error("NDB0023", 0).WithArguments("Shape.Shape", "Shape", "float"),
        Error("NDB0023", 1).WithArguments("Shape.Scale", "scale", "float"),
        Error("NDB0023", 2).WithArguments("Shape.Count", "count", "numpy.ndarray[float64]"));

    [Fact]
    public Task NDB0025_overloads_of_different_kinds_or_methods() => VerifyClassAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class Shape
        {
            [PyMethod] public double Area() => 0;
            [PyMethod] public static double {|#0:Area|}(double side) => side * side;
            [PyClassMethod] public static Shape Make(double size) => new();
            [PyMethod] public static Shape {|#1:Make|}(string name) => new();
            [PyMethod("area")] public double {|#2:Size|}(string unit) => 0;
        }
        """,
        Error("NDB0025", 0).WithArguments("Shape.Area", "Shape.Area", "area",
            "it is a static method and 'Shape.Area' an instance method (a Python name is one kind of method)"),
        Error("NDB0025", 1).WithArguments("Shape.Make", "Shape.Make", "make",
            "it is a static method and 'Shape.Make' a [PyClassMethod] (a Python name is one kind of method)"),
        Error("NDB0025", 2).WithArguments("Shape.Size", "Shape.Area", "area",
            "it is another C# method (only the C# overloads of one method become one Python method)"));

    [Fact]
    public Task NDB0006_invalid_python_names() => VerifyAsync(Class("""
            [{|#0:PyFunction("class")|}] public static int A() => 0;
            [{|#1:PyFunction(Name = "two words")|}] public static int B() => 0;
            [{|#2:PyFunction("2fast")|}] public static int C() => 0;
            [PyFunction] public static int D(int {|#3:@lambda|}) => 0;
            [PyFunction] public static int {|#4:@if|}() => 0;
        """),
        Error("NDB0006", 0).WithArguments("class", " (it is a Python keyword)"),
        Error("NDB0006", 1).WithArguments("two words", " (it contains ' ')"),
        Error("NDB0006", 2).WithArguments("2fast", " (it must start with a letter or underscore)"),
        Error("NDB0006", 3).WithArguments("lambda", " (it is a Python keyword)"),
        Error("NDB0006", 4).WithArguments("if", " (it is a Python keyword)"));

    [Fact]
    public Task NDB0007_invalid_module_name() => VerifyAsync(Class("""
            [PyFunction] public static int A() => 0;
        """), "my-module",
        DiagnosticResult.CompilerError("NDB0007").WithArguments("my-module"));

    [Fact]
    public Task NDB0008_generic_method_and_method_of_generic_type() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static class Api { [PyFunction] public static int {|#0:Count|}<T>() => 0; }
        public static class Box<TItem> { public static class Inner { [PyFunction] public static int {|#1:Size|}() => 0; } }
        """,
        Error("NDB0008", 0).WithArguments("Api.Count", "T"),
        Error("NDB0008", 1).WithArguments("Inner.Size", "TItem"));

    [Fact]
    public Task NDB0008_generic_without_an_array_of_T_or_with_two_type_parameters() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static class Api
        {
            [PyFunction] public static T {|#0:Twice|}<T>(T x) where T : unmanaged => x;
            [PyFunction] public static int {|#1:Pair|}<T, U>(NdView<T> a, NdView<U> b) where T : unmanaged where U : unmanaged => 0;
        }
        """,
        Error("NDB0008", 0).WithArguments("Api.Twice", "T"),
        Error("NDB0008", 1).WithArguments("Api.Pair", "T, U"));

    [Fact]
    public Task NDB0024_no_element_type_meets_the_constraints() => VerifyAsync("""
        using System;
        using NdBindgen;
        namespace Samples;
        public interface IShape { }
        public static class Api
        {
            [PyFunction] public static int {|#0:Count|}<T>(NdView<T> a) where T : unmanaged, IShape => 0;
            [PyFunction, {|#1:Dtypes(typeof(float), typeof(decimal))|}] public static int Size<T>(NdView<T> a) where T : unmanaged => 0;
        }
        """,
        Error("NDB0024", 0).WithArguments("Api.Count", "no numpy element type (bool, sbyte, byte, short, ushort, int, uint, long, ulong, Half, float, double, System.Numerics.Complex) meets T's constraints (it needs 'unmanaged')"),
        Error("NDB0024", 1).WithArguments("Api.Size", "[Dtypes] lists decimal, which is not a numpy element type meeting T's constraints"));

    [Fact]
    public Task NDB0009_ref_out_and_in() => VerifyAsync(Class("""
            [PyFunction] public static void Bump(ref double {|#0:x|}) => x++;
            [PyFunction] public static void Make(out double {|#1:x|}) => x = 0;
            [PyFunction] public static double Read(in double {|#2:x|}) => x;
            [PyFunction] public static double Sum(params double[] xs) => 0;                // *args: no diagnostic
        """),
        Error("NDB0009", 0).WithArguments("x", "Api.Bump", "ref"),
        Error("NDB0009", 1).WithArguments("x", "Api.Make", "out"),
        Error("NDB0009", 2).WithArguments("x", "Api.Read", "in"));

    [Fact]
    public Task NDB0010_not_accessible() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static class Api
        {
            [PyFunction] private static int {|#0:Hidden|}() => 0;
            private static class Inner { [PyFunction] public static int {|#1:Nested|}() => 0; }
        }
        public class Base { [PyFunction] protected static int {|#2:Guarded|}() => 0; }
        file static class Local { [PyFunction] public static int {|#3:InFile|}() => 0; }
        """,
        Error("NDB0010", 0).WithArguments("Api.Hidden", "private"),
        Error("NDB0010", 1).WithArguments("Inner.Nested", "inside private type 'Inner'"),
        Error("NDB0010", 2).WithArguments("Base.Guarded", "protected"),
        Error("NDB0010", 3).WithArguments("Local.InFile", "inside file-local type 'Local'"));

    [Fact]
    public Task NDB0011_default_without_python_literal() => VerifyAsync(Class("""
            [PyFunction] public static double F(double {|#0:x|} = double.NaN) => x;
            [PyFunction] public static long G(NdView<double> {|#1:values|} = default) => values.Length;
        """),
        Error("NDB0011", 0).WithArguments("x", "Api.F", "NaN"),
        Error("NDB0011", 1).WithArguments("values", "Api.G", "default"));

    [Fact]
    public Task NDB0011_decimal_default_is_a_call_in_python() => VerifyAsync(Class("""
            [PyFunction] public static decimal F(decimal {|#0:x|} = 0.2m) => x;
        """),
        Error("NDB0011", 0).WithArguments("x", "Api.F", "0.2"));

    [Fact]
    public Task NDB0012_ndim_on_scalar_or_negative() => VerifyAsync(Class("""
            [PyFunction] public static double F([{|#0:Ndim(2)|}] double x) => x;
            [PyFunction] public static long G([{|#1:Ndim(-1)|}] NdView<double> values) => values.Length;
        """),
        Error("NDB0012", 0).WithArguments("2", "x", "Api.F"),
        Error("NDB0012", 1).WithArguments("-1", "values", "Api.G"));

    [Fact]
    public Task NDB0013_class_that_is_not_partial_or_is_static() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public class {|#0:Plain|} { }
        [PyClass] public static partial class {|#1:Helpers|} { }
        [PyClass] public partial class {|#2:Box|}<T> { }
        [PyClass] public abstract partial class Shape { }   // abstract is fine: not constructible from Python
        public partial class Outer { [PyClass] public partial class {|#4:Inner|} { } }
        """,
        Error("NDB0013", 0).WithArguments("Plain", "is not partial; the generator adds the link to its Python object to the class, so declare it 'partial'"),
        Error("NDB0013", 1).WithArguments("Helpers", "is static; Python objects are instances of it, so make it a non-static class (or export its methods with [PyFunction])"),
        Error("NDB0013", 2).WithArguments("Box", "is generic; Python has no type arguments to choose an instantiation with, so export a non-generic class (one that wraps an instantiation, or derives from it)"),
        Error("NDB0013", 4).WithArguments("Inner", "is nested in 'Outer'; the generated part of a [PyClass] is declared directly in its namespace, so move it out of 'Outer'"));

    private const string RecordReason = "is a record; the link to its Python object, which the generator adds as a field, would be copied by 'with' (the copy would pass for the original's Python object) and compared by the record's equality, so make it a 'partial class' (with Equals and GetHashCode of your own for value equality)";

    [Fact]
    public Task NDB0013_records_are_partial_but_refused_for_their_copies_and_equality() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial record {|#0:Point|}(double X, double Y);
        [PyClass] public partial record class {|#1:Size|} { public double W { get; init; } }
        [PyClass] public record {|#2:Whole|};
        // A struct, record struct included, is a struct [PyClass] (its value inside the Python object); a ref struct is not.
        [PyClass] public partial record struct Pair(int A, int B);
        [PyClass] public partial struct Cell { }
        [PyClass] public ref partial struct {|#3:Window|} { }
        """,
        Error("NDB0013", 0).WithArguments("Point", RecordReason),
        Error("NDB0013", 1).WithArguments("Size", RecordReason),
        Error("NDB0013", 2).WithArguments("Whole", RecordReason),
        Error("NDB0013", 3).WithArguments("Window", "is a ref struct; its value cannot live inside a Python object, so declare it 'partial struct' (or 'partial class')"));

    [Fact]
    public Task NDB0014_several_constructors_none_marked() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class {|#0:Two|} { public Two() { } public Two(int x) { } }
        // No public constructor: valid, only C# makes instances (Python gets "No constructor defined for Hidden").
        [PyClass] public partial class Hidden { private Hidden() { } }
        [PyClass] public partial class Protected { protected Protected(int x) { } }
        [PyClass] public partial class Chosen { [PyConstructor] public Chosen() { } public Chosen(int x) { } }
        [PyClass] public partial class Overloaded { [PyConstructor] public Overloaded() { } [PyConstructor] public Overloaded(int x) { } public Overloaded(string s) { } }
        """,
        Error("NDB0014", 0).WithArguments("Two", "has several public constructors and none is marked [PyConstructor]"));

    [Fact]
    public Task NDB0015_references_in_a_shape_the_generator_cannot_walk() => VerifyAsync("""
        using NdBindgen;
        using System.Collections.Generic;
        namespace Samples;
        [PyClass] public partial class Registry
        {
            private readonly Dictionary<string, PyRef> {|#0:_byName|} = new();
            private readonly List<PyRef> _fine = new();
            private PyRef? _alsoFine;
        }
        [PyClass] public partial class Custom : NdBindgen.IPyTraverse
        {
            private readonly Dictionary<string, PyRef> _byName = new();
            public int Traverse(NdBindgen.PyVisit visit) { foreach (var r in _byName.Values) { int x = visit.Visit(r); if (x != 0) return x; } return 0; }
            public void Clear() { foreach (var r in _byName.Values) r.Dispose(); }
        }
        """,
        Error("NDB0015", 0).WithArguments("_byName", "Registry", "System.Collections.Generic.Dictionary<string, NdBindgen.PyRef>"));

    [Fact]
    public Task NDB0016_members_that_cannot_be_exported_so() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class Shape
        {
            [PyClassMethod] public Shape {|#0:Make|}() => this;
            [PyMethod("__wat__")] public Shape {|#1:Plus|}(Shape other) => this;
            [PyProperty] public static int {|#2:Count|} { get; set; }
            [PyMethod("__repr__")] public string {|#3:Describe|}(int depth) => "";
            [PyMethod("__enter__")] public static Shape {|#4:Enter|}() => new();
        }
        """,
        Error("NDB0016", 0).WithArguments("Shape.Make", "[PyClassMethod] takes a static factory method returning Shape"),
        Error("NDB0016", 1).WithArguments("Shape.Plus", "'__wat__' is not a dunder NdBindgen knows; [PyMethod(\"__name__\")] takes " + DunderMethods + " (operators, comparison, hashing, indexing, len and iteration also come from C# itself)"),
        Error("NDB0016", 2).WithArguments("Shape.Count", "it is static and has a public setter; a static [PyProperty] is a class attribute, read-only in Python ('Point.count = 3' would replace the attribute in the class's __dict__ without asking the class, as only a metaclass could), so make the setter private, or export a static [PyMethod] that sets it"),
        Error("NDB0016", 3).WithArguments("Shape.Describe", "[PyMethod(\"__repr__\")] takes an instance method with no parameters returning string: it has parameters"),
        Error("NDB0016", 4).WithArguments("Shape.Enter", "[PyMethod(\"__enter__\")] takes a method (its signature is converted as any [PyMethod]'s): it is static"));

    [Fact]
    public Task NDB0016_number_dunder_methods_of_the_wrong_shape_say_which_rule_they_break() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class Money
        {
            [PyMethod("__matmul__")] public Money {|#0:Times|}() => this;
            [PyMethod("__radd__")] public Money {|#1:Plus|}(string other) => this;
            [PyMethod("__pow__")] public Money {|#2:Power|}(long e, long m, long x) => this;
            [PyMethod("__rpow__")] public Money {|#3:RPower|}(long e, long m) => this;
            [PyMethod("__neg__")] public Money {|#4:Negate|}(Money other) => this;
            [PyMethod("__bool__")] public int {|#5:Truth|}() => 1;
            [PyMethod("__index__")] public double {|#6:Index|}() => 1;
            [PyMethod("__sub__")] public void {|#7:Minus|}(Money other) { }
            [PyMethod("__iadd__")] public void {|#8:Add|}(ref long other) { }
        }
        """,
        Error("NDB0016", 0).WithArguments("Money.Times", "[PyMethod(\"__matmul__\")] takes an instance method with one parameter of a type the operator can test (a [PyClass], double, long or int), returning a value: it has no parameters"),
        Error("NDB0016", 1).WithArguments("Money.Plus", "[PyMethod(\"__radd__\")] takes an instance method with one parameter of a type the operator can test (a [PyClass], double, long or int), returning a value: its parameter 'other' is string, which the operator cannot test without raising (so it could not return NotImplemented for other types)"),
        Error("NDB0016", 2).WithArguments("Money.Power", "[PyMethod(\"__pow__\")] takes an instance method with one parameter (or two: ternary pow's modulo) of a type the operator can test (a [PyClass], double, long or int), returning a value: it has 3 parameters"),
        Error("NDB0016", 3).WithArguments("Money.RPower", "[PyMethod(\"__rpow__\")] takes an instance method with one parameter (or two: ternary pow's modulo) of a type the operator can test (a [PyClass], double, long or int), returning a value: it has 2 parameters"),
        Error("NDB0016", 4).WithArguments("Money.Negate", "[PyMethod(\"__neg__\")] takes an instance method with no parameters returning a value: it has a parameter"),
        Error("NDB0016", 5).WithArguments("Money.Truth", "[PyMethod(\"__bool__\")] takes an instance method with no parameters returning bool: it returns int"),
        Error("NDB0016", 6).WithArguments("Money.Index", "[PyMethod(\"__index__\")] takes an instance method with no parameters returning an integer (int, long, BigInteger, ...): it returns double"),
        Error("NDB0016", 7).WithArguments("Money.Minus", "[PyMethod(\"__sub__\")] takes an instance method with one parameter of a type the operator can test (a [PyClass], double, long or int), returning a value: it returns void"),
        Error("NDB0016", 8).WithArguments("Money.Add", "[PyMethod(\"__iadd__\")] takes an instance method with one parameter of a type the operator can test (a [PyClass], double, long or int), returning a value, or void (the object itself): its parameter 'other' is ref"));

    [Fact]
    public Task NDB0016_container_dunder_methods_of_the_wrong_shape() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class Bag
        {
            [PyMethod("__len__")] public double {|#0:Size|}() => 0;
            [PyMethod("__contains__")] public bool {|#1:Has|}(int a, int b) => false;
            [PyMethod("__delitem__")] public void {|#3:Remove|}(NdView<double> key) { }
            [PyMethod("__next__")] public void {|#4:Next|}() { }
        }
        [PyClass] public partial class Bag2
        {
            [PyMethod("__contains__")] public int {|#2:Has2|}(int a) => 0;
            [PyMethod("__delitem__")] public int {|#5:Drop|}(int index) => index;
        }
        """,
        Error("NDB0016", 0).WithArguments("Bag.Size", "[PyMethod(\"__len__\")] takes an instance method with no parameters returning int or long: it returns double"),
        Error("NDB0016", 1).WithArguments("Bag.Has", "[PyMethod(\"__contains__\")] takes an instance method of one parameter (the item) returning bool: it has 2 parameters"),
        Error("NDB0016", 2).WithArguments("Bag2.Has2", "[PyMethod(\"__contains__\")] takes an instance method of one parameter (the item) returning bool: it returns int"),
        Error("NDB0016", 3).WithArguments("Bag.Remove", "[PyMethod(\"__delitem__\")] takes an instance method of one parameter (the key) returning void: its parameter's type 'NdBindgen.NdView<double>' cannot be a key (a key converts from Python without holding a reference or buffer: numbers, str, enums, tuples, [PyClass] instances, PySlice)"),
        Error("NDB0016", 4).WithArguments("Bag.Next", "[PyMethod(\"__next__\")] takes an instance method with no parameters returning the next item (throw PyStopIteration to end): it returns void"),
        Error("NDB0016", 5).WithArguments("Bag2.Drop", "[PyMethod(\"__delitem__\")] takes an instance method of one parameter (the key) returning void: it returns int"));

    [Fact]
    public Task NDB0039_context_manager_without_IDisposable_or_with_its_own_enter() => VerifyAsync("""
        using System;
        using NdBindgen;
        namespace Samples;
        [PyClass(ContextManager = true)] public partial class {|#0:Session|} { }
        [PyClass(ContextManager = true)] public partial class {|#1:Lock|} : IDisposable
        {
            public void Dispose() { }
            [PyMethod("__enter__")] public Lock Enter() => this;
        }
        """,
        Error("NDB0039", 0).WithArguments("Session", "it does not implement IDisposable, whose Dispose() __exit__ would call; implement IDisposable, or write [PyMethod(\"__enter__\")] and [PyMethod(\"__exit__\")] instead of ContextManager = true"),
        Error("NDB0039", 1).WithArguments("Lock", "it also has a [PyMethod(\"__enter__\")] or [PyMethod(\"__exit__\")]; keep either those or ContextManager = true"));

    [Fact]
    public Task NDB0016_class_attributes_python_could_set_and_deleters_without_null() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class Shape
        {
            [PyProperty] public static int Made { get; private set; }                 // a class attribute: fine
            [PyProperty] public static readonly int Limit = 3;                          // fine
            [PyProperty] public static int {|#0:Drawn|};
            [PyProperty] public static int {|#1:Hidden|} { private get; set; }
            [PyProperty] public static object {|#2:Thing|} => null!;
            [PyProperty] public string Secret { private get; set; } = "";              // write-only: fine
            [PyProperty(Deletable = true)] public string? Label { get; set; }           // fine
            [PyProperty(Deletable = true)] public int {|#3:Size|} { get; set; }
            [PyProperty(Deletable = true)] public string? {|#4:Name|} => null;
            [PyProperty] private static int {|#5:Secretly|} => 0;
            [PyProperty(Deletable = true)] public static string? {|#6:Motto|} => null;
        }
        """,
        Error("NDB0016", 0).WithArguments("Shape.Drawn", "it is a static field Python could not set; a static "
            + "[PyProperty] is a class attribute, read-only in Python ('Point.count = 3' would replace the attribute "
            + "in the class's __dict__ without asking the class, as only a metaclass could), so make it a property "
            + "with a private setter, or readonly"),
        Error("NDB0016", 1).WithArguments("Shape.Hidden", "a static [PyProperty] is a class attribute Python reads, "
            + "and it has no public getter"),
        Error("NDB0016", 2).WithArguments("Shape.Thing", "its type 'object' cannot be converted to Python; a class "
            + "attribute can be " + ConversionTable.SupportedConstants),
        Error("NDB0016", 3).WithArguments("Shape.Size", "[PyProperty(Deletable = true)] makes 'del obj.x' set it to "
            + "null, and its type 'int' does not take null; make it nullable ('int?')"),
        Error("NDB0016", 4).WithArguments("Shape.Name", "[PyProperty(Deletable = true)] makes 'del obj.x' set it to "
            + "null, and it has no public setter"),
        Error("NDB0010", 5).WithArguments("Shape.Secretly", "private or protected"),
        Error("NDB0016", 6).WithArguments("Shape.Motto", "[PyProperty(Deletable = true)] is for instance properties; "
            + "a static [PyProperty] is a class attribute, read-only in Python"));

    /// <summary>Every dunder a [PyMethod("__name__")] can serve, in the table's order (NDB0016's list).</summary>
    private static string DunderMethods => string.Join(", ",
        NdBindgen.Generator.Model.SlotTable.DunderMethodNames);

    [Fact]
    public Task NDB0016_property_types_without_a_conversion_name_the_property_and_what_properties_take() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class Shape
        {
            [PyProperty] public object {|#0:Thing|} { get; set; } = null!;
            [PyProperty] public NdArray<double> {|#1:Values|} { get; set; } = null!;
            [PyProperty] public NdArray<double> Cached => null!;                       // read-only: fine
            [PyProperty] public NdArray<decimal> {|#2:Money|} => null!;
        }
        """,
        Error("NDB0016", 0).WithArguments("Shape.Thing", "its type 'object' cannot be converted to Python; a [PyProperty] can be " + ConversionTable.SupportedProperties),
        Error("NDB0016", 1).WithArguments("Shape.Values", "its type 'NdBindgen.NdArray<double>' cannot be converted from Python, which its setter needs; a [PyProperty] can be " + ConversionTable.SupportedProperties),
        Error("NDB0004", 2).WithArguments("Property 'Money' of 'Shape'", "decimal", ConversionTable.SupportedElements));

    [Fact]
    public Task NDB0017_conflicting_attributes() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class Shape
        {
            public Shape() { }
            [PyMethod, PyFunction] public static int {|#0:Both|}() => 0;
            [PyMethod, PyClassMethod] public static Shape {|#1:Make|}() => new();
        }
        """,
        Error("NDB0017", 0).WithArguments("Shape.Both", "[PyMethod] and [PyFunction]"),
        Error("NDB0017", 1).WithArguments("Shape.Make", "[PyMethod] and [PyClassMethod]"));

    [Fact]
    public Task NDB0018_class_member_attribute_outside_a_class() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public class Plain
        {
            [PyMethod] public int {|#0:Area|}() => 0;
            [PyProperty] public int {|#1:Size|} { get; set; }
        }
        """,
        Error("NDB0018", 0).WithArguments("Plain.Area", "[PyMethod]", "Plain"),
        Error("NDB0018", 1).WithArguments("Plain.Size", "[PyProperty]", "Plain"));

    [Fact]
    public Task NDB0019_async_export() => VerifyAsync(Class("""
            [PyFunction] public static async System.Threading.Tasks.Task<double> {|#0:Later|}() { await System.Threading.Tasks.Task.Yield(); return 1; }
        """),
        Error("NDB0019").WithArguments("Api.Later"));

    [Fact]
    public Task NDB0020_assume_gil_held_in_user_code() => VerifyAsync(Class("""
            [PyFunction] public static double Work(Python py, NdViewMut<double> a) =>
                py.AllowThreads(a, v => { {|#0:Python.AssumeGilHeld()|}.CheckSignals(); return 0.0; });
        """),
        DiagnosticResult.CompilerWarning("NDB0020").WithLocation(0));

    [Fact]
    public Task NDB0021_pointer_into_a_view_kept_beyond_the_call() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static unsafe class Api
        {
            private static double* s_kept;
            private static nint s_address;
            [PyFunction] public static void Keep(NdViewMut<double> values)
            {
                if (!values.TryGetSpan(out var span)) return;
                fixed (double* p = span) { {|#0:s_kept = p|}; }
                {|#1:s_address = (nint)System.Runtime.CompilerServices.Unsafe.AsPointer(ref values[0])|};
                double* local = s_kept;   // reading is fine; so is a pointer kept in a local
            }
        }
        """,
        Error("NDB0021", 0).WithArguments("Keep", "values"),
        Error("NDB0021", 1).WithArguments("Keep", "values"));

    [Fact]
    public Task NDB0022_array_like_on_an_in_place_view_or_a_non_view() => VerifyAsync(Class("""
            [PyFunction] public static void Scale([{|#0:ArrayLike|}] NdViewMut<double> values, double factor) { }
            [PyFunction] public static double Twice([{|#1:ArrayLike|}] double x) => 2 * x;
            [PyFunction] public static double Sum([ArrayLike, Ndim(1)] NdView<double> values) => 0;   // the intended use: no diagnostic
        """),
        Error("NDB0022", 0).WithArguments("values", "Api.Scale",
            "an in-place view cannot accept array-likes: writes would go to a temporary copy; take an NdView<T> and return an NdArray<T>, or drop [ArrayLike]"),
        Error("NDB0022", 1).WithArguments("x", "Api.Twice", "[ArrayLike] applies to NdView<T> parameters only, not double"));

    [Fact]
    public Task NDB0026_a_py_class_deriving_from_a_py_class_that_is_not_generated() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public class {|#0:Account|} { }
        [PyClass] public partial class Savings : {|#1:Account|} { [PyProperty] public double Rate { get; set; } }
        public class Middle : Account { }
        [PyClass] public partial class Deeper : {|#2:Samples.Middle|}, System.IDisposable { public void Dispose() { } }
        // A [PyClass] deriving from a generated one is a Python subclass, also across classes that are not [PyClass]es.
        [PyClass] public partial class Shape { [PyProperty] public double Area { get; set; } }
        public abstract class Between : Shape { }
        [PyClass] public partial class Square : Between { }
        public abstract class Plain { }
        [PyClass] public partial class Fine : Plain { }
        """,
        Error("NDB0013", 0).WithArguments("Account", "is not partial; the generator adds the link to its Python object to the class, so declare it 'partial'"),
        Error("NDB0026", 1).WithArguments("Savings", "Account", "that is not generated (NDB0013 says why); fix 'Account' first"),
        Error("NDB0026", 2).WithArguments("Deeper", "Account", "that is not generated (NDB0013 says why); fix 'Account' first"));

    [Fact]
    public Task NDB0033_generated_and_hand_written_traversal_in_one_hierarchy() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class Hand : IPyTraverse { public int Traverse(PyVisit v) => 0; public void Clear() { } }
        [PyClass] public partial class {|#0:Under|} : Hand { [PyProperty] public PyRef? Item { get; set; } }
        [PyClass] public partial class Generated { [PyProperty] public PyRef? Item { get; set; } }
        [PyClass] public partial class {|#1:Manual|} : Generated, IPyTraverse { public int Traverse(PyVisit v) => 0; public void Clear() { } }
        // What the message says to do: virtual Traverse and Clear, overridden below.
        [PyClass] public partial class Virtual : IPyTraverse { public virtual int Traverse(PyVisit v) => 0; public virtual void Clear() { } }
        [PyClass] public partial class Fine : Virtual
        {
            [PyProperty] public PyRef? Item { get; set; }
            public override int Traverse(PyVisit v) { int r = base.Traverse(v); return r != 0 ? r : v.Visit(Item); }
            public override void Clear() { base.Clear(); Item?.Dispose(); }
        }
        """,
        Error("NDB0033", 0).WithArguments("Under", "Hand", "holds PyRef members, while 'Hand' implements IPyTraverse by hand; the generated traversal cannot call a hand-written one, so make Traverse and Clear of 'Hand' public virtual methods and override them in 'Under', reporting its references and calling the base's"),
        Error("NDB0033", 1).WithArguments("Manual", "Generated", "implements IPyTraverse by hand, while the generator traverses the PyRef members of 'Generated'; a hand-written IPyTraverse here would replace that traversal, so let the generator traverse 'Manual' too (hold its references in PyRef fields, arrays or lists of them), or implement IPyTraverse by hand in 'Generated' as well, with public virtual Traverse and Clear that 'Manual' overrides"));

    [Fact]
    public Task NDB0027_two_members_of_a_class_under_one_python_name() => VerifyClassAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class Tank
        {
            [PyProperty] public double Size { get; set; }
            [PyMethod("size")] public double {|#0:GetSize|}() => 0;
            [PyProperty("w")] public double Width { get; set; }
            [PyProperty("w")] public double {|#1:Weight|} { get; set; }
            [PyMethod] public double Fill() => 0;
            [PyMethod] public double Fill(double level) => level;             // an overload set: one method
            [PyProperty] public int {|#2:fill|};
            [PyMethod("__repr__")] public string Show() => "";
            [PyMethod("__repr__")] public string {|#3:Describe|}() => "";
        }
        """,
        Error("NDB0027", 0).WithArguments("Tank.GetSize", "size", "Tank.Size", "PyMethod"),
        Error("NDB0027", 1).WithArguments("Tank.Weight", "w", "Tank.Width", "PyProperty"),
        Error("NDB0027", 2).WithArguments("Tank.fill", "fill", "Tank.Fill", "PyProperty"),
        Error("NDB0027", 3).WithArguments("Tank.Describe", "__repr__", "Tank.Show", "PyMethod"));

    [Fact]
    public Task NDB0016_constants_that_can_change_or_cannot_be_read() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public class Settings
        {
            [PyConstant] public static int {|#0:Counter|} = 0;
            [PyConstant] public readonly int {|#1:Size|} = 1;
            [PyConstant] public static int {|#2:Level|} { get; set; }
            [PyConstant] public int {|#3:Width|} => 1;
            [PyConstant] private const int {|#4:Hidden|} = 1;
        }
        [PyClass] public partial class Shape
        {
            [PyConstant] public const int Corners = 4;                            // a class attribute
            [PyConstant] public static int {|#5:Drawn|} = 0;
        }
        """,
        Error("NDB0016", 0).WithArguments("Settings.Counter", "it is a static field that can change, and Python would "
            + "only see the value it had at import; make it readonly (or const), or export [PyFunction]s that get and "
            + "set it"),
        Error("NDB0016", 1).WithArguments("Settings.Size",
            "it is an instance field; a module constant is a const or static readonly field"),
        Error("NDB0016", 2).WithArguments("Settings.Level", "it has a setter, and Python would only see the value it "
            + "had at import; remove the setter, or export [PyFunction]s that get and set it"),
        Error("NDB0016", 3).WithArguments("Settings.Width", "it is an instance property; a module constant is a "
            + "static property (or a const or static readonly field)"),
        Error("NDB0016", 4).WithArguments("Settings.Hidden", "it is private; the generated module code reads it, so "
            + "make it internal or public (and every containing type too)"),
        Error("NDB0016", 5).WithArguments("Shape.Drawn", "it is a static field that can change, and Python would "
            + "only see the value it had at import; make it readonly (or const), or export [PyFunction]s that get and "
            + "set it"));

    [Fact]
    public Task NDB0006_constant_and_submodule_names_python_cannot_take() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static class Limits
        {
            [{|#0:PyConstant("max size")|}] public const int MaxSize = 3;
        }
        [{|#1:PySubmodule("class")|}] public static class Classes { }
        """,
        Error("NDB0006", 0).WithArguments("max size", " (it contains ' ')"),
        Error("NDB0006", 1).WithArguments("class", " (it is a Python keyword)"));

    [Fact]
    public Task NDB0032_enum_members_python_would_refuse_or_drop() => VerifyAsync("""
        using NdBindgen;
        namespace Samples
        {
            // _MODE__SECRET is fine: enum's private names start with the class name as it is ("_Mode__").
            public enum Mode { FooBar = 1, {|#0:Foo_Bar|} = 2, {|#1:FOO_BAR|} = FooBar, {|#2:_Auto_|} = 3, {|#3:__Hidden__|} = 4,
                _Mode__Secret = 5, _Plain = 6, Plain_ = 7 }
            [PyEnum("LEVEL")] public enum Grade { {|#4:_Level__Top|} = 1, _Grade__Fine = 2 }
            public enum Unused { A, a }
            public static class Api
            {
                [PyFunction] public static Mode Echo(Mode m, Grade g) => m;
            }
        }
        """,
        Error("NDB0032", 0).WithArguments("Foo_Bar", "Samples.Mode", "FOO_BAR",
            "the Python name of member 'FooBar' too; a Python enum has one member per name"),
        Error("NDB0032", 1).WithArguments("FOO_BAR", "Samples.Mode", "FOO_BAR",
            "the Python name of member 'FooBar' too; a Python enum has one member per name"),
        Error("NDB0032", 2).WithArguments("_Auto_", "Samples.Mode", "_AUTO_",
            "a _sunder_ name, which Python's enum reserves for itself"),
        Error("NDB0032", 3).WithArguments("__Hidden__", "Samples.Mode", "__HIDDEN__",
            "a __dunder__ name, which Python's enum takes as an attribute and not as a member"),
        Error("NDB0032", 4).WithMessage("Member '_Level__Top' of enum 'Samples.Grade' becomes '_LEVEL__TOP' in "
            + "Python, a private name of the class 'LEVEL' (_LEVEL__...), which Python's enum (3.11 and later) does "
            + "not make a member; rename the C# member"));

    [Fact]
    public Task NDB0035_virtual_members_whose_python_overrides_cs_cannot_call() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial class Animal
        {
            [PyMethod] public virtual string Speak(int times) => "";
            [PyMethod] public string Plain(NdView<double> values) => "";
            [PyMethod] public virtual double {|#0:Sum|}(NdView<double> values) => 0;
            [PyMethod] public virtual NdArray<double> {|#1:Make|}() => null!;
            [PyMethod] public virtual double {|#2:Total|}(params double[] xs) => 0;
            [PyMethod] public virtual double {|#3:Scaled|}(double x, [KeywordOnly] double by = 1) => x;
            [PyProperty] public virtual double {|#4:Weight|} { get; set; }
            [PyMethod("__repr__")] public virtual string {|#5:Repr|}() => "";
        }
        [PyClass] public sealed partial class Rock
        {
            [PyMethod] public double Sum(NdView<double> values) => 0;
        }
        """,
        Warning(0).WithArguments("Animal.Sum", "its parameter 'values' of type 'NdBindgen.NdView<double>' cannot be "
            + "converted to Python (an override receives what a function's result can be)"),
        Warning(1).WithArguments("Animal.Make", "its result type 'NdBindgen.NdArray<double>' cannot be converted from "
            + "Python (an override returns what a function's argument can be)"),
        Warning(2).WithArguments("Animal.Total",
            "its parameter 'xs' is *args, and an override is called with positional arguments only"),
        Warning(3).WithArguments("Animal.Scaled",
            "its parameter 'by' is keyword-only, and an override is called with positional arguments only"),
        Warning(4).WithArguments("Animal.Weight", "a Python subclass overrides an attribute with a descriptor of its "
            + "own, which C# does not look for (a virtual [PyProperty] is read and set as C# implements it)"),
        Warning(5).WithArguments("Animal.Repr",
            "'__repr__' fills a protocol slot, and C# does not look for Python overrides of a slot"));

    private static DiagnosticResult Warning(int location) =>
        DiagnosticResult.CompilerWarning("NDB0035").WithLocation(location);

    [Fact]
    public Task NDB0040_constant_of_a_type_python_cannot_hold() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static class Limits
        {
            [PyConstant] public static readonly object {|#0:Thing|} = new();
            [PyConstant] public static readonly NdArray<double> {|#1:Table|} = null!;
            [PyConstant] public static readonly PyRef {|#2:Cached|} = null!;
            [PyConstant] public static readonly System.Guid {|#3:Id|} = default;
        }
        """,
        Error("NDB0040", 0).WithArguments("Limits.Thing", "object", ConversionTable.SupportedConstants),
        Error("NDB0040", 1).WithArguments("Limits.Table", "NdBindgen.NdArray<double>",
            ConversionTable.SupportedConstants),
        Error("NDB0040", 2).WithArguments("Limits.Cached", "NdBindgen.PyRef", ConversionTable.SupportedConstants),
        Error("NDB0040", 3).WithArguments("Limits.Id", "System.Guid", ConversionTable.SupportedConstants));

    [Fact]
    public Task NDB0041_classes_that_cannot_be_submodules() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PySubmodule] public class {|#0:Stats|} { [PyFunction] public static int One() => 1; }
        [PySubmodule] public static class Outer
        {
            [PySubmodule] public static class {|#1:Inner|} { [PyFunction] public static int Two() => 2; }
        }
        """,
        Error("NDB0041", 0).WithArguments("Stats", "it is not a static class; a submodule has no instances, so make "
            + "it 'static class' (its [PyFunction]s are static methods)"),
        Error("NDB0041", 1).WithArguments("Inner", "it is nested in the submodule 'Outer'; submodules of submodules "
            + "are not supported yet, so move it out of 'Outer' (a submodule can be named \"outer_...\")"));

    [Fact]
    public Task NDB0042_class_naming_a_submodule_that_is_not_one() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static class Helpers { }
        [{|#0:PyClass(Submodule = typeof(Helpers))|}] public partial class Widget { }
        """,
        Error("NDB0042").WithArguments("Widget", "Helpers"));

    [Fact]
    public Task NDB0044_pickle_asked_for_a_class_that_cannot_be_rebuilt() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass(Pickle = true)] public partial class Seeded
        {
            public Seeded(double x, int {|#0:seed|}) { X = x; }
            [PyProperty] public double X { get; }
        }
        [PyClass(Pickle = true)] public partial class {|#1:Logged|}
        {
            private readonly System.Collections.Generic.List<int> _log = new();
            [PyProperty] public int Start { get; set; }
        }
        [PyClass(Pickle = true)] public partial class Typed
        {
            public Typed(string {|#2:n|}) { N = n.Length; }
            [PyProperty] public int N { get; }
        }
        [PyClass] public partial class NotAsked
        {
            public NotAsked(int seed) { }
        }
        [PyClass(Pickle = true)] public partial class ByHand
        {
            public ByHand(int seed) { }
            [PyMethod("__reduce__")] public string Reduce() => "ByHand";
        }
        """,
        Error("NDB0044", 0).WithArguments("Seeded", "its constructor parameter 'seed' has no property to read it back "
            + "from", "add a [PyProperty] named 'seed', or write __reduce__ (or __getnewargs__ and "
            + "__getstate__/__setstate__)"),
        Error("NDB0044", 1).WithArguments("Logged", "its field 'Logged._log' is not a [PyProperty], so pickling would "
            + "lose it", "mark it [NonSerialized] ([field: NonSerialized] on an auto-property) if it is not state, or "
            + "write __getstate__ and __setstate__ (or __reduce__)"),
        Error("NDB0044", 2).WithArguments("Typed", "its constructor parameter 'n' is str but property 'n' is int",
            "give the property the parameter's type, or write __reduce__"));

    [Fact]
    public Task NDB0047_struct_holding_a_reference() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public partial struct Tagged
        {
            [PyProperty] public double Value;
            [PyProperty] public string {|#0:Tag|} { get; set; }
        }
        [PyClass] public partial struct Holder
        {
            private int[] {|#1:_items|};
        }
        [PyClass] public partial struct Fine
        {
            [PyProperty] public double X;
            private int _count;
        }
        """,
        Error("NDB0047", 0).WithArguments("Tagged", "Tag", "string"),
        Error("NDB0047", 1).WithArguments("Holder", "_items", "int[]"));

    [Fact]
    public Task NDB0048_what_a_struct_cannot_do() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass(Dict = true)] public partial struct {|#0:Loose|} { }
        [PyClass(ContextManager = true)] public partial struct {|#1:Scope|} : System.IDisposable
        {
            public void Dispose() { }
        }
        [PyClass] public partial struct Cells
        {
            public double {|#2:this|}[int i] { get => 0; set { } }
        }
        """,
        Error("NDB0048", 0).WithArguments("Loose", "have an instance __dict__ (Dict = true): its instances hold no .NET "
            + "object to keep it beside, and a dict would make the type a GC type; make it a 'partial class' for a "
            + "__dict__"),
        Error("NDB0048", 1).WithArguments("Scope", "be a context manager (ContextManager = true): Dispose() would run "
            + "on a copy; make it a 'partial class', or export [PyMethod(\"__enter__\")] and "
            + "[PyMethod(\"__exit__\")] that change the state in place"),
        Error("NDB0048", 2).WithArguments("Cells", "change itself in an operator or indexer slot (an indexer setter): "
            + "the slot works on a copy of the value; return a new value from a static operator, or export a "
            + "[PyMethod] that changes the state in place"));

    [Fact]
    public Task NDB0049_weakref_false_only_on_a_struct() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass(WeakRef = false)] public partial class {|#0:Heavy|} { }
        [PyClass(WeakRef = false)] public partial struct Light { }
        [PyClass(WeakRef = true)] public partial class Usual { }
        """,
        Error("NDB0049", 0).WithArguments("Heavy"));

    [Fact]
    public Task NDB0028_parameter_kinds_out_of_order() => VerifyAsync(Class("""
            [PyFunction] public static double Late(double a, [PositionalOnly] double {|#0:b|}) => a;
            [PyFunction] public static double Back([KeywordOnly] double c, double {|#1:d|}) => c;
            [PyFunction] public static double Fine([PositionalOnly] double a, double b, [KeywordOnly] double c,
                params double[] rest) => a;
        """),
        Error("NDB0028", 0).WithArguments("b", "Api.Late",
            "is [PositionalOnly] but follows 'a', which is not; positional-only parameters come first"),
        Error("NDB0028", 1).WithArguments("d", "Api.Back",
            "can be passed by position but follows keyword-only 'c'; keyword-only parameters come after the positional "
            + "ones, so move it or mark it [KeywordOnly] too"));

    [Fact]
    public Task NDB0029_not_a_variadic_parameter() => VerifyAsync(Class("""
            [PyFunction] public static double Listed(params System.Collections.Generic.HashSet<double> {|#0:xs|}) => 0;
            [PyFunction] public static double Decimals(params System.Guid[] {|#1:xs|}) => 0;
            [PyFunction] public static double Keyed([PyKwargs] System.Collections.Generic.Dictionary<int, double> {|#2:kw|}) => 0;
            [PyFunction] public static double Early([PyKwargs] System.Collections.Generic.Dictionary<string, double> kw,
                double {|#3:x|}) => 0;
            [PyFunction] public static double Twice([PyKwargs] System.Collections.Generic.Dictionary<string, double> kw,
                [PyKwargs] System.Collections.Generic.IDictionary<string, long> {|#4:more|}) => 0;
            [PyFunction] public static double Nested(params int[][] {|#5:xs|}) => 0;
            [PyFunction] public static double Collections(params System.Collections.Generic.List<double?> a) => 0;
            [PyFunction] public static double Enumerated(params System.Collections.Generic.IEnumerable<string?> a) => 0;
            [PyFunction] public static T First<T>(NdView<T> values, params T[] {|#6:more|}) where T : unmanaged => default;
            [PyFunction] public static double Both(double x,
                [PyKwargs] System.Collections.Generic.IReadOnlyDictionary<string, double>? kw = null,
                params double[] rest) => 0;                                                    // fine
        """),
        Error("NDB0029", 0).WithArguments("xs", "Api.Listed", "*args",
            "its type is 'System.Collections.Generic.HashSet<double>'; *args is params T[], ReadOnlySpan<T>, List<T>, "
            + "IList<T>, ICollection<T>, IEnumerable<T>, IReadOnlyCollection<T> or IReadOnlyList<T>"),
        Error("NDB0029", 1).WithArguments("xs", "Api.Decimals", "*args",
            "its element type 'System.Guid' is not one *args converts; supported: " + ParameterKinds.SupportedElements),
        Error("NDB0029", 2).WithArguments("kw", "Api.Keyed", "**kwargs",
            "its type is 'System.Collections.Generic.Dictionary<int, double>'; **kwargs is a Dictionary<string, T>, "
            + "IDictionary<string, T> or IReadOnlyDictionary<string, T>"),
        Error("NDB0029", 3).WithArguments("x", "Api.Early", "a parameter here",
            "it follows **kwargs 'kw', which comes last (but for a params parameter)"),
        Error("NDB0029", 4).WithArguments("more", "Api.Twice", "**kwargs", "'kw' is **kwargs already; a function has one"),
        Error("NDB0029", 5).WithArguments("xs", "Api.Nested", "*args",
            "its element type 'int[]' is not one *args converts; supported: " + ParameterKinds.SupportedElements),
        Error("NDB0029", 6).WithArguments("more", "Api.First", "*args",
            "a generic function dispatched on a dtype takes named parameters only"));

    [Fact]
    public Task NDB0030_two_kinds_on_one_parameter() => VerifyAsync(Class("""
            [PyFunction] public static double Torn([PositionalOnly, KeywordOnly] double {|#0:x|}) => x;
            [PyFunction] public static double Starred([KeywordOnly] params double[] {|#1:xs|}) => 0;
        """),
        Error("NDB0030", 0).WithArguments("x", "Api.Torn", "[PositionalOnly]", "[KeywordOnly]"),
        Error("NDB0030", 1).WithArguments("xs", "Api.Starred", "params (*args)", "[KeywordOnly]"));

    [Fact]
    public Task NDB0031_an_overload_with_args_or_kwargs() => VerifyAsync(Class("""
            [PyFunction] public static double Total(double x) => x;
            [PyFunction] public static double {|#0:Total|}(double x, params double[] rest) => x;
        """),
        Error("NDB0031", 0).WithArguments("Api.Total", "*args", "total", "PyFunction"));

    [Fact]
    public void Every_descriptor_has_one_analyzer_and_module_wide_ones_are_compilation_end()
    {
        var bindings = new NdBindgen.Generator.Analyzers.PyBindingsAnalyzer().SupportedDiagnostics;
        var module = new NdBindgen.Generator.Analyzers.PyModuleAnalyzer().SupportedDiagnostics;
        var escapes = new NdBindgen.Generator.Analyzers.ViewEscapeAnalyzer().SupportedDiagnostics;
        foreach (var d in DiagnosticDescriptors.All)
        {
            int reporters = new[] { bindings, module, escapes }.Count(a => a.Contains(d));
            Assert.True(reporters == 1, $"{d.Id} is supported by {reporters} analyzers");
        }
        Assert.Equal(new[] { "NDB0005", "NDB0007", "NDB0023", "NDB0032" }, module.Select(d => d.Id).OrderBy(id => id));
        Assert.All(module, d => Assert.Contains(Microsoft.CodeAnalysis.WellKnownDiagnosticTags.CompilationEnd, d.CustomTags));
        Assert.All(bindings, d => Assert.DoesNotContain(Microsoft.CodeAnalysis.WellKnownDiagnosticTags.CompilationEnd, d.CustomTags));
    }

    [Fact]
    public void Every_descriptor_has_a_test_a_release_entry_and_a_doc_entry()
    {
        // DiagnosticTests.cs and its partial files (DiagnosticTests.Exceptions.cs, ...).
        string tests = string.Concat(Directory.GetFiles(TestPaths.ProjectDirectory, "DiagnosticTests*.cs")
            .Select(File.ReadAllText));
        string releases = File.ReadAllText(TestPaths.RepositoryFile("generator/NdBindgen.Generator/AnalyzerReleases.Unshipped.md"));
        string docs = File.ReadAllText(TestPaths.RepositoryFile("docs/diagnostics.md"));
        Assert.Equal(DiagnosticDescriptors.All.Count, DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Count());
        foreach (var d in DiagnosticDescriptors.All)
        {
            Assert.Contains($"public Task {d.Id}_", tests);
            Assert.Contains($"{d.Id} | NdBindgen | {d.DefaultSeverity} |", releases);
            Assert.Contains($"## {d.Id}\n", docs.Replace("\r\n", "\n"));
            Assert.Same(d, DiagnosticDescriptors.ById(d.Id));
        }
    }
}
