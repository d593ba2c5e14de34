using System.IO;
using System.Linq;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests;

/// <summary>
/// Expected output per scenario: Snapshots/&lt;Scenario&gt;/Input.cs (or Sources.txt, naming files of
/// the repository, so the examples are snapshotted as they are, not as copies) and one
/// &lt;hint&gt;.verified.cs per generated file. The generated code is what users step into: review
/// changes to it like code.
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
    [InlineData("ViewsOfViews", "views")]
    [InlineData("NoParameters", "constants")]
    [InlineData("DocComments", "statistics")]
    [InlineData("Overloads", "geometry")]
    [InlineData("OverloadSets", "shapes")]
    [InlineData("Classes", "nd_ext")]
    [InlineData("ClassProtocols", "protocols")]
    [InlineData("ClassContainers", "containers")]
    [InlineData("ClassPickle", "pickles")]
    [InlineData("ClassStructs", "structs")]
    [InlineData("ClassOverloads", "shapes")]
    [InlineData("References", "references")]
    [InlineData("ArrayLikes", "array_likes")]
    [InlineData("ClassWithoutDoc", "bare")]
    [InlineData("ModuleLevel", "shapes")]
    [InlineData("Containers", "containers")]
    [InlineData("Values", "values")]
    [InlineData("Enums", "enums")]
    [InlineData("Signatures", "signatures")]
    [InlineData("ArgumentSlots", "slots")]
    [InlineData("Callbacks", "callbacks")]
    [InlineData("ClassNumbers", "numbers")]
    [InlineData("ClassAttributes", "attributes")]
    [InlineData("ClassInheritance", "shapes")]
    [InlineData("ClassOverrides", "zoo")]
    [InlineData("Exceptions", "errors")]
    [InlineData("ElementTypes2", "kernels")]
    public void Generates_expected_code(string scenario, string moduleName)
    {
        string directory = Path.Combine(TestPaths.Snapshots, scenario);
        GeneratorRun run = TestCompilation.RunModule(moduleName, Sources(directory));

        Assert.True(run.GeneratorDiagnostics.IsEmpty, run.Describe(run.GeneratorDiagnostics));
        var problems = run.CompileProblems();
        Assert.True(problems.Count == 0, run.Describe(problems));
        Snapshot.Verify(directory, run.Sources);
    }

    /// <summary>The "global using"s the SDK's ImplicitUsings gives the example projects.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static string[] Sources(string directory)
    {
        string input = Path.Combine(directory, "Input.cs");
        if (File.Exists(input)) return new[] { File.ReadAllText(input) };
        var files = File.ReadAllLines(Path.Combine(directory, "Sources.txt"))
            .Where(line => line.Trim().Length > 0)
            .Select(line => File.ReadAllText(TestPaths.RepositoryFile(line.Trim())));
        return new[] { ImplicitUsings }.Concat(files).ToArray();
    }
}
