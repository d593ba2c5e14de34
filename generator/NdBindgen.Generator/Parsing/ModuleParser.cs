using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NdBindgen.Generator.Model;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Every function and class of the compilation, with the MSBuild options -> the <see cref="ModuleModel"/>
/// and the module-wide diagnostics: an invalid module name (NDB0007), two exports of one Python name
/// (NDB0005), C# overloads Python cannot tell apart (NDB0023).
/// </summary>
internal static class ModuleParser
{
    public static (ModuleModel?, EquatableArray<DiagnosticInfo>) Parse(ImmutableArray<FunctionModel?> functions,
        ImmutableArray<ClassExport> classes, ModuleOptions options)
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

        var seen = new Dictionary<string, Owner>();
        var classModels = Classes(classes, name, seen, diagnostics);
        var enums = Enums(functions!, classModels, name, seen, diagnostics);
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
            Enums = enums,
        };
        return (module, diagnostics.ToImmutable());
    }

    /// <summary>The classes in Python-name order; a second class of a name is NDB0005.</summary>
    private static ImmutableArray<ClassExportModel> Classes(ImmutableArray<ClassExport> classes, string module,
        Dictionary<string, Owner> seen, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<ClassExportModel>();
        // By Python name, then C# name: the same order whichever order the classes arrive in.
        var ordered = classes.OrderBy(c => c.Export.PythonName, System.StringComparer.Ordinal)
            .ThenBy(c => c.TypeName, System.StringComparer.Ordinal);
        foreach (ClassExport c in ordered)
        {
            var owner = new Owner($"class '{c.TypeName}'", ClassRename);
            if (Duplicate(c.Export.PythonName, c.TypeName, owner, c.Location, module, seen, diagnostics)) continue;
            result.Add(c.Export);
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// Every enum a signature of the module uses (functions, constructors, methods, properties), once
    /// each, in Python-name order; one whose Python name is taken (by a class, or another enum of the
    /// same name in another namespace) is NDB0005.
    /// </summary>
    private static ImmutableArray<EnumModel> Enums(IEnumerable<FunctionModel> functions,
        ImmutableArray<ClassExportModel> classes, string module, Dictionary<string, Owner> seen,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var types = new List<TypeModel>();
        void AddFunction(FunctionModel f)
        {
            types.Add(f.Return);
            types.AddRange(f.Parameters.Select(p => p.Type));
        }
        foreach (FunctionModel f in functions) AddFunction(f);
        foreach (ClassExportModel c in classes)
        {
            types.AddRange(c.Constructor.Parameters.Select(p => p.Type));
            if (c.Constructor.Overloads is { } constructors)
                foreach (FunctionModel f in constructors.Overloads) AddFunction(f);
            types.AddRange(c.Properties.Select(p => p.Type));
            foreach (FunctionModel f in c.Methods) AddFunction(f);
            foreach (OverloadSetModel set in c.MethodOverloads)
                foreach (FunctionModel f in set.Overloads) AddFunction(f);
        }
        var result = ImmutableArray.CreateBuilder<EnumModel>();
        var ordered = types.Select(t => t.Enum).Where(e => e is not null).Select(e => e!)
            .GroupBy(e => e.FullType).Select(g => g.First())
            .OrderBy(e => e.PythonName, System.StringComparer.Ordinal)
            .ThenBy(e => e.FullType, System.StringComparer.Ordinal);
        foreach (EnumModel e in ordered)
        {
            var owner = new Owner($"enum '{e.Display}'", EnumRename);
            if (Duplicate(e.PythonName, e.Display, owner, e.Location, module, seen, diagnostics)) continue;
            result.Add(e with { Location = null });
        }
        return result.ToImmutable();
    }

    private const string EnumRename = "[PyEnum(\"...\")]";
    private const string ClassRename = "[PyClass(\"...\")]";
    private const string FunctionRename = "[PyFunction(\"...\")]";

    /// <summary>What already has a Python name, as NDB0005 names it, and how to rename it.</summary>
    private sealed record Owner(string Shown, string Rename);

    /// <summary>Claims the name for <paramref name="owner"/>; when it is taken: NDB0005, and true.</summary>
    private static bool Duplicate(string name, string display, Owner owner, LocationInfo? location, string module,
        Dictionary<string, Owner> seen, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (!seen.TryGetValue(name, out Owner? first))
        {
            seen[name] = owner;
            return false;
        }
        string rename = first.Rename == owner.Rename ? owner.Rename : owner.Rename + " or " + first.Rename;
        diagnostics.Add(new DiagnosticInfo(D.DuplicatePythonName.Id, location,
            ImmutableArray.Create(display, name, first.Shown, module, rename)));
        return true;
    }

    /// <summary>
    /// One Python name's functions: a single export is added to <paramref name="exports"/>; C#
    /// overloads of the first one are returned, to become one callable; any other is NDB0005.
    /// </summary>
    private static List<FunctionModel> Exports(IEnumerable<FunctionModel> group, string module,
        Dictionary<string, Owner> seen, ImmutableArray<ExportModel>.Builder exports,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        FunctionModel first = group.First();
        bool IsOverloadOfFirst(FunctionModel f) => first.Overload > 0 && f.Overload > 0
            && f.ContainingType == first.ContainingType && f.MethodName == first.MethodName;
        var owner = new Owner($"function '{first.Display}'", FunctionRename);
        bool taken = seen.ContainsKey(first.PythonName);
        if (!taken) seen[first.PythonName] = owner;
        var overloads = new List<FunctionModel>();
        foreach (FunctionModel f in group)
        {
            if (taken || (f != first && !IsOverloadOfFirst(f)))
            {
                // Taken by a class, or by the first function of this name: the message names which.
                Duplicate(f.PythonName, f.Display, new Owner($"function '{f.Display}'", FunctionRename), f.Location,
                    module, seen, diagnostics);
                continue;
            }
            if (f.Overload > 0) overloads.Add(f);
            else exports.Add(new ExportModel(f.WithoutLocation(), null));
        }
        return overloads;
    }
}
