using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NdBindgen.Generator.Model;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Every function, class, constant and submodule of the compilation, with the MSBuild options -> the
/// <see cref="ModuleModel"/> and the module-wide diagnostics: an invalid module name (NDB0007), two exports of one
/// Python name in the module or in one submodule (NDB0005), C# overloads Python cannot tell apart (NDB0023).
/// </summary>
internal static partial class ModuleParser
{
    public static (ModuleModel?, EquatableArray<DiagnosticInfo>) Parse(ImmutableArray<FunctionModel?> functions,
        ImmutableArray<ClassExport> classes, ModuleOptions options,
        ImmutableArray<ConstantModel> constants = default, ImmutableArray<SubmoduleDeclaration> submodules = default,
        ImmutableArray<ExceptionModel> exceptions = default)
    {
        exceptions = exceptions.IsDefault ? ImmutableArray<ExceptionModel>.Empty : exceptions;
        constants = constants.IsDefault ? ImmutableArray<ConstantModel>.Empty : constants;
        submodules = submodules.IsDefault ? ImmutableArray<SubmoduleDeclaration>.Empty : submodules;
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        if (options.ModuleName is null && functions.Length == 0 && classes.Length == 0 && constants.Length == 0
            && submodules.Length == 0 && exceptions.Length == 0)
            return (null, diagnostics.ToImmutable());   // not an extension project
        string name = options.ModuleName ?? "";
        if (PythonIdentifiers.WhyNotIdentifier(name) is not null)
        {
            diagnostics.Add(new DiagnosticInfo(D.InvalidModuleName.Id, null, ImmutableArray.Create(name)));
            return (null, diagnostics.ToImmutable());
        }

        // The module's own names: __version__, then the submodules (NDB0005 for a second of one name).
        var seen = new Dictionary<string, Owner>
        {
            ["__version__"] = new Owner("the module's __version__ (the project's Version)", ConstantRename),
        };
        var declared = new List<SubmoduleDeclaration>();
        foreach (SubmoduleDeclaration d in submodules.OrderBy(d => d.PythonName, System.StringComparer.Ordinal)
                     .ThenBy(d => d.Display, System.StringComparer.Ordinal))
        {
            var owner = new Owner($"submodule '{d.Display}'", SubmoduleRename);
            if (!Duplicate(d.PythonName, d.Display, owner, d.Location, name, seen, diagnostics)) declared.Add(d);
        }
        var overloadSets = ImmutableArray.CreateBuilder<OverloadSetModel>();
        var top = Namespace(null, name, seen, functions, classes, constants, overloadSets, diagnostics);
        var subs = ImmutableArray.CreateBuilder<SubmoduleModel>();
        var subSeen = new Dictionary<string, Dictionary<string, Owner>>();
        foreach (SubmoduleDeclaration d in declared)
        {
            var (exports, classModels, constantModels) = Namespace(d.PythonName, name + "." + d.PythonName,
                subSeen[d.PythonName] = new Dictionary<string, Owner>(), functions, classes, constants, overloadSets,
                diagnostics);
            subs.Add(new SubmoduleModel(d.PythonName, d.Doc, exports, classModels, constantModels));
        }
        var exceptionModels = Exceptions(exceptions, name, seen, subSeen, diagnostics);
        // The enums of every signature, constant and exception attribute, classes of the module itself (those of a
        // submodule's too).
        var enums = Enums(functions!, top.Classes.Concat(subs.SelectMany(s => s.Classes)), constants, name, seen,
            diagnostics, exceptionModels.SelectMany(e => e.Attributes).Select(a => a.Type));
        var module = new ModuleModel(name, top.Exports, top.Classes)
        {
            Enums = enums,
            Overloads = overloadSets.ToImmutable(),
            Constants = top.Constants,
            Submodules = subs.ToImmutable(),
            Version = options.Version,
            Exceptions = exceptionModels,
        };
        return (module, diagnostics.ToImmutable());
    }

    /// <summary>
    /// The functions, classes and constants of the module (<paramref name="submodule"/> null) or of one submodule,
    /// each name claimed once in <paramref name="seen"/>. Members of a submodule that was refused are left out (its
    /// own diagnostic says why).
    /// </summary>
    private static (ImmutableArray<ExportModel> Exports, ImmutableArray<ClassExportModel> Classes,
        ImmutableArray<ConstantModel> Constants) Namespace(string? submodule, string module,
        Dictionary<string, Owner> seen, ImmutableArray<FunctionModel?> functions, ImmutableArray<ClassExport> classes,
        ImmutableArray<ConstantModel> constants, ImmutableArray<OverloadSetModel>.Builder overloadSets,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var classModels = Classes(classes.Where(c => c.Export.Submodule == submodule).ToImmutableArray(), module, seen,
            diagnostics);
        var exports = ImmutableArray.CreateBuilder<ExportModel>();
        var ordered = functions
            .Where(f => f!.Submodule == submodule)
            .OrderBy(f => f!.PythonName, System.StringComparer.Ordinal)
            .ThenBy(f => f!.WrapperName, System.StringComparer.Ordinal);
        foreach (var group in ordered.GroupBy(f => f!.PythonName))
        {
            var overloads = Exports(group!, module, seen, exports, diagnostics);
            if (overloads.Count == 0) continue;
            OverloadSetModel set = OverloadSets.Build(overloads.OrderBy(f => f.Overload), diagnostics);
            overloadSets.Add(set);
            exports.Add(new ExportModel(null, set));
        }
        var constantModels = ImmutableArray.CreateBuilder<ConstantModel>();
        foreach (ConstantModel c in constants.Where(c => c.Submodule == submodule)
                     .OrderBy(c => c.PythonName, System.StringComparer.Ordinal)
                     .ThenBy(c => c.Display, System.StringComparer.Ordinal))
        {
            var owner = new Owner($"constant '{c.Display}'", ConstantRename);
            if (!Duplicate(c.PythonName, c.Display, owner, c.Location, module, seen, diagnostics))
                constantModels.Add(c.WithoutLocation());
        }
        return (exports.ToImmutable(), classModels, constantModels.ToImmutable());
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
    /// same name in another namespace) is NDB0005, a member Python's enum would refuse or drop NDB0032.
    /// </summary>
    private static ImmutableArray<EnumModel> Enums(IEnumerable<FunctionModel> functions,
        IEnumerable<ClassExportModel> classes, ImmutableArray<ConstantModel> constants, string module,
        Dictionary<string, Owner> seen, ImmutableArray<DiagnosticInfo>.Builder diagnostics,
        IEnumerable<TypeModel> attributes)
    {
        var types = new List<TypeModel>(constants.Select(c => c.Type).Concat(attributes));
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
        var ordered = types.SelectMany(WithElements).Select(t => t.Enum).Where(e => e is not null).Select(e => e!)
            .GroupBy(e => e.FullType).Select(g => g.First())
            .OrderBy(e => e.PythonName, System.StringComparer.Ordinal)
            .ThenBy(e => e.FullType, System.StringComparer.Ordinal);
        foreach (EnumModel e in ordered)
        {
            var owner = new Owner($"enum '{e.Display}'", EnumRename);
            if (Duplicate(e.PythonName, e.Display, owner, e.Location, module, seen, diagnostics)) continue;
            diagnostics.AddRange(EnumMembers.Check(e));
            result.Add(e with { Location = null, Members = EnumMembers.WithoutLocations(e) });
        }
        return result.ToImmutable();
    }

    /// <summary>A type and, for a container, its elements' types, to any depth.</summary>
    private static IEnumerable<TypeModel> WithElements(TypeModel t) =>
        new[] { t }.Concat(t.Elements.SelectMany(WithElements));

    private const string EnumRename = "[PyEnum(\"...\")]";
    private const string ClassRename = "[PyClass(\"...\")]";
    private const string FunctionRename = "[PyFunction(\"...\")]";
    private const string ConstantRename = "[PyConstant(\"...\")]";
    private const string SubmoduleRename = "[PySubmodule(\"...\")]";

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
