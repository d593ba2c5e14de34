using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using NdBindgen.CodeFixes;
using NdBindgen.Generator.Parsing;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests;

/// <summary>
/// Each code fix: the diagnostic at its exact span before, the source after. Every case with two
/// or more diagnostics is also fixed all at once (the verifier applies FixAll in document, project
/// and solution scope, and one fix at a time).
/// </summary>
public class CodeFixTests
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

    // ---- NDB0001: make static

    [Fact]
    public Task NDB0001_makes_the_method_static() => FixVerifier<MakeFunctionStaticCodeFix>.VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public class Api
        {
            /// <summary>Doubles.</summary>
            [PyFunction] public double {|#0:Scale|}(double x) => 2 * x;
        }
        """, """
        using NdBindgen;
        namespace Samples;
        public class Api
        {
            /// <summary>Doubles.</summary>
            [PyFunction] public static double Scale(double x) => 2 * x;
        }
        """,
        Error("NDB0001").WithArguments("Api.Scale"));

    [Fact]
    public Task NDB0001_fix_all_two_methods() => FixVerifier<MakeFunctionStaticCodeFix>.VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public class Api
        {
            [PyFunction]
            public unsafe double {|#0:Scale|}(double x) => 2 * x;

            [PyFunction]
            double {|#1:Shift|}(double x) => x + 1;
        }
        """,
        new[]
        {
            Error("NDB0001", 0).WithArguments("Api.Scale"),
            Error("NDB0001", 1).WithArguments("Api.Shift"),
            Error("NDB0010", 1).WithArguments("Api.Shift", "private"),
        }, """
        using NdBindgen;
        namespace Samples;
        public class Api
        {
            [PyFunction]
            public static unsafe double Scale(double x) => 2 * x;

            [PyFunction]
            static double {|#0:Shift|}(double x) => x + 1;
        }
        """,
        Error("NDB0010", 0).WithArguments("Api.Shift", "private"));

    // ---- NDB0013: add partial

    private const string NotPartial =
        "is not partial; the generator adds the link to its Python object to the class, so declare it 'partial'";

    [Fact]
    public Task NDB0013_makes_the_class_partial() => FixVerifier<AddPartialCodeFix>.VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public sealed class {|#0:Point|} { }
        """, """
        using NdBindgen;
        namespace Samples;
        [PyClass] public sealed partial class Point { }
        """,
        Error("NDB0013").WithArguments("Point", NotPartial));

    [Fact]
    public Task NDB0013_fix_all_two_classes() => FixVerifier<AddPartialCodeFix>.VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        /// <summary>A point.</summary>
        [PyClass]
        public class {|#0:Point|} { }
        [PyClass] class {|#1:Segment|} { }
        """, """
        using NdBindgen;
        namespace Samples;
        /// <summary>A point.</summary>
        [PyClass]
        public partial class Point { }
        [PyClass] partial class Segment { }
        """,
        Error("NDB0013", 0).WithArguments("Point", NotPartial),
        Error("NDB0013", 1).WithArguments("Segment", NotPartial));

    [Fact]
    public Task NDB0013_other_shapes_have_no_fix() => FixVerifier<AddPartialCodeFix>.VerifyNoFixAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass] public static class {|#0:Helpers|} { }
        [PyClass] public class {|#1:Box|}<T> { }
        """,
        Error("NDB0013", 0).WithArguments("Helpers", "is static; Python objects are instances of it, so make it a non-static class (or export its methods with [PyFunction])"),
        Error("NDB0013", 1).WithArguments("Box", "is generic; Python has no type arguments to choose an instantiation with, so export a non-generic class (one that wraps an instantiation, or derives from it)"));

    // ---- NDB0009: remove ref, out, in (params is *args now)

    [Fact]
    public Task NDB0009_removes_ref() => FixVerifier<RemoveParameterModifierCodeFix>.VerifyAsync(Class("""
            [PyFunction] public static void Bump(ref double {|#0:x|}) => x++;
        """), Class("""
            [PyFunction] public static void Bump(double x) => x++;
        """),
        Error("NDB0009").WithArguments("x", "Api.Bump", "ref"));

    [Fact]
    public Task NDB0009_fix_all_out_in_and_ref_readonly() => FixVerifier<RemoveParameterModifierCodeFix>.VerifyAsync(Class("""
            [PyFunction] public static void Make(double scale, out double {|#0:x|}) => x = scale;
            [PyFunction] public static double Read(in double {|#1:x|}, /* y */ ref readonly double {|#2:y|}) => x + y;
        """), Class("""
            [PyFunction] public static void Make(double scale, double x) => x = scale;
            [PyFunction] public static double Read(double x, /* y */ double y) => x + y;
        """),
        Error("NDB0009", 0).WithArguments("x", "Api.Make", "out"),
        Error("NDB0009", 1).WithArguments("x", "Api.Read", "in"),
        Error("NDB0009", 2).WithArguments("y", "Api.Read", "refreadonlyparameter"));

    // ---- NDB0010: accessible to generated code

    [Fact]
    public Task NDB0010_makes_a_private_function_internal() => FixVerifier<MakeAccessibleCodeFix>.VerifyAsync(Class("""
            /// <summary>Hidden.</summary>
            [PyFunction] private static int {|#0:Hidden|}() => 0;
        """), Class("""
            /// <summary>Hidden.</summary>
            [PyFunction] internal static int Hidden() => 0;
        """),
        Error("NDB0010").WithArguments("Api.Hidden", "private"));

    [Fact]
    public Task NDB0010_fix_all_members_and_their_containing_types() => FixVerifier<MakeAccessibleCodeFix>.VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static partial class Outer
        {
            private static class Inner
            {
                [PyFunction] public static int {|#0:A|}() => 0;
                [PyFunction]
                static int {|#1:B|}() => 0;
            }
        }
        file static class Local
        {
            [PyFunction] public static int {|#2:C|}() => 0;
        }
        [PyClass]
        public partial class Shape
        {
            [PyMethod] protected int {|#3:Area|}() => 0;
            [PyProperty] private protected int {|#4:Sides|};
        }
        """, """
        using NdBindgen;
        namespace Samples;
        public static partial class Outer
        {
            internal static class Inner
            {
                [PyFunction] public static int A() => 0;
                [PyFunction]
                internal static int B() => 0;
            }
        }
        internal static class Local
        {
            [PyFunction] public static int C() => 0;
        }
        [PyClass]
        public partial class Shape
        {
            [PyMethod] protected internal int Area() => 0;
            [PyProperty] internal int Sides;
        }
        """,
        Error("NDB0010", 0).WithArguments("Inner.A", "inside private type 'Inner'"),
        Error("NDB0010", 1).WithArguments("Inner.B", "private"),
        Error("NDB0010", 2).WithArguments("Local.C", "inside file-local type 'Local'"),
        Error("NDB0010", 3).WithArguments("Shape.Area", "private or protected"),
        Error("NDB0010", 4).WithArguments("Shape.Sides", "private or protected"));

    // ---- NDB0018: mark the type [PyClass]

    [Fact]
    public Task NDB0018_marks_the_type() => FixVerifier<AddPyClassCodeFix>.VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        /// <summary>A plain class.</summary>
        public class Plain
        {
            [PyMethod] public int {|#0:Area|}() => 0;
        }
        """, """
        using NdBindgen;
        namespace Samples;
        /// <summary>A plain class.</summary>
        [PyClass]
        public partial class Plain
        {
            [PyMethod] public int Area() => 0;
        }
        """,
        Error("NDB0018").WithArguments("Plain.Area", "[PyMethod]", "Plain"));

    [Fact]
    public Task NDB0018_fix_all_members_of_two_types() => FixVerifier<AddPyClassCodeFix>.VerifyAsync("""
        namespace Samples;
        public sealed partial class Box
        {
            [NdBindgen.PyConstructor] public {|#0:Box|}(int size) { }
            [NdBindgen.PyProperty] public int {|#1:Size|} { get; set; }
        }
        public partial class Box { }
        internal class Crate
        {
            [NdBindgen.PyMethod] public int {|#2:Open|}() => 0;
        }
        """, """
        namespace Samples;
        [NdBindgen.PyClass]
        public sealed partial class Box
        {
            [NdBindgen.PyConstructor] public Box(int size) { }
            [NdBindgen.PyProperty] public int Size { get; set; }
        }
        public partial class Box { }
        [NdBindgen.PyClass]
        internal partial class Crate
        {
            [NdBindgen.PyMethod] public int Open() => 0;
        }
        """,
        Error("NDB0018", 0).WithArguments("Box..ctor", "[PyConstructor]", "Box"),
        Error("NDB0018", 1).WithArguments("Box.Size", "[PyProperty]", "Box"),
        Error("NDB0018", 2).WithArguments("Crate.Open", "[PyMethod]", "Crate"));

    [Fact]
    public Task NDB0018_types_that_cannot_be_classes_have_no_fix() => FixVerifier<AddPyClassCodeFix>.VerifyNoFixAsync("""
        using NdBindgen;
        namespace Samples;
        public static class Helpers
        {
            [PyMethod] public static int {|#0:One|}() => 1;
        }
        public class Box<T>
        {
            [PyMethod] public int {|#1:Two|}() => 2;
        }
        """,
        Error("NDB0018", 0).WithArguments("Helpers.One", "[PyMethod]", "Helpers"),
        Error("NDB0018", 1).WithArguments("Box.Two", "[PyMethod]", "Box"));

    // ---- NDB0006: a valid Python name

    [Theory]
    [InlineData("class", "class_")]
    [InlineData("None", "None_")]
    [InlineData("two words", "two_words")]
    [InlineData("nd.ext", "nd_ext")]
    [InlineData("2fast", "_2fast")]
    [InlineData("1-2", "_1_2")]
    [InlineData("a-b c", "a_b_c")]
    public void ToIdentifier_finds_the_nearest_valid_name(string name, string expected)
    {
        Assert.Equal(expected, PythonIdentifiers.ToIdentifier(name));
        Assert.Null(PythonIdentifiers.WhyNotIdentifier(expected));
    }

    [Fact]
    public Task NDB0006_replaces_the_name_in_the_attribute() => FixVerifier<ValidPythonNameCodeFix>.VerifyAsync(Class("""
            [{|#0:PyFunction("class")|}] public static int A() => 0;
        """), Class("""
            [PyFunction("class_")] public static int A() => 0;
        """),
        Error("NDB0006").WithArguments("class", " (it is a Python keyword)"));

    [Fact]
    public Task NDB0006_replaces_the_name_of_a_constant_and_a_submodule() =>
        FixVerifier<ValidPythonNameCodeFix>.VerifyAsync(Class("""
            [{|#0:PyConstant("max size")|}] public const int MaxSize = 3;
            [{|#1:PySubmodule("class")|}] public static class Classes { }
        """), Class("""
            [PyConstant("max_size")] public const int MaxSize = 3;
            [PySubmodule("class_")] public static class Classes { }
        """),
        Error("NDB0006", 0).WithArguments("max size", " (it contains ' ')"),
        Error("NDB0006", 1).WithArguments("class", " (it is a Python keyword)"));

    [Fact]
    public Task NDB0006_adds_a_name_for_a_keyword_method() => FixVerifier<ValidPythonNameCodeFix>.VerifyAsync(Class("""
            [PyFunction] public static int {|#0:@if|}() => 0;
        """), Class("""
            [PyFunction("if_")] public static int @if() => 0;
        """),
        Error("NDB0006").WithArguments("if", " (it is a Python keyword)"));

    [Fact]
    public Task NDB0006_fix_all_functions_and_a_parameter() => FixVerifier<ValidPythonNameCodeFix>.VerifyAsync(Class("""
            [{|#0:PyFunction(Name = "two words")|}] public static int B() => 0;
            [{|#1:PyFunction("2fast")|}] public static int C() => 0;
            [PyFunction] public static int D(int {|#2:@lambda|}) => @lambda + 1;
            [PyFunction()] public static int {|#3:@class|}() => D(@lambda: 2);
        """), Class("""
            [PyFunction(Name = "two_words")] public static int B() => 0;
            [PyFunction("_2fast")] public static int C() => 0;
            [PyFunction] public static int D(int lambda_) => lambda_ + 1;
            [PyFunction("class_")] public static int @class() => D(lambda_: 2);
        """),
        Error("NDB0006", 0).WithArguments("two words", " (it contains ' ')"),
        Error("NDB0006", 1).WithArguments("2fast", " (it must start with a letter or underscore)"),
        Error("NDB0006", 2).WithArguments("lambda", " (it is a Python keyword)"),
        Error("NDB0006", 3).WithArguments("class", " (it is a Python keyword)"));

    [Fact]
    public Task NDB0006_fix_all_class_and_members() => FixVerifier<ValidPythonNameCodeFix>.VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyClass]
        public partial class {|#0:@class|}
        {
            [PyProperty("def")] public int {|#1:Value|} { get; set; }
            [PyProperty] public int {|#2:@for|};
            [PyMethod] public int {|#3:@return|}() => 0;
            [{|#4:PyClassMethod("new one")|}] public static @class Make() => new();
        }
        """, """
        using NdBindgen;
        namespace Samples;
        [PyClass("class_")]
        public partial class @class
        {
            [PyProperty("def_")] public int Value { get; set; }
            [PyProperty("for_")] public int @for;
            [PyMethod("return_")] public int @return() => 0;
            [PyClassMethod("new_one")] public static @class Make() => new();
        }
        """,
        Error("NDB0006", 0).WithArguments("class", " (it is a Python keyword)"),
        Error("NDB0006", 1).WithArguments("def", " (it is a Python keyword)"),
        Error("NDB0006", 2).WithArguments("for", " (it is a Python keyword)"),
        Error("NDB0006", 3).WithArguments("return", " (it is a Python keyword)"),
        Error("NDB0006", 4).WithArguments("new one", " (it contains ' ')"));
}
