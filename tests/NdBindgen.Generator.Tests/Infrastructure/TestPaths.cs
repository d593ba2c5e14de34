using System.IO;
using System.Linq;
using System.Reflection;

namespace NdBindgen.Generator.Tests.Infrastructure;

/// <summary>Source-tree paths, from the project directory the build records in the assembly.</summary>
internal static class TestPaths
{
    public static readonly string ProjectDirectory = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ProjectDirectory").Value!;

    public static string Snapshots => Path.Combine(ProjectDirectory, "Snapshots");

    public static string RepositoryFile(string relativePath) =>
        Path.GetFullPath(Path.Combine(ProjectDirectory, "..", "..", relativePath));
}
