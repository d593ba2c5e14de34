using NdBindgen.Generator.Parsing;
using Xunit;

namespace NdBindgen.Generator.Tests.Parsing;

/// <summary>__version__ spelled as ndbindgen_build's normalize_version spells the wheel's version.</summary>
public class Pep440Tests
{
    [Theory]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("1.0.0-beta1", "1.0.0b1")]
    [InlineData("v2.0-RC.1", "2.0rc1")]
    [InlineData("1.2.0-alpha", "1.2.0a0")]
    [InlineData("2.0.preview3", "2.0rc3")]
    [InlineData("1.0-5", "1.0.post5")]
    [InlineData("1.0.dev3", "1.0.dev3")]
    [InlineData("01.002", "1.2")]
    [InlineData("1!2.0", "1!2.0")]
    [InlineData("1.0+Build.007", "1.0+build.7")]
    [InlineData("not a version", "not a version")]
    public void Normalize(string version, string expected) => Assert.Equal(expected, Pep440.Normalize(version));
}
