using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NdBindgen.Generator.Model;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Every function and class of the compilation, with the MSBuild options -> the <see cref="ModuleModel"/>
/// and the module-wide diagnostics: an invalid module name (NDB0005), two exports of one Python name
/// (NDB0007), C# overloads Python cannot tell apart (NDB0023).
/// </summary>
internal static class ModuleParser
{
    public static (ModuleModel?, EquatableArray<DiagnosticInfo>) Parse(ImmutableArray<FunctionModel?> functions,
        ImmutableArray<(ClassExportModel Export, LocationInfo? Location)> classes, ModuleOptions options)
    {
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        if (options.ModuleName is null && functions.Length == 0 && classes.Length == 0)
            return (null, diagnostics.ToImmutable());   // not an extension project
        string name = options.ModuleName ?? "";
        if (PythonIdentifiers.WhyNotIdentifier(name) is not null)
        {
            diagnostics.Add(new DiagnosticInfo(D.InvalidModuleName.Id, null, ImmutableArray.Create(name)));
            return (null, diagnostics.ToImmutable());
        }

        var seen = new HashSet<string>();
        var classModels = Classes(classes, name, seen, diagnostics);
        var exports = ImmutableArray.CreateBuilder<ExportModel>();
        var overloadSets = ImmutableArray.CreateBuilder<OverloadSetModel>();
        var ordered = functions
            .OrderBy(f => f!.PythonName, System.StringComparer.Ordinal)
            .ThenBy(f => f!.WrapperName, System.StringComparer.Ordinal);
        foreach (var group in ordered.GroupBy(f => f!.PythonName))
        {
            var overloads = Exports(group!, name, seen, exports, diagnostics);
            if (overloads.Count == 0) continue;
            OverloadSetModel set = OverloadSets.Build(overloads.OrderBy(f => f.Overload), diagnostics);
            overloadSets.Add(set);
            exports.Add(new ExportModel(null, set));
        }
        var module = new ModuleModel(name, exports.ToImmutable(), classModels)
        {
            Overloads = overloadSets.ToImmutable(),
        };
        return (module, diagnostics.ToImmutable());
    }

    /// <summary>The classes in Python-name order; a second class of a name is NDB0007.</summary>
    private static ImmutableArray<ClassExportModel> Classes(
        ImmutableArray<(ClassExportModel Export, LocationInfo? Location)> classes, string module, HashSet<string> seen,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<ClassExportModel>();
        foreach (var (c, location) in classes.OrderBy(c => c.Export.PythonName, System.StringComparer.Ordinal))
        {
            if (!seen.Add(c.PythonName))
            {
                diagnostics.Add(new DiagnosticInfo(D.DuplicatePythonName.Id, location,
                    ImmutableArray.Create(c.PythonName, c.PythonName, module)));
                continue;
            }
            result.Add(c);
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// One Python name's functions: a single export is added to <paramref name="exports"/>; C#
    /// overloads of the first one are returned, to become one callable; any other is NDB0007.
    /// </summary>
    private static List<FunctionModel> Exports(IEnumerable<FunctionModel> group, string module, HashSet<string> seen,
        ImmutableArray<ExportModel>.Builder exports, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        FunctionModel first = group.First();
        bool IsOverloadOfFirst(FunctionModel f) => first.Overload > 0 && f.Overload > 0
            && f.ContainingType == first.ContainingType && f.MethodName == first.MethodName;
        bool taken = !seen.Add(first.PythonName);
        var overloads = new List<FunctionModel>();
        foreach (FunctionModel f in group)
        {
            if (taken || (f != first && !IsOverloadOfFirst(f)))
            {
                string display = f.ContainingType.Replace("global::", "") + "." + f.MethodName;
                diagnostics.Add(new DiagnosticInfo(D.DuplicatePythonName.Id, f.Location,
                    ImmutableArray.Create(display, f.PythonName, module)));
                continue;
            }
            if (f.Overload > 0) overloads.Add(f);
            else exports.Add(new ExportModel(f.WithoutLocation(), null));
        }
        return overloads;
    }
}
