using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests;

public partial class IncrementalTests
{
    private const string Exceptions = """
        using NdBindgen;
        namespace Samples;
        /// <summary>Bad input.</summary>
        [PyException] public class ParseException(string m, int line) : System.ArgumentException(m)
        {
            public int Line { get; } = line;
            public string Describe() => "line " + Line;
        }
        """;

    [Fact]
    public void Editing_a_method_body_of_an_exception_class_leaves_the_module_unchanged()
    {
        CSharpCompilation first = TestCompilation.Create(Exceptions);
        GeneratorDriver driver = TestCompilation.CreateDriver().RunGenerators(first);
        // The same length: the class keeps its place (a location is part of its model, for NDB0005).
        var result = driver.RunGenerators(Replace(first, 0, "\"line \"", "\"Line \"")).GetRunResult().Results.Single();

        AssertSameOutput(result, TrackingNames.Exceptions);
        AssertSameOutput(result, TrackingNames.Module);
        foreach (var (value, _) in result.TrackedSteps[TrackingNames.Exceptions].SelectMany(s => s.Outputs))
        {
            AssertNoCompilationObjects(value, TrackingNames.Exceptions,
                new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    [Fact]
    public void Adding_a_property_to_an_exception_class_changes_the_module()
    {
        CSharpCompilation first = TestCompilation.Create(Exceptions);
        GeneratorDriver driver = TestCompilation.CreateDriver().RunGenerators(first);
        var result = driver.RunGenerators(Replace(first, 0, "public string Describe()",
            "public int Column { get; init; }\n    public string Describe()")).GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Exceptions));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Module));
    }
}
