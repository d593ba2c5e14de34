using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests;

/// <summary>
/// The pipeline's named steps (TrackingNames) stay Cached/Unchanged when an edit cannot change
/// the output, so the IDE does not re-emit the module on every keystroke (STYLE.md habit 16).
/// </summary>
public partial class IncrementalTests
{
    private const string Functions = """
        using NdBindgen;
        namespace Samples;
        public static class Api
        {
            /// <summary>Adds.</summary>
            [PyFunction] public static double Add(double x, double y) => x + y;

            [PyFunction] public static void Fill(NdViewMut<double> values, double value) => values.Fill(value);
        }
        """;

    private const string Other = """
        namespace Samples;
        internal static class Helpers { public static int Two() => 2; }
        """;

    private static readonly IncrementalStepRunReason[] s_sameOutput = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    /// <summary>Runs the generator on the two files, then again on the edited compilation.</summary>
    private static GeneratorRunResult RunTwice(Func<CSharpCompilation, CSharpCompilation> edit)
    {
        CSharpCompilation first = TestCompilation.Create(Functions, Other);
        GeneratorDriver driver = TestCompilation.CreateDriver().RunGenerators(first);
        return driver.RunGenerators(edit(first)).GetRunResult().Results.Single();
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, int file, string oldText, string newText)
    {
        SyntaxTree tree = compilation.SyntaxTrees.ElementAt(file);
        string text = tree.ToString();
        Assert.Contains(oldText, text);
        return compilation.ReplaceSyntaxTree(tree, TestCompilation.Parse(text.Replace(oldText, newText), tree.FilePath));
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static void AssertSameOutput(GeneratorRunResult result, string step)
    {
        var reasons = Reasons(result, step);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.Contains(r, s_sameOutput));
    }

    [Fact]
    public void Adding_an_unrelated_file_changes_nothing()
    {
        var result = RunTwice(c => c.AddSyntaxTrees(TestCompilation.Parse("public class Unrelated { }", "Input2.cs")));

        AssertSameOutput(result, TrackingNames.Functions);
        AssertSameOutput(result, TrackingNames.Module);
        AssertSameOutput(result, TrackingNames.Options);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Contains(o.Reason, s_sameOutput));
    }

    [Fact]
    public void A_comment_in_another_file_changes_nothing()
    {
        var result = RunTwice(c => Replace(c, 1, "public static int Two()", "/* two */ public static int Two()"));

        AssertSameOutput(result, TrackingNames.Functions);
        AssertSameOutput(result, TrackingNames.Module);
    }

    [Fact]
    public void Editing_a_function_body_leaves_the_module_unchanged()
    {
        // Longer body: Fill's location moves too, so its model changes; the module must not.
        var result = RunTwice(c => Replace(c, 0, "=> x + y;", "=> y + x + 0.0;"));

        Assert.Contains(IncrementalStepRunReason.Unchanged, Reasons(result, TrackingNames.Functions));
        AssertSameOutput(result, TrackingNames.Module);
    }

    [Fact]
    public void Editing_a_signature_changes_the_module()
    {
        // The control for the tests above: a change Python can see does reach the module.
        var result = RunTwice(c => Replace(c, 0, "double x, double y", "double x, double z"));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Functions));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Module));
    }

    [Fact]
    public void Step_outputs_hold_no_compilation_objects()
    {
        var result = RunTwice(c => c);
        foreach (string step in new[] { TrackingNames.Functions, TrackingNames.Module, TrackingNames.Options })
        {
            foreach (var (value, _) in result.TrackedSteps[step].SelectMany(s => s.Outputs))
                AssertNoCompilationObjects(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    /// <summary>Walks an object graph: a symbol, node, location or compilation in a model would pin a whole compilation and defeat caching.</summary>
    private static void AssertNoCompilationObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location,
            $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items) AssertNoCompilationObjects(item, $"{path}[{i++}]", seen);
            return;
        }
        for (Type? t = value.GetType(); t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                AssertNoCompilationObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }

    [Fact]
    public void Editing_a_class_method_body_leaves_the_module_unchanged()
    {
        const string classes = """
            using NdBindgen;
            namespace Samples;
            [PyClass] public partial class Counter
            {
                public Counter() { }
                [PyProperty] public int Value { get; set; }
                [PyMethod] public int Next() => ++Value;
            }
            """;
        CSharpCompilation first = TestCompilation.Create(classes);
        GeneratorDriver driver = TestCompilation.CreateDriver().RunGenerators(first);
        var result = driver.RunGenerators(Replace(first, 0, "=> ++Value;", "=> Value += 2;")).GetRunResult().Results.Single();

        AssertSameOutput(result, TrackingNames.Classes);
        AssertSameOutput(result, TrackingNames.Module);
    }

    [Fact]
    public void Editing_a_static_readonly_constants_value_leaves_the_module_unchanged()
    {
        const string constants = """
            using NdBindgen;
            namespace Samples;
            public static class Limits
            {
                [PyConstant] public static readonly double Epsilon = 1e-9;
                [PyConstant] public const int Max = 3;
            }
            [PySubmodule] public static class Geo { [PyFunction] public static int Two() => 2; }
            """;
        CSharpCompilation first = TestCompilation.Create(constants);
        GeneratorDriver driver = TestCompilation.CreateDriver().RunGenerators(first);
        // The same length: the constant after it keeps its place (a location is part of its model, for NDB0005).
        var result = driver.RunGenerators(Replace(first, 0, "= 1e-9;", "= 2e-9;")).GetRunResult().Results.Single();

        AssertSameOutput(result, TrackingNames.Constants);
        AssertSameOutput(result, TrackingNames.Submodules);
        AssertSameOutput(result, TrackingNames.Module);
        foreach (string step in new[] { TrackingNames.Constants, TrackingNames.Submodules })
        {
            foreach (var (value, _) in result.TrackedSteps[step].SelectMany(s => s.Outputs))
                AssertNoCompilationObjects(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    [Fact]
    public void Editing_a_const_value_changes_the_module()
    {
        const string constants = """
            using NdBindgen;
            namespace Samples;
            public static class Limits { [PyConstant] public const int Max = 3; }
            """;
        CSharpCompilation first = TestCompilation.Create(constants);
        GeneratorDriver driver = TestCompilation.CreateDriver().RunGenerators(first);
        var result = driver.RunGenerators(Replace(first, 0, "= 3;", "= 4;")).GetRunResult().Results.Single();

        // The stub shows a const's value (MAX: typing.Final = 4).
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Constants));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Module));
    }
}
