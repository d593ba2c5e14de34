using System.IO;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests;

/// <summary>
/// Expected output per scenario: Snapshots/&lt;Scenario&gt;/Input.cs and one &lt;hint&gt;.verified.cs
/// per generated file. The generated code is what users step into: review changes to it like code.
/// </summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("Tutorial", "nd_ext")]
    [InlineData("DefaultsAndNullables", "defaults")]
    [InlineData("RenamedFunction", "renamed")]
    [InlineData("ScalarTypes", "scalars")]
    [InlineData("Ndim", "matrices")]
    [InlineData("MutableAliasing", "blas")]
    [InlineData("NoParameters", "constants")]
    [InlineData("DocComments", "statistics")]
    [InlineData("Overloads", "geometry")]
    [InlineData("Classes", "nd_ext")]
    [InlineData("ClassProtocols", "protocols")]
    public void Generates_expected_code(string scenario, string moduleName)
    {
        string directory = Path.Combine(TestPaths.Snapshots, scenario);
        GeneratorRun run = TestCompilation.RunModule(moduleName, File.ReadAllText(Path.Combine(directory, "Input.cs")));

        Assert.True(run.GeneratorDiagnostics.IsEmpty, run.Describe(run.GeneratorDiagnostics));
        var problems = run.CompileProblems();
        Assert.True(problems.Count == 0, run.Describe(problems));
        Snapshot.Verify(directory, run.Sources);
    }
}
