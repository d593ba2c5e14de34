using System.Collections.Generic;
using System.Linq;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests;

/// <summary>
/// Many small inputs: the generator's output plus the input must compile with no errors, and the
/// generated code with no warnings (user projects treat warnings as errors).
/// </summary>
public class CompilesTests
{
    private static readonly string[] s_scalars = { "bool", "sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "System.Half", "float", "double", "System.Numerics.Complex" };
    private static readonly string[] s_elements = { "bool", "sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "System.Half", "float", "double", "System.Numerics.Complex" };

    private static string Class(string members, string header = "namespace Samples;") => $$"""
        using NdBindgen;
        {{header}}
        public static class Api
        {
        {{members}}
        }
        """;

    /// <summary>Name -> (source, the generator diagnostics it is expected to report).</summary>
    private static readonly Dictionary<string, (string Source, string[] Diagnostics)> s_cases = new()
    {
        ["every scalar in and out"] = (Class(string.Join("\n", s_scalars.Select(t =>
            $"    [PyFunction] public static {t} Echo_{t.Replace(".", "_")}({t} value) => value;")) +
            "\n    [PyFunction] public static string EchoString(string value) => value;"), []),

        ["every nullable scalar in and out"] = (Class(string.Join("\n", s_scalars.Select(t =>
            $"    [PyFunction] public static {t}? Maybe_{t.Replace(".", "_")}({t}? value) => value;")) +
            "\n    [PyFunction] public static string? MaybeString(string? value) => value;"), []),

        ["every element type as view, mutable view and new array"] = (Class(string.Join("\n", s_elements.Select((t, i) => $$"""
                [PyFunction] public static long Count{{i}}(NdView<{{t}}> values) => values.Length;
                [PyFunction] public static void Clear{{i}}(NdViewMut<{{t}}> values) => values.Fill(default);
                [PyFunction] public static NdArray<{{t}}> Make{{i}}(long n) => NdArray<{{t}}>.Zeros((nint)n);
            """))), []),

        ["overloads over Half and Complex"] = (Class("""
                [PyFunction] public static string Kind(System.Numerics.Complex z) => "complex";
                [PyFunction] public static string Kind(System.Half h, System.Half k) => "half";
                [PyFunction] public static string Kind(string s) => "str";
            """), []),

        ["every scalar in every container, both ways"] = (Class(string.Join("\n", s_scalars.Select((t, i) => $$"""
                [PyFunction] public static {{t}}[] A{{i}}(System.Collections.Generic.List<{{t}}?> xs) => new {{t}}[0];
                [PyFunction] public static System.Collections.Generic.IReadOnlyList<{{t}}> L{{i}}({{t}}[][] xs) => xs[0];
                [PyFunction] public static System.Collections.Generic.Dictionary<string, {{t}}?> D{{i}}(
                    System.Collections.Generic.IReadOnlyDictionary<string, {{t}}> d) => new();
                [PyFunction] public static ({{t}}, {{t}}?, string) T{{i}}(({{t}}, {{t}}?, string) t) => t;
            """))), []),

        ["*args spans of managed and nullable elements, and params collections"] = (Class("""
                [PyFunction] public static int S(params System.ReadOnlySpan<string?> xs) => xs.Length;
                [PyFunction] public static int B(params System.ReadOnlySpan<byte[]> xs) => xs.Length;
                [PyFunction] public static int N(params System.ReadOnlySpan<System.DateTime?> xs) => xs.Length;
                [PyFunction] public static int C(params System.Collections.Generic.ICollection<System.Half?> xs) => xs.Count;
                [PyFunction] public static int R(params System.Collections.Generic.IReadOnlyCollection<decimal> xs) => 0;
                [PyFunction] public static int L(params System.Collections.Generic.IList<PyRef> xs) => xs.Count;
            """), []),

        ["callbacks over every kind of row, 0 to 4 arguments"] = (Class("""
                [PyFunction] public static void F0(System.Func<System.Collections.Generic.HashSet<string>> f) { }
                [PyFunction] public static void A0(System.Action f) { }
                [PyFunction] public static void F4(System.Func<System.Numerics.BigInteger, System.TimeSpan?,
                    (int, string?), System.ReadOnlyMemory<byte>, System.DateOnly[]> f) { }
                [PyFunction] public static void A4(System.Action<System.Numerics.Complex, bool?, PyRef?,
                    System.Collections.Generic.IReadOnlyDictionary<string, long[]>> f) { }
                [PyFunction] public static void O(System.Func<double, double>? f = null, int x = 0) { }
            """), []),

        ["containers in an overload set, and nullable containers"] = (Class("""
                [PyFunction] public static string Kind(System.Collections.Generic.List<double> xs) => "list";
                [PyFunction] public static string Kind(System.Collections.Generic.Dictionary<string, int> d) => "dict";
                [PyFunction] public static string Kind(double x) => "float";
                [PyFunction] public static System.Collections.Generic.HashSet<long>? Maybe(
                    System.Collections.Generic.ISet<long>? s) => null;
            """), []),

        ["negative and extreme integer defaults"] = (Class("""
                [PyFunction]
                public static long Ints(sbyte a = -128, short b = -32768, int c = int.MinValue, long d = long.MinValue,
                    byte e = 255, ushort f = ushort.MaxValue, uint g = uint.MaxValue, ulong h = ulong.MaxValue, int i = -1) => 0;
            """), []),

        ["nullable defaults, negative included"] = (Class("""
                [PyFunction]
                public static double? Nullables(int? a = -5, short? b = -3, byte? c = 7, float? d = -0.5f, double? e = -1e300,
                    bool? f = true, long? g = long.MinValue, ulong? h = 0, sbyte? i = null, string? j = null, string? k = "x") => null;
            """), []),

        ["float defaults"] = (Class("""
                [PyFunction]
                public static double Floats(double a = 1e-10, float b = 0.5f, double c = double.MaxValue, double d = double.Epsilon,
                    float e = float.MinValue, double f = -0.0, double g = 1e20, double h = 1, float i = 3, double j = default, float k = -1.5e-7f) => a;
            """), []),

        ["string defaults with quotes, backslashes, control characters and unicode"] = (Class("""
                [PyFunction]
                public static string Strings(string a = "it's \"quoted\"", string b = @"C:\path\", string c = "tab\tnew\nline\r\0end\u0001",
                    string d = "héllo ☃ 𝄞", string e = "", string f = "'''", string g = "\\\\") => a + b + c + d + e + f + g;
            """), []),

        ["string default in a nullable-oblivious file"] = ("""
            #nullable disable
            using NdBindgen;
            namespace Samples;
            public static class Api
            {
                [PyFunction] public static string Oblivious(string s = null, string t = "x") => s ?? t;
            }
            """, []),

        ["nested classes"] = ("""
            using NdBindgen;
            namespace Samples.Deep.Er
            {
                public static class Outer
                {
                    internal static class Inner
                    {
                        public static partial class Deepest
                        {
                            [PyFunction] public static int Depth() => 3;
                        }
                    }
                }
            }
            """, []),

        ["class in the global namespace"] = ("""
            using NdBindgen;
            public static class GlobalApi
            {
                [PyFunction] public static int Answer() => 42;
            }
            """, []),

        ["a non-static class, a struct, a record and an interface"] = ("""
            using NdBindgen;
            namespace Samples;
            public class Plain { [PyFunction] public static int One() => 1; }
            public struct Value { [PyFunction] internal static int Two() => 2; }
            public record Rec(int X) { [PyFunction] public static int Three() => 3; }
            public interface IFace { [PyFunction] public static int Four() => 4; }
            """, []),

        ["an extension method and an unsafe method"] = (Class("""
                [PyFunction] public static double Twice(this double x) => 2 * x;
                [PyFunction] public static unsafe double Deref(double x) { double* p = &x; return *p; }
            """), []),

        ["the same method name in two classes"] = ("""
            using NdBindgen;
            namespace Samples;
            public static class A { [PyFunction("a_norm")] public static double Norm(double x) => x; }
            public static class B { [PyFunction("b_norm")] public static double Norm(double x) => -x; }
            """, []),

        ["overloaded methods and constructors of a class, with references, callbacks and views"] = ("""
            using NdBindgen;
            namespace Samples;
            [PyClass]
            public partial class Holder
            {
                private PyRef? _kept;
                [PyConstructor] public Holder(PyRef value) { _kept = value; }
                [PyConstructor] public Holder(System.Func<double, double> f, double x = 1.0) { }
                [PyConstructor] public Holder(NdView<double> values, string? @string = null) { }
                [PyConstructor] internal Holder() { }
                [PyMethod] public void Set(PyRef value) { _kept = value; }
                [PyMethod] public void Set(NdViewMut<double> target, NdView<double> source) { }
                [PyMethod] public static int Count(NdView<float> v, Python py) => 0;
                [PyMethod] public static int Count(string s) => s.Length;
                [PyClassMethod] public static Holder? Create(long n) => null;
                [PyClassMethod] public static Holder Create(bool b) => new();
            }
            """, []),

        ["an exported overload beside one that is not"] = (Class("""
                [PyFunction] public static double Scale(double x) => 2 * x;
                public static double Scale(double x, double factor) => factor * x;
            """), []),

        ["two exported overloads under different names"] = (Class("""
                [PyFunction("scale")] public static double Scale(double x) => 2 * x;
                [PyFunction("scale_by")] public static double Scale(double x, double factor) => factor * x;
            """), []),

        ["a C# keyword as parameter name that Python allows"] = (Class("""
                [PyFunction] public static int Builtins(int @int, string @string, double @object, bool @fixed) => @int;
            """), []),

        ["a C# keyword as parameter name that is a Python keyword"] = (Class("""
                [PyFunction] public static int Keyword(int @class) => @class;
                [PyFunction] public static int Valid(int x) => x;
            """), ["NDB0006"]),

        ["parameter names that are the wrapper's own names"] = (Class("""
                [PyFunction]
                public static double Collide(double sig, double a, double slots, double result, double e, double args,
                    double self, double kwnames, double nargsf, double arg_sig, double lease_a) => sig;
                [PyFunction]
                public static double CollideArrays(NdView<double> a, NdViewMut<double> slots, NdView<double> lease_a, NdViewMut<double> arg_slots, double result) => result;
            """), []),

        ["a user type named PyObject in the global namespace"] = ("""
            using NdBindgen;
            public sealed class PyObject { }
            namespace Samples
            {
                public static class Api { [PyFunction] public static int One() => 1; }
            }
            """, []),

        ["a user namespace named like framework namespaces"] = ("""
            using NdBindgen;
            namespace Samples.System.Runtime.InteropServices
            {
                public static class NdBindgen { }
                public static class Api { [PyFunction] public static int One() => 1; }
            }
            """, []),

        ["a method in a generic class"] = ("""
            using NdBindgen;
            namespace Samples;
            public static class Box<T> { [PyFunction] public static int Size() => 0; }
            public static class Fine { [PyFunction] public static int One() => 1; }
            """, ["NDB0008"]),

        ["an array view parameter with a default"] = (Class("""
                [PyFunction] public static long Count(NdView<double> values = default) => values.Length;
                [PyFunction] public static long Valid(NdView<double> values) => values.Length;
            """), ["NDB0011"]),

        ["a local function marked [PyFunction] is not exported"] = (Class("""
                [PyFunction] public static int Outer() { return Local(); [PyFunction] static int Local() => 1; }
            """), []),

        ["a method and a class named with C# keywords"] = ("""
            using NdBindgen;
            namespace Samples;
            public static class @event { [PyFunction] public static int @checked(int @base) => @base; }
            """, []),

        ["a nullable and an oblivious NdArray return"] = (Class("""
                [PyFunction] public static NdArray<double>? Maybe(bool make) => make ? NdArray<double>.Zeros(1) : null;
            #nullable disable
                [PyFunction] public static NdArray<double> Oblivious(bool make) => make ? NdArray<double>.Zeros(1) : null;
            #nullable restore
            """), []),

        ["types whose underscored names would mangle alike (A_B.C and A.B_C)"] = ("""
            using NdBindgen;
            namespace A_B { public static class C { [PyFunction("first")] public static int F() => 1; } }
            namespace A { public static class B_C { [PyFunction("second")] public static int F() => 2; } }
            """, []),

        ["class attributes of every scalar and of the value and container types"] = ($$"""
            using System;
            using System.Collections.Generic;
            using NdBindgen;
            namespace Samples;
            public enum Mode { A, B }
            [PyClass] public sealed partial class Holder
            {
                public Holder() { }
            {{string.Join("\n", s_scalars.Select((t, i) => $$"""
                [PyConstant] public static readonly {{t}} C{{i}} = default;
                [PyProperty] public static {{t}} P{{i}} => default;
                [PyProperty] public static {{t}}? N{{i}} => null;
            """))}}
                [PyConstant] public const string Text = "t";
                [PyConstant] public static readonly decimal Money = 1.5m;
                [PyConstant] public static readonly byte[] Bytes = { 1 };
                [PyConstant] public static readonly System.Numerics.BigInteger Big = 1;
                [PyConstant] public static readonly Mode Kind = Mode.B;
                [PyConstant] public static readonly Holder Itself = new();
                [PyProperty] public static DateTime Now => DateTime.Now;
                [PyProperty] public static TimeSpan Span => default;
                [PyProperty] public static List<int> Ints => new();
                [PyProperty] public static Dictionary<string, double?> Map => new();
                [PyProperty] public static HashSet<string> Names => new();
                [PyProperty] public static (int, string?) Pair => default;
                [PyProperty] public static Holder? Maybe => null;
            }
            """, []),

        ["write-only and deletable properties, and a __dict__"] = ("""
            using NdBindgen;
            namespace Samples;
            [PyClass(Dict = true)] public partial class Note
            {
                public Note() { }
                [PyProperty] public string Secret { private get; set; } = "";
                [PyProperty] public System.Collections.Generic.List<int> Sizes { private get; set; } = new();
                [PyProperty(Deletable = true)] public string? Text { get; set; }
                [PyProperty(Deletable = true)] public System.DateTime? When { get; set; }
                [PyProperty(Deletable = true)] public PyRef<Note>? Next { get; set; }
            }
            """, []),

        ["no functions but a module name"] = ("""
            namespace Samples;
            public static class Nothing { }
            """, []),
    };

    public static IEnumerable<object[]> Cases => s_cases.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_compiles(string name)
    {
        var (source, expected) = s_cases[name];
        GeneratorRun run = TestCompilation.Run(source);

        Assert.True(run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id).SequenceEqual(expected.OrderBy(id => id)),
            "unexpected generator diagnostics:\n" + run.Describe(run.GeneratorDiagnostics));
        var problems = run.CompileProblems();
        Assert.True(problems.Count == 0, run.Describe(problems));
        Assert.Contains(run.Sources, s => s.HintName == "PythonModule.g.cs");
    }
}
