using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NdBindgen.Generator.Analyzers;
using NdBindgen.Generator.Diagnostics;
using NdBindgen.Generator.Parsing;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests;

/// <summary>
/// Help links as an editor opens them. NdBindgen has no web site, so each reported diagnostic links to its
/// section of the docs/diagnostics.md the NuGet package carries, on the user's disk, as an absolute file:// URI
/// (LSP's codeDescription.href must be absolute); NdBindgen.props names that file (NdBindgenDiagnosticsPage),
/// and tests/python/test_nuget_package.py checks a package build links to a file that exists.
/// </summary>
public class HelpLinkTests
{
    private static readonly string Page = TestPaths.RepositoryFile("docs/diagnostics.md");

    private const string Mistakes = """
        using NdBindgen;
        public static partial class Fns
        {
            [PyFunction] public double NotStatic(double x) => x;
            [PyFunction] public static void Assumes() { Python.AssumeGilHeld(); }
        }
        [PyClass] public class NotPartial { public NotPartial() { } }
        """;

    [Fact]
    public void Every_diagnostic_has_its_section_in_the_page()
    {
        string docs = File.ReadAllText(Page);
        var anchors = Regex.Matches(docs, @"^#+ (.+?)\s*$", RegexOptions.Multiline)
            .Select(m => Anchor(m.Groups[1].Value)).ToHashSet();
        foreach (var d in DiagnosticDescriptors.All)
        {
            Uri link = new(DiagnosticDescriptors.HelpLink(new Uri(Page).AbsoluteUri, d.Id));
            Assert.Contains(link.Fragment.TrimStart('#'), anchors);
        }
    }

    [Fact]
    public void A_build_links_each_diagnostic_to_its_section_of_the_page_on_disk()
    {
        var diagnostics = Build(new() { [DiagnosticDescriptors.HelpPageKey] = Page });
        Assert.Contains(diagnostics, d => d.Id == "NDB0001");
        Assert.Contains(diagnostics, d => d.Id == "NDB0013");
        Assert.Contains(diagnostics, d => d.Id == "NDB0020");
        foreach (Diagnostic d in diagnostics.Where(d => d.Id.StartsWith("NDB", StringComparison.Ordinal)))
        {
            Assert.True(Uri.TryCreate(d.Descriptor.HelpLinkUri, UriKind.Absolute, out Uri? link), d.ToString());
            Assert.Equal(Uri.UriSchemeFile, link!.Scheme);
            Assert.Equal(Page, link.LocalPath);
            Assert.Equal("#" + d.Id.ToLowerInvariant(), link.Fragment);
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task An_editor_gets_the_same_links_from_the_analyzers()
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(
            new Dictionary<string, string>
            {
                [DiagnosticDescriptors.HelpPageKey] = Page,
                ["build_property.PyModuleName"] = TestCompilation.DefaultModuleName,
            }));
        var diagnostics = await TestCompilation.Create(Mistakes)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PyBindingsAnalyzer(), new PyModuleAnalyzer()),
                options)
            .GetAnalyzerDiagnosticsAsync();
        Assert.Equal(new[] { "NDB0001", "NDB0013", "NDB0020" }, diagnostics.Select(d => d.Id).Distinct().OrderBy(i => i));
        foreach (Diagnostic d in diagnostics)
            Assert.Equal(new Uri(Page).AbsoluteUri + "#" + d.Id.ToLowerInvariant(), d.Descriptor.HelpLinkUri);
    }

    [Theory]
    [InlineData("https://example.org/ndbindgen/diagnostics.html", "https://example.org/ndbindgen/diagnostics.html#ndb0001")]
    [InlineData("  /opt/nd docs/diagnostics.md ", "file:///opt/nd%20docs/diagnostics.md#ndb0001")]
    [InlineData("docs/diagnostics.md", "")]   // relative: no absolute link can be made, so none
    [InlineData("", "")]
    public void The_page_may_be_any_absolute_url_or_path(string page, string expected)
    {
        var diagnostics = Build(new() { [DiagnosticDescriptors.HelpPageKey] = page });
        Assert.Equal(expected, diagnostics.Single(d => d.Id == "NDB0001").Descriptor.HelpLinkUri);
    }

    /// <summary>
    /// The help links do not name a repository or project site: the package's metadata names none either
    /// (when it does, HelpPage's default should become that site's page).
    /// </summary>
    [Fact]
    public void The_package_names_no_web_site_the_links_would_have_to_follow()
    {
        var properties = new[] { "Directory.Build.props", "runtime/NdBindgen.Runtime/NdBindgen.Runtime.csproj" }
            .SelectMany(f => XDocument.Load(TestPaths.RepositoryFile(f)).Descendants())
            .Where(e => e.Name.LocalName is "RepositoryUrl" or "PackageProjectUrl");
        Assert.Empty(properties);
    }

    private static ImmutableArray<Diagnostic> Build(Dictionary<string, string> options)
    {
        options[ModuleOptionsParser.DiagnosticsKey] = "build";
        options["build_property.PyModuleName"] = TestCompilation.DefaultModuleName;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new PyModuleGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions, optionsProvider: new TestOptionsProvider(options));
        var input = TestCompilation.Create(Mistakes);
        driver.RunGeneratorsAndUpdateCompilation(input, out _, out ImmutableArray<Diagnostic> generated);
        var analyzer = input.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PyBindingsAnalyzer()),
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(options)))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return generated.AddRange(analyzer);
    }

    /// <summary>GitHub's anchor for a heading: lower case, spaces to '-', punctuation dropped.</summary>
    private static string Anchor(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\w\- ]", "").Replace(' ', '-');
}
