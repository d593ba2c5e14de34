using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NdBindgen.Generator.Emitting;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using NdBindgen.Generator.Parsing;

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
/// This class only wires the steps: parsing is in Parsing/, emitting in Emitting/.
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
                KnownTypes.PyFunctionAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                FunctionParser.Parse)
            .WithTrackingName(TrackingNames.Functions);

        // Per-declaration diagnostics are the analyzer's (PyBindingsAnalyzer runs the same parsers);
        // the generator skips invalid declarations and reports only module-wide problems.
        context.RegisterSourceOutput(functions, static (spc, result) =>
        {
            // One of several overloads under one Python name: a body its dispatcher (in the module) calls.
            if (result.Model is { } f)
                spc.AddSource(f.HintName, f.Overload > 0 ? OverloadEmitter.EmitOverload(f) : FunctionEmitter.Emit(f));
        });

        IncrementalValuesProvider<ParseResult<ClassModel>> classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.PyClassAttribute,
                // Records and structs too: they are refused (NDB0013), not ignored.
                static (node, _) => node is TypeDeclarationSyntax,
                ClassParser.Parse)
            .WithTrackingName(TrackingNames.Classes);

        context.RegisterSourceOutput(classes, static (spc, result) =>
        {
            if (result.Model is { } c) spc.AddSource(c.HintName, ClassEmitter.Emit(c));
        });

        // Only each class's Python surface: body edits of a class leave the module cached.
        IncrementalValueProvider<ImmutableArray<ClassExport>> classExports = classes
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => new ClassExport(r.Model!.Python, r.Model.TypeName, r.Model.Location))
            .Collect();

        IncrementalValueProvider<(ModuleModel? Module, EquatableArray<DiagnosticInfo> Diagnostics)> module = functions
            .Select(static (r, _) => r.Model)
            .Where(static f => f is not null)
            .Collect()
            .Combine(classExports)
            .Combine(options)
            .Select(static (input, _) => ModuleParser.Parse(input.Left.Left!, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Module);

        context.RegisterSourceOutput(module, static (spc, m) =>
        {
            foreach (DiagnosticInfo d in m.Diagnostics) spc.ReportDiagnostic(d.ToDiagnostic());
            if (m.Module is { } model) spc.AddSource("PythonModule.g.cs", ModuleEmitter.Emit(model));
            if (m.Module is { Overloads.Length: > 0 } withOverloads)
                spc.AddSource("PythonModule.Overloads.g.cs", OverloadEmitter.EmitDispatchers(withOverloads.Overloads));
        });
    }
}
