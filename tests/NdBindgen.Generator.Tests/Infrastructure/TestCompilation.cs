using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NdBindgen.Generator.Parsing;

namespace NdBindgen.Generator.Tests.Infrastructure;

/// <summary>
/// Compilations as a user project sees them: the .NET framework of the test host (no download),
/// NdBindgen.Runtime, unsafe code allowed, nullable enabled, and doc comments parsed
/// (DocumentationMode.Diagnose, as GenerateDocumentationFile does) so the generator sees them.
/// </summary>
internal static class TestCompilation
{
    public const string DefaultModuleName = "test_module";

    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>The shared framework's assemblies (from the trusted platform list) and NdBindgen.Runtime.</summary>
    public static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal)
                           && string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Append(typeof(PyFunctionAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    /// <summary>A compilation of <paramref name="sources"/>, named Input0.cs, Input1.cs, ...</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create("TestProject",
            sources.Select((text, i) => Parse(text, $"Input{i}.cs")),
            References, CompilationOptions);

    public static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    /// <summary>A driver for the generator with PyModuleName (null: not set) as MSBuild would pass it.</summary>
    public static GeneratorDriver CreateDriver(string? moduleName = DefaultModuleName)
    {
        // As in a build (NdBindgen.props): the generator reports the NDB diagnostics.
        var options = new Dictionary<string, string> { [ModuleOptionsParser.DiagnosticsKey] = "build" };
        if (moduleName is not null) options["build_property.PyModuleName"] = moduleName;
        return CSharpGeneratorDriver.Create(
            new[] { new PyModuleGenerator().AsSourceGenerator() },
            additionalTexts: null,
            ParseOptions,
            new TestOptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once over <paramref name="sources"/>, for module <see cref="DefaultModuleName"/>.</summary>
    public static GeneratorRun Run(params string[] sources) => RunModule(DefaultModuleName, sources);

    /// <summary>Runs the generator once over <paramref name="sources"/>, for module <paramref name="moduleName"/>.</summary>
    public static GeneratorRun RunModule(string moduleName, params string[] sources) => Run(Create(sources), CreateDriver(moduleName));

    /// <summary>
    /// Runs the generator, and the analyzers on the input, as a build does: their diagnostics together
    /// are what a user sees (the generator reports all but NDB0020/NDB0021, the analyzers those).
    /// </summary>
    public static GeneratorRun Run(CSharpCompilation input, GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        // The analyzers as a build runs them: they add only what is theirs alone (NDB0020).
        var buildOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(
            new Dictionary<string, string> { [ModuleOptionsParser.DiagnosticsKey] = "build" }));
        ImmutableArray<Diagnostic> analyzer = input
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NdBindgen.Generator.Analyzers.PyBindingsAnalyzer(),
                new NdBindgen.Generator.Analyzers.PyModuleAnalyzer()), buildOptions)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new GeneratorRun(input, (CSharpCompilation)output, diagnostics.AddRange(analyzer), driver);
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(
    CSharpCompilation Input,
    CSharpCompilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriver Driver)
{
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>Generated files by hint name, in hint-name order.</summary>
    public IReadOnlyList<(string HintName, string Text)> Sources =>
        Result.GeneratedSources
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToList();

    public string Source(string hintName) =>
        Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>
    /// Errors anywhere and warnings in generated code, after emitting to memory (emit finds a few
    /// errors binding does not). Generated code must be warning-free: user projects treat warnings as errors.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompileProblems()
    {
        var generatedTrees = Output.SyntaxTrees.Except(Input.SyntaxTrees).ToHashSet();
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        return emit.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error
                        || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree)))
            .ToList();
    }

    /// <summary>A readable dump of diagnostics with the generated code they point into, for assertion messages.</summary>
    public string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => d.ToString())) + "\n\n" +
        string.Join("\n", Sources.Select(s => $"// ---- {s.HintName}\n{s.Text}"));
}
