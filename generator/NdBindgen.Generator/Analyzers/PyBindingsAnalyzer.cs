using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Parsing;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Analyzers;

/// <summary>
/// Reports misuse on the user's own code, live in the IDE. It runs the generator's own parsers
/// (one set of checks), on the narrowest actions: a symbol action per method and per named type,
/// only in compilations that reference NdBindgen, concurrently, never on generated code. The
/// generator itself reports only what needs the whole module (NDB0005, NDB0007, and NDB0023 of
/// module functions; a [PyClass]'s NDB0023 comes from here, with the class's other checks).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PyBindingsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        D.All.Where(d => d.Id is not ("NDB0005" or "NDB0007")).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? pyFunction = start.Compilation.GetTypeByMetadataName(KnownTypes.PyFunctionAttribute);
            INamedTypeSymbol? pyClass = start.Compilation.GetTypeByMetadataName(KnownTypes.PyClassAttribute);
            if (pyFunction is null || pyClass is null) return;   // not an NdBindgen project
            IMethodSymbol? assumeGil = start.Compilation.GetTypeByMetadataName(KnownTypes.Python)
                ?.GetMembers("AssumeGilHeld").OfType<IMethodSymbol>().FirstOrDefault();

            start.RegisterSymbolAction(c => AnalyzeMethod(c, pyFunction), SymbolKind.Method, SymbolKind.Property,
                SymbolKind.Field);
            start.RegisterSymbolAction(c => AnalyzeType(c, pyClass), SymbolKind.NamedType);
            if (assumeGil is not null)
            {
                start.RegisterOperationAction(c =>
                {
                    IMethodSymbol target = ((IInvocationOperation)c.Operation).TargetMethod;
                    if (SymbolEqualityComparer.Default.Equals(target, assumeGil))
                        c.ReportDiagnostic(Diagnostic.Create(D.AssumedGil, c.Operation.Syntax.GetLocation()));
                }, OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol pyFunction)
    {
        ISymbol member = context.Symbol;
        var marks = member.GetAttributes()
            .Where(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == KnownTypes.Namespace
            && KnownTypes.MemberAttributes.Contains(a.AttributeClass.Name)).ToList();
        if (marks.Count == 0) return;
        Location? location = member.Locations.FirstOrDefault();
        string display = member.ContainingType.Name + "." + member.Name;
        if (marks.Count > 1)
        {
            string names = string.Join(" and ",
                marks.Select(a => "[" + a.AttributeClass!.Name.Replace("Attribute", "") + "]"));
            context.ReportDiagnostic(Diagnostic.Create(D.ConflictingAttributes, location, display, names));
            return;
        }
        AttributeData mark = marks[0];
        if (SymbolEqualityComparer.Default.Equals(mark.AttributeClass, pyFunction))
        {
            if (member is IMethodSymbol method && method.MethodKind == MethodKind.Ordinary)
            {
                var result = FunctionParser.ParseMethod(method, mark, CallKind.ModuleFunction, null,
                    context.CancellationToken, context.Compilation);
                Report(context, result.Diagnostics);
            }
            return;
        }
        // A class member attribute: the class's own analysis checks it, unless there is no [PyClass].
        if (!ConversionTable.IsPyClass(member.ContainingType))
        {
            string name = "[" + mark.AttributeClass!.Name.Replace("Attribute", "") + "]";
            context.ReportDiagnostic(Diagnostic.Create(D.MemberOutsideClass, location, display, name,
                member.ContainingType.Name));
        }
    }

    private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol pyClass)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, pyClass))) return;
        Report(context, ClassParser.ParseClass(type, context.CancellationToken).Diagnostics);
    }

    /// <summary>
    /// Reports at locations in the syntax trees (so #pragma and the IDE see them), not the models' plain spans.
    /// </summary>
    private static void Report(SymbolAnalysisContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo d in diagnostics)
        {
            Location? location = d.Location is { } info
                ? context.Compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == info.FilePath) is { } tree
                    ? Location.Create(tree, info.Span)
                    : info.ToLocation()
                : null;
            context.ReportDiagnostic(Diagnostic.Create(D.ById(d.Id), location, d.Arguments.Items.ToArray<object>()));
        }
    }
}
