using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Parsing;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests.Parsing;

/// <summary>Each default written twice: a C# expression for the wrapper, a Python literal for the signature.</summary>
public class DefaultValuesTests
{
    private static IParameterSymbol Parameter(string declaration)
    {
        var compilation = TestCompilation.Create($"static class C {{ static void M({declaration}) {{ }} }}");
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var method = (IMethodSymbol)compilation.GetTypeByMetadataName("C")!.GetMembers("M").Single();
        return method.Parameters.Single();
    }

    [Theory]
    [InlineData("double x = 0.5", "0.5D", "0.5")]
    [InlineData("double x = 1", "1D", "1.0")]
    [InlineData("double x = 1e-10", "1E-10D", "1e-10")]
    [InlineData("double x = 1e20", "1E+20D", "1e+20")]
    [InlineData("double x = -0.0", "-0D", "-0.0")]
    [InlineData("double x = -2.5", "-2.5D", "-2.5")]
    [InlineData("float x = 0.5f", "0.5F", "0.5")]
    [InlineData("float x = 3", "3F", "3.0")]
    [InlineData("int x = -5", "-5", "-5")]
    [InlineData("int x = int.MinValue", "-2147483648", "-2147483648")]
    [InlineData("uint x = 7", "7U", "7")]
    [InlineData("long x = -3", "-3L", "-3")]
    [InlineData("ulong x = ulong.MaxValue", "18446744073709551615UL", "18446744073709551615")]
    [InlineData("short x = -2", "(short)-2", "-2")]
    [InlineData("ushort x = 2", "(ushort)2", "2")]
    [InlineData("sbyte x = -128", "(sbyte)-128", "-128")]
    [InlineData("byte x = 255", "(byte)255", "255")]
    [InlineData("bool x = true", "true", "True")]
    [InlineData("bool x = false", "false", "False")]
    [InlineData("int? x = 4", "4", "4")]
    [InlineData("int? x = null", "null", "None")]
    [InlineData("double? x = -1.5", "-1.5D", "-1.5")]
    [InlineData("string? x = null", "null", "None")]
    [InlineData("double x = default", "0D", "0.0")]   // default of a primitive is its constant zero
    [InlineData("float x = default", "0F", "0.0")]
    [InlineData("int x = default", "0", "0")]
    [InlineData("bool x = default", "false", "False")]
    [InlineData("double? x = default", "null", "None")]
    [InlineData("string x = \"plain\"", "\"plain\"", "'plain'")]
    [InlineData("string x = \"it's \\\"q\\\"\"", "\"it's \\\"q\\\"\"", "'it\\'s \"q\"'")]
    [InlineData("string x = @\"C:\\dir\\\"", "\"C:\\\\dir\\\\\"", "'C:\\\\dir\\\\'")]
    [InlineData("string x = \"tab\\tnl\\n\\r\\u0001\"", "\"tab\\tnl\\n\\r\\u0001\"", "'tab\\tnl\\n\\r\\x01'")]
    [InlineData("string x = \"caf\u00e9 \u2615 \U0001F600\"", "\"caf\u00e9 \u2615 \U0001F600\"", "'caf\\xe9 \\u2615 \\U0001f600'")]
    [InlineData("string x = \"héllo ☃\"", "\"héllo ☃\"", "'h\\xe9llo \\u2603'")]
    [InlineData("string x = \"\"", "\"\"", "''")]
    public void Formats_csharp_and_python(string declaration, string csharp, string python)
    {
        IParameterSymbol p = Parameter(declaration);
        Assert.True(DefaultValues.TryFormat(p, p.Type, out string actualCSharp, out string actualPython));
        Assert.Equal(csharp, actualCSharp);
        Assert.Equal(python, actualPython);
    }

    [Theory]
    [InlineData("double x = double.NaN")]
    [InlineData("double x = double.PositiveInfinity")]
    [InlineData("float x = float.NegativeInfinity")]
    [InlineData("double? x = double.NaN")]
    [InlineData("System.ReadOnlySpan<double> x = default")]
    public void Refuses_values_python_cannot_write(string declaration)
    {
        IParameterSymbol p = Parameter(declaration);
        Assert.False(DefaultValues.TryFormat(p, p.Type, out _, out _));
    }
}
