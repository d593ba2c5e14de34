using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Reads the module settings from MSBuild (made visible to the compiler by NdBindgen.props).
/// PyModuleName is the single source of truth for the module name: the build uses the same
/// property to name the .so file.
/// </summary>
internal static class ModuleOptionsParser
{
    public static ModuleOptions Parse(AnalyzerConfigOptionsProvider provider, CancellationToken _)
    {
        provider.GlobalOptions.TryGetValue("build_property.PyModuleName", out string? name);
        return new ModuleOptions(string.IsNullOrWhiteSpace(name) ? null : name!.Trim());
    }
}
