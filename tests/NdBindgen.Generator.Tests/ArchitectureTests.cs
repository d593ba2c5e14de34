using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace NdBindgen.Generator.Tests;

/// <summary>
/// The generator's layers by a scan of its sources: data flows Parsing -> Model -> Emitting and
/// never back, diagnostics are raised on the parsing side, and no line is wider than 120 columns.
/// </summary>
public class ArchitectureTests
{
    private const int MaxColumns = 120;

    private static readonly string s_generator = Path.Combine(RepositoryRoot(), "generator");
    private static readonly string s_project = Path.Combine(s_generator, "NdBindgen.Generator");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NdBindgen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("NdBindgen.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> Sources(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));

    private static IEnumerable<string> Folder(string name) => Sources(Path.Combine(s_project, name));

    /// <summary>The code of a file without its comments (a comment may name another layer).</summary>
    private static string Code(string file) =>
        string.Join("\n", File.ReadLines(file).Select(line =>
        {
            int comment = line.IndexOf("//", StringComparison.Ordinal);
            return comment < 0 ? line : line.Substring(0, comment);
        }));

    /// <summary>The top-level types a folder declares, by name (nested private helpers are not its vocabulary).</summary>
    private static HashSet<string> DeclaredTypes(string folder) =>
        Folder(folder)
            .SelectMany(f => Regex.Matches(Code(f),
                @"^(?:public |internal )?(?:static |sealed |abstract |readonly |partial )*(?:class|record|struct|enum|interface)\s+(\w+)",
                RegexOptions.Multiline).Cast<Match>())
            .Select(m => m.Groups[1].Value)
            .ToHashSet();

    /// <summary>"file: name" for every use of the namespace or of a type declared in the folder.</summary>
    private static List<string> References(IEnumerable<string> files, string folder)
    {
        string ns = "NdBindgen.Generator." + folder;
        var names = DeclaredTypes(folder);
        var found = new List<string>();
        foreach (string file in files)
        {
            string code = Code(file);
            if (code.Contains(ns)) found.Add($"{Relative(file)}: {ns}");
            found.AddRange(Regex.Matches(code, @"\b\w+\b").Cast<Match>().Select(m => m.Value).Where(names.Contains)
                .Distinct().Select(name => $"{Relative(file)}: {name}"));
        }
        return found;
    }

    private static string Relative(string file) => Path.GetRelativePath(s_generator, file);

    [Fact]
    public void Parsing_does_not_reference_Emitting() =>
        Assert.Empty(References(Folder("Parsing"), "Emitting"));

    [Fact]
    public void Model_does_not_reference_Emitting() =>
        Assert.Empty(References(Folder("Model"), "Emitting"));

    [Fact]
    public void Model_does_not_reference_Parsing() =>
        Assert.Empty(References(Folder("Model"), "Parsing"));

    [Fact]
    public void Emitting_raises_no_diagnostics()
    {
        var found = Folder("Emitting")
            .Where(f => Code(f) is var code && (code.Contains("DiagnosticDescriptors") || code.Contains("Generator.Diagnostics")))
            .Select(Relative);
        Assert.Empty(found);
    }

    [Fact]
    public void No_generator_line_is_wider_than_120_columns()
    {
        var wide = Sources(s_generator)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => x.line.Length > MaxColumns)
            .Select(x => $"{Relative(x.f)}:{x.i + 1} ({x.line.Length})")
            .ToList();
        Assert.True(wide.Count == 0, $"{wide.Count} lines over {MaxColumns} columns:\n" + string.Join("\n", wide.Take(50)));
    }
}
