using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using NdBindgen.Generator.Diagnostics;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Reads the module settings from MSBuild (made visible to the compiler by NdBindgen.props).
/// PyModuleName is the single source of truth for the module name: the build uses the same
/// property to name the .so file.
/// </summary>
internal static class ModuleOptionsParser
{
    /// <summary>
    /// The global analyzer config key NdBindgen.props sets to "build" outside design-time builds
    /// (build/NdBindgen.Build.globalconfig): then the generator reports the NDB diagnostics, since
    /// the compiler drops analyzer diagnostics once a declaration has an error (CS8377 for
    /// NdView&lt;string&gt;, say). Without it (an editor's design-time build, a bare analyzer
    /// reference) the analyzers report them, since editors show analyzer diagnostics only. Either
    /// way each diagnostic is reported once; NDB0020 and NDB0021 are always the analyzers'.
    /// </summary>
    public const string DiagnosticsKey = "ndbindgen_diagnostics";

    public static bool GeneratorReports(AnalyzerConfigOptions global) =>
        global.TryGetValue(DiagnosticsKey, out string? value) && value.Trim() == "build";

    /// <summary>How the generator reports: whether it does, and the page its help links open.</summary>
    public static DiagnosticSettings Diagnostics(AnalyzerConfigOptionsProvider provider, CancellationToken _) =>
        new(GeneratorReports(provider.GlobalOptions), DiagnosticDescriptors.HelpPage(provider.GlobalOptions));

    public static ModuleOptions Parse(AnalyzerConfigOptionsProvider provider, CancellationToken _)
    {
        provider.GlobalOptions.TryGetValue("build_property.PyModuleName", out string? name);
        // __version__: the wheel's version, which NdBindgen.targets works out (pyproject.toml, or Version).
        provider.GlobalOptions.TryGetValue("build_property.PyModuleVersion", out string? version);
        return new ModuleOptions(string.IsNullOrWhiteSpace(name) ? null : name!.Trim(),
            string.IsNullOrWhiteSpace(version) ? ModuleOptions.DefaultVersion : Pep440.Normalize(version!.Trim()));
    }
}

/// <summary>The reporting settings of one project (ModuleOptionsParser.Diagnostics).</summary>
internal sealed record DiagnosticSettings(bool GeneratorReports, string? HelpPage);
