using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NdBindgen.CodeFixes;
using NdBindgen.Generator.Analyzers;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests;

/// <summary>
/// Fix All as <c>dotnet format analyzers</c> asks for it: solution scope, every diagnostic the analyzer reported
/// (all ids), and the equivalence key of the action offered for the first of them, which is null here (the
/// first is an NDB0002, which no fix handles). Every code fix must still fix all of its own diagnostics.
/// tests/python/test_code_fixes.py runs dotnet format itself.
/// </summary>
public class FixAllWithoutKeyTests
{
    private const string Source = """
        using NdBindgen;
        namespace Samples;
        public static class Names { public const string Bad = "two words"; }
        public class Functions
        {
            [PyFunction] public static double TakesObject(object thing) => 0;
            [PyFunction(Names.Bad)] public static int Constant() => 0;
            [PyFunction] public double NotStatic(double x) => x;
            [PyFunction] public double AlsoNot(double x) => x;
            [PyFunction("class")] public static int Keyword() => 0;
            [PyFunction] public static int Param(int @lambda) => @lambda;
            [PyFunction] public static void ByRef(ref double x) => x++;
        [PyFunction] public static double Read(in double y) => y;
            [PyFunction] private static int Hidden() => 0;
            [PyFunction] static int AlsoHidden() => 0;
        }
        [PyClass] public class NotPartial { }
        [PyClass] class AlsoNotPartial { }
        public class Plain { [PyMethod] public int Area() => 0; }
        public class Crate { [PyProperty] public int Size { get; set; } }
        """;

    public static TheoryData<CodeFixProvider, string, int> Fixes() => new()
    {
        { new MakeFunctionStaticCodeFix(), "NDB0001", 0 },
        { new ValidPythonNameCodeFix(), "NDB0006", 1 },   // the name from a constant is the user's to change
        { new RemoveParameterModifierCodeFix(), "NDB0009", 0 },
        { new MakeAccessibleCodeFix(), "NDB0010", 0 },
        { new AddPartialCodeFix(), "NDB0013", 0 },
        { new AddPyClassCodeFix(), "NDB0018", 0 },
    };

    [Theory]
    [MemberData(nameof(Fixes))]
    public async Task Fix_all_without_an_equivalence_key_fixes_every_diagnostic_of_its_id(CodeFixProvider fix,
        string id, int left)
    {
        Project project = CreateProject(Source);
        ImmutableArray<Diagnostic> before = await Diagnostics(project);
        Assert.Equal("NDB0002", before[0].Id);
        Assert.True(before.Count(d => d.Id == id) >= 2, $"the source has fewer than two {id}");

        CodeAction? action = await fix.GetFixAllProvider()!.GetFixAsync(DotnetFormatContext(project, fix, id, before));
        Assert.NotNull(action);
        Project fixedProject = await Apply(action!, project);

        ImmutableArray<Diagnostic> after = await Diagnostics(fixedProject);
        Assert.Equal(left, after.Count(d => d.Id == id));
    }

    [Fact]
    public async Task The_batch_fixer_alone_fixes_nothing_without_a_key()
    {
        var fix = new MakeFunctionStaticCodeFix();
        Project project = CreateProject(Source);
        ImmutableArray<Diagnostic> diagnostics = await Diagnostics(project);
        Assert.Null(await WellKnownFixAllProviders.BatchFixer.GetFixAsync(
            DotnetFormatContext(project, fix, "NDB0001", diagnostics)));
    }

    private static FixAllContext DotnetFormatContext(Project project, CodeFixProvider fix, string id,
        ImmutableArray<Diagnostic> diagnostics) =>
        new(project.Documents.Single(), fix, FixAllScope.Solution, codeActionEquivalenceKey: null, new[] { id },
            new AllDiagnostics(diagnostics), CancellationToken.None);

    private static Project CreateProject(string source)
    {
        var workspace = new AdhocWorkspace();
        ProjectId id = ProjectId.CreateNewId();
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(id, VersionStamp.Create(), "Samples", "Samples", LanguageNames.CSharp,
                compilationOptions: TestCompilation.CompilationOptions, parseOptions: TestCompilation.ParseOptions,
                metadataReferences: TestCompilation.References))
            .AddDocument(DocumentId.CreateNewId(id), "Samples.cs", SourceText.From(source), filePath: "/Samples.cs");
        return solution.GetProject(id)!;
    }

    /// <summary>The analyzer's diagnostics in source order, as dotnet format collects them.</summary>
    private static async Task<ImmutableArray<Diagnostic>> Diagnostics(Project project)
    {
        Compilation compilation = (await project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PyBindingsAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static async Task<Project> Apply(CodeAction action, Project project)
    {
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return changed.GetProject(project.Id)!;
    }

    /// <summary>Every diagnostic of the project, of any id, for any document: what dotnet format hands over.</summary>
    private sealed class AllDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document,
            CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project,
            CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project,
            CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
