using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NdBindgen.Generator.Emitting;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Parsing;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator;

/// <summary>Names of the pipeline steps, for tests that check what was cached.</summary>
public static class TrackingNames
{
    public const string Functions = nameof(Functions);
    public const string Classes = nameof(Classes);
    public const string Options = nameof(Options);
    public const string Module = nameof(Module);
}

/// <summary>
/// C# source -> models -> emitted C#. Each [PyFunction] method becomes a model (and diagnostics),
/// then a wrapper source; all models together with the MSBuild options become the module source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PyModuleGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ModuleOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(ModuleOptionsParser.Parse)
            .WithTrackingName(TrackingNames.Options);

        IncrementalValuesProvider<ParseResult<FunctionModel>> functions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                FunctionParser.AttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                FunctionParser.Parse)
            .WithTrackingName(TrackingNames.Functions);

        // Per-declaration diagnostics are the analyzer's (PyBindingsAnalyzer runs the same parsers);
        // the generator skips invalid declarations and reports only module-wide problems.
        context.RegisterSourceOutput(functions, static (spc, result) =>
        {
            // One of several overloads under one Python name: a body its dispatcher (in the module) calls.
            if (result.Model is { } f) spc.AddSource(f.HintName, f.Overload > 0 ? OverloadEmitter.EmitOverload(f) : FunctionEmitter.Emit(f));
        });

        IncrementalValuesProvider<ParseResult<ClassModel>> classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ConversionTable.PyClassAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                ClassParser.Parse)
            .WithTrackingName(TrackingNames.Classes);

        context.RegisterSourceOutput(classes, static (spc, result) =>
        {
            if (result.Model is { } c) spc.AddSource(c.HintName, ClassEmitter.Emit(c));
        });

        // Only what the module table needs of each class: body edits of a class leave the module cached.
        IncrementalValueProvider<ImmutableArray<(ClassExportModel Export, LocationInfo? Location)>> classExports = classes
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => (new ClassExportModel(r.Model!.PythonName, r.Model.WrapperClass, StubEmitter.Class(r.Model)), r.Model.Location))
            .Collect();

        IncrementalValueProvider<(ModuleModel? Module, EquatableArray<DiagnosticInfo> Diagnostics)> module = functions
            .Select(static (r, _) => r.Model)
            .Where(static f => f is not null)
            .Collect()
            .Combine(classExports)
            .Combine(options)
            .Select(static (input, _) => BuildModule(input.Left.Left!, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Module);

        context.RegisterSourceOutput(module, static (spc, m) =>
        {
            foreach (DiagnosticInfo d in m.Diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
            if (m.Module is { } model) spc.AddSource("PythonModule.g.cs", ModuleEmitter.Emit(model));
            if (m.Module is { Overloads.Length: > 0 } withOverloads)
                spc.AddSource("PythonModule.Overloads.g.cs", OverloadEmitter.EmitDispatchers(withOverloads.Overloads));
        });
    }

    private static (ModuleModel?, EquatableArray<DiagnosticInfo>) BuildModule(ImmutableArray<FunctionModel?> functions,
        ImmutableArray<(ClassExportModel Export, LocationInfo? Location)> classes, ModuleOptions options)
    {
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        if (options.ModuleName is null && functions.Length == 0 && classes.Length == 0)
            return (null, diagnostics.ToImmutable());   // not an extension project
        string name = options.ModuleName ?? "";
        if (Names.WhyNotIdentifier(name) is not null)
        {
            diagnostics.Add(new DiagnosticInfo(D.InvalidModuleName.Id, null, ImmutableArray.Create(name)));
            return (null, diagnostics.ToImmutable());
        }

        var exports = ImmutableArray.CreateBuilder<ExportModel>();
        var seen = new HashSet<string>();
        var classModels = ImmutableArray.CreateBuilder<ClassExportModel>();
        foreach (var (c, location) in classes.OrderBy(c => c.Export.PythonName, System.StringComparer.Ordinal))
        {
            if (!seen.Add(c.PythonName))
            {
                diagnostics.Add(new DiagnosticInfo(D.DuplicatePythonName.Id, location, ImmutableArray.Create(c.PythonName, c.PythonName, name)));
                continue;
            }
            classModels.Add(c);
        }
        var overloadSets = ImmutableArray.CreateBuilder<OverloadSetModel>();
        var ordered = functions.OrderBy(f => f!.PythonName, System.StringComparer.Ordinal).ThenBy(f => f!.WrapperName, System.StringComparer.Ordinal).ToList();
        foreach (var group in ordered.GroupBy(f => f!.PythonName))
        {
            FunctionModel first = group.First()!;
            // C# overloads of the first export, exported under its name, become one callable; any
            // other export of the name is a duplicate.
            bool IsOverloadOfFirst(FunctionModel f) => first.Overload > 0 && f.Overload > 0
                && f.ContainingType == first.ContainingType && f.MethodName == first.MethodName;
            bool taken = !seen.Add(first.PythonName);
            var overloads = new List<FunctionModel>();
            foreach (FunctionModel f in group!)
            {
                if (taken || (f != first && !IsOverloadOfFirst(f)))
                {
                    diagnostics.Add(new DiagnosticInfo(D.DuplicatePythonName.Id, f.Location,
                        ImmutableArray.Create(f.ContainingType.Replace("global::", "") + "." + f.MethodName, f.PythonName, name)));
                    continue;
                }
                if (f.Overload > 0) overloads.Add(f);
                else exports.Add(new ExportModel(f.PythonName, f.WrapperName, ModuleEmitter.Docstring(f), StubEmitter.Function(f)));
            }
            if (overloads.Count == 0) continue;
            var set = OverloadEmitter.Distinguishable(overloads.OrderBy(f => f.Overload), diagnostics);
            OverloadSetModel model = OverloadEmitter.Model(set);
            overloadSets.Add(model);
            exports.Add(new ExportModel(model.PythonName, model.DispatcherName, OverloadEmitter.Docstring(model), OverloadEmitter.Stub(model)));
        }
        string stub = StubEmitter.Module(name, exports.Select(e => e.Stub), classModels.Select(c => c.Stub));
        return (new ModuleModel(name, options.PythonVersion, exports.ToImmutable(), classModels.ToImmutable(), stub) { Overloads = overloadSets.ToImmutable() },
            diagnostics.ToImmutable());
    }
}
