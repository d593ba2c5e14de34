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
    public const string Constants = nameof(Constants);
    public const string Submodules = nameof(Submodules);
    public const string Exceptions = nameof(Exceptions);
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

        // In a build the generator reports every NDB diagnostic but NDB0020/NDB0021 (the compiler
        // drops analyzer diagnostics after a declaration error); in an editor the analyzers do.
        IncrementalValueProvider<DiagnosticSettings> reports = context.AnalyzerConfigOptionsProvider
            .Select(ModuleOptionsParser.Diagnostics);

        IncrementalValuesProvider<ParseResult<FunctionModel>> functions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.PyFunctionAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                FunctionParser.Parse)
            .WithTrackingName(TrackingNames.Functions);

        // Invalid declarations are skipped: the rest of the module still generates.
        context.RegisterSourceOutput(functions.Combine(reports), static (spc, input) =>
        {
            var (result, report) = input;
            Report(spc, report, result.Diagnostics);
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

        context.RegisterSourceOutput(classes.Combine(reports), static (spc, input) =>
        {
            var (result, report) = input;
            Report(spc, report, result.Diagnostics);
            if (result.Model is { } c) spc.AddSource(c.HintName, ClassEmitter.Emit(c));
        });

        // The class member marks, for NDB0017 and NDB0018 (a [PyFunction]'s own parse checks its marks).
        foreach (string mark in s_classMemberMarks)
        {
            var problems = context.SyntaxProvider.ForAttributeWithMetadataName(mark,
                static (node, _) => node is MemberDeclarationSyntax or VariableDeclaratorSyntax,
                (ctx, _) => MemberMarks.Check(ctx.TargetSymbol, mark));
            context.RegisterSourceOutput(problems.Combine(reports), static (spc, input) =>
            {
                Report(spc, input.Right, input.Left);
            });
        }

        // Only each class's Python surface: body edits of a class leave the module cached.
        IncrementalValueProvider<ImmutableArray<ClassExport>> classExports = classes
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => new ClassExport(r.Model!.Python, r.Model.TypeName, r.Model.Location))
            .Collect();

        IncrementalValuesProvider<ParseResult<ConstantModel>> constants = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.PyConstantAttribute,
                static (node, _) => node is VariableDeclaratorSyntax or PropertyDeclarationSyntax,
                ConstantParser.Parse)
            .WithTrackingName(TrackingNames.Constants);
        context.RegisterSourceOutput(constants.Combine(reports), static (spc, input) =>
        {
            Report(spc, input.Right, input.Left.Diagnostics);
        });

        IncrementalValuesProvider<ParseResult<SubmoduleDeclaration>> submodules = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.PySubmoduleAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                SubmoduleParser.Parse)
            .WithTrackingName(TrackingNames.Submodules);
        context.RegisterSourceOutput(submodules.Combine(reports), static (spc, input) =>
        {
            Report(spc, input.Right, input.Left.Diagnostics);
        });

        IncrementalValuesProvider<ParseResult<ExceptionModel>> exceptions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.PyExceptionAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                ExceptionParser.Parse)
            .WithTrackingName(TrackingNames.Exceptions);
        context.RegisterSourceOutput(exceptions.Combine(reports), static (spc, input) =>
        {
            Report(spc, input.Right, input.Left.Diagnostics);
        });

        IncrementalValueProvider<(ModuleModel? Module, EquatableArray<DiagnosticInfo> Diagnostics)> module = functions
            .Select(static (r, _) => r.Model)
            .Where(static f => f is not null)
            .Collect()
            .Combine(classExports)
            .Combine(options)
            .Combine(constants.Where(static r => r.Model is not null).Select(static (r, _) => r.Model!).Collect())
            .Combine(submodules.Where(static r => r.Model is not null).Select(static (r, _) => r.Model!).Collect())
            .Combine(exceptions.Where(static r => r.Model is not null).Select(static (r, _) => r.Model!).Collect())
            .Select(static (input, _) => ModuleParser.Parse(input.Left.Left.Left.Left.Left!,
                input.Left.Left.Left.Left.Right, input.Left.Left.Left.Right, input.Left.Left.Right, input.Left.Right,
                input.Right))
            .WithTrackingName(TrackingNames.Module);

        context.RegisterSourceOutput(module.Combine(reports), static (spc, input) =>
        {
            var (m, report) = input;
            Report(spc, report, m.Diagnostics);
            if (m.Module is { } model) spc.AddSource("PythonModule.g.cs", ModuleEmitter.Emit(model));
            if (m.Module is { Overloads.Length: > 0 } withOverloads)
                spc.AddSource("PythonModule.Overloads.g.cs", OverloadEmitter.EmitDispatchers(withOverloads.Overloads));
            if (m.Module is { Exceptions.Length: > 0 } withExceptions)
                spc.AddSource(ExceptionEmitter.HintName, ExceptionEmitter.Emit(withExceptions));
        });
    }

    private static readonly string[] s_classMemberMarks =
    {
        KnownTypes.PyMethodAttribute, KnownTypes.PyPropertyAttribute, KnownTypes.PyClassMethodAttribute,
        KnownTypes.PyConstructorAttribute,
    };

    private static void Report(SourceProductionContext spc, DiagnosticSettings settings,
        EquatableArray<DiagnosticInfo> diagnostics)
    {
        if (!settings.GeneratorReports) return;
        foreach (DiagnosticInfo d in diagnostics) spc.ReportDiagnostic(d.ToDiagnostic(settings.HelpPage));
    }
}
