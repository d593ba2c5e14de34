using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NdBindgen.Generator.Diagnostics;
using NdBindgen.Generator.Tests.Infrastructure;
using Xunit;

namespace NdBindgen.Generator.Tests;

/// <summary>
/// Help links as an editor opens them: absolute https URLs (LSP's codeDescription.href must be one), each to a
/// section that exists in docs/diagnostics.md, the file the NuGet package also carries
/// (tests/python/test_nuget_package.py checks it is there).
/// </summary>
public class HelpLinkTests
{
    [Fact]
    public void Every_help_link_is_an_absolute_https_url_to_its_section_of_the_docs()
    {
        string docs = File.ReadAllText(TestPaths.RepositoryFile("docs/diagnostics.md"));
        var anchors = Regex.Matches(docs, @"^#+ (.+?)\s*$", RegexOptions.Multiline)
            .Select(m => Anchor(m.Groups[1].Value)).ToHashSet();
        Assert.True(Uri.TryCreate(DiagnosticDescriptors.HelpBase, UriKind.Absolute, out Uri? page));
        Assert.Equal(Uri.UriSchemeHttps, page!.Scheme);
        Assert.EndsWith("/docs/diagnostics.md", page.AbsolutePath);
        foreach (var d in DiagnosticDescriptors.All)
        {
            Assert.True(Uri.TryCreate(d.HelpLinkUri, UriKind.Absolute, out Uri? link), d.Id);
            Assert.Equal(DiagnosticDescriptors.HelpBase + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            Assert.Contains(link!.Fragment.TrimStart('#'), anchors);
        }
    }

    /// <summary>
    /// When the package names its repository or project site, the help links live there too (today it names
    /// neither, and HelpBase is the one place the address is written).
    /// </summary>
    [Fact]
    public void Help_links_agree_with_the_packages_urls()
    {
        var properties = new[] { "Directory.Build.props", "runtime/NdBindgen.Runtime/NdBindgen.Runtime.csproj" }
            .SelectMany(f => XDocument.Load(TestPaths.RepositoryFile(f)).Descendants())
            .Where(e => e.Name.LocalName is "RepositoryUrl" or "PackageProjectUrl")
            .Select(e => e.Value.Trim().TrimEnd('/'));
        foreach (string url in properties)
            Assert.StartsWith(url + "/", DiagnosticDescriptors.HelpBase, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>GitHub's anchor for a heading: lower case, spaces to '-', punctuation dropped.</summary>
    private static string Anchor(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^\w\- ]", "").Replace(' ', '-');
}
