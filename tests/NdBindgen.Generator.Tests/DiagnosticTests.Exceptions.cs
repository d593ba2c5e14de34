using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using NdBindgen.Generator.Parsing;
using Xunit;
using static NdBindgen.Generator.Tests.Infrastructure.GeneratorVerifier;

namespace NdBindgen.Generator.Tests;

/// <summary>[PyException]'s diagnostics: NDB0045, NDB0046, and the shared NDB0005, NDB0006, NDB0042.</summary>
public partial class DiagnosticTests
{
    [Fact]
    public Task Valid_exception_classes_report_nothing() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyException] public class ParseException(string m) : System.ArgumentException(m)
        {
            public int Line { get; init; }
            public string? File { get; init; }
            internal object Cache { get; } = new();        // not public: not an attribute, no warning
            public override string Message => base.Message; // Exception's own
        }
        [PyException] public abstract class StoreError(string m) : System.Exception(m);
        [PyException] internal class Hidden(string m) : PyTypeError(m);
        [PyException("Oops")] public class OopsException(string m) : ParseException(m);
        """);

    [Fact]
    public Task NDB0045_class_that_cannot_be_an_exception_class() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyException] public class {|#0:Plain|} { }
        [PyException] public class {|#1:Boxed|}<T>(string m) : System.Exception(m);
        public static class Outer
        {
            [PyException] public class {|#2:Inner|}(string m) : System.Exception(m);
        }
        [PyException, PyClass] public partial class {|#3:Both|} : System.Exception { }
        """,
        Error("NDB0045", 0).WithArguments("Plain", "does not derive from System.Exception; a Python exception class "
            + "is made for a .NET exception, so derive it from Exception (or from ArgumentException, PyValueError, "
            + "another [PyException] class...)"),
        Error("NDB0045", 1).WithArguments("Boxed", "is generic; Python has no type arguments to choose an "
            + "instantiation with, so mark a non-generic class (one deriving from an instantiation)"),
        Error("NDB0045", 2).WithArguments("Inner", "is nested in 'Outer'; declare it directly in its namespace (a "
            + "[PyException] goes in a submodule with Submodule = typeof(...))"),
        Error("NDB0045", 3).WithArguments("Both", "is also marked [PyClass]; an exception's Python class is made by "
            + "[PyException] alone, so remove [PyClass]"));

    private static DiagnosticResult PropertyWarning(int location) =>
        DiagnosticResult.CompilerWarning("NDB0046").WithLocation(location);

    [Fact]
    public Task NDB0046_property_that_cannot_be_an_attribute() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public class Unmarked(string m) : System.Exception(m)
        {
            public System.Guid {|#0:Id|} { get; init; }
        }
        [PyException] public class BadException(string m) : Unmarked(m)
        {
            public int Line { get; init; }
            public object {|#1:Thing|} { get; } = new();
            public NdArray<double> {|#2:Data2|} { get; } = null!;
            public string[] {|#3:Args|} { get; } = [];
            public int {|#4:From|} { get; init; }
            public int {|#5:LINE|} { get; init; }
        }
        // Its base's properties are the base's to report: nothing here.
        [PyException] public class WorseException(string m) : BadException(m);
        """,
        PropertyWarning(0).WithArguments("Id", "Unmarked", "its type 'System.Guid' cannot be converted to Python; an "
            + $"exception attribute can be {ConversionTable.SupportedConstants}, so change its type, or make the "
            + "property internal to keep it out of Python"),
        PropertyWarning(1).WithArguments("Thing", "BadException", "its type 'object' cannot be converted to Python; "
            + $"an exception attribute can be {ConversionTable.SupportedConstants}, so change its type, or make the "
            + "property internal to keep it out of Python"),
        PropertyWarning(2).WithArguments("Data2", "BadException", "its type 'NdBindgen.NdArray<double>' cannot be "
            + $"converted to Python; an exception attribute can be {ConversionTable.SupportedConstants}, so change "
            + "its type, or make the property internal to keep it out of Python"),
        PropertyWarning(3).WithArguments("Args", "BadException", "its Python name 'args' is BaseException's own (the "
            + "exception's arguments, which str(), repr() and pickling read), which the attribute would replace; "
            + "rename the property, or make it internal to keep it out of Python"),
        PropertyWarning(4).WithArguments("From", "BadException", "'from' is not a valid Python identifier (it is a "
            + "Python keyword); rename the property"),
        PropertyWarning(5).WithArguments("LINE", "BadException", "its Python name 'line' is already that of "
            + "'BadException.Line'; rename one of them"));

    [Fact]
    public Task NDB0005_exception_class_names_clash() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        [PyException("ParseError")] public class Other(string m) : System.Exception(m);
        [PyException] public class {|#0:ParseException|}(string m) : System.Exception(m);
        [PyClass] public partial class Widget { }
        [PyException("Widget")] public class {|#1:WidgetException|}(string m) : System.Exception(m);
        [PySubmodule] public static class Geo { }
        // Another namespace: no clash.
        [PyException("ParseError", Submodule = typeof(Geo))] public class GeoParse(string m) : System.Exception(m);
        """,
        Error("NDB0005", 0).WithArguments("ParseException", "ParseError", "exception class 'Other'", "test_module",
            "[PyException(\"...\")]"),
        Error("NDB0005", 1).WithArguments("WidgetException", "Widget", "class 'Widget'", "test_module",
            "[PyException(\"...\")] or [PyClass(\"...\")]"));

    [Fact]
    public Task NDB0006_and_NDB0042_for_exception_classes() => VerifyAsync("""
        using NdBindgen;
        namespace Samples;
        public static class Helpers { }
        [{|#0:PyException("class")|}] public class Keyword(string m) : System.Exception(m);
        [{|#1:PyException(Submodule = typeof(Helpers))|}] public class Lost(string m) : System.Exception(m);
        """,
        Error("NDB0006", 0).WithArguments("class", " (it is a Python keyword)"),
        Error("NDB0042", 1).WithArguments("Lost", "Helpers"));
}
