using System.Text;
using NdBindgen.Modules;

namespace NdBindgen.Runtime.Tests;

/// <summary>The supported CPython versions and what the module exports of them.</summary>
public class PythonVersionTests
{
    [Fact]
    public void TheListedVersionsAreOldestToNewestSeparatedBySpaces()
    {
        var expected = Enumerable.Range(PythonVersions.OldestMinor,
            PythonVersions.NewestMinor - PythonVersions.OldestMinor + 1).Select(m => $"{PythonVersions.Major}.{m}");
        Assert.Equal(string.Join(" ", expected), Encoding.UTF8.GetString(PythonVersions.Listed));
        Assert.Equal("3.9 3.10 3.11 3.12 3.13", PythonVersions.Text);
    }

    [Fact]
    public unsafe void TheExportedTextIsNulTerminatedAndStable()
    {
        byte* text = PythonVersions.ListedZ();
        Assert.Equal(PythonVersions.Text, new string((sbyte*)text));
        Assert.True(text == PythonVersions.ListedZ());
    }
}
