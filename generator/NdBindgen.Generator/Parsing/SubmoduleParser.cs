using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// [PySubmodule] static class -> <see cref="SubmoduleDeclaration"/>, and which submodule a function, constant or
/// class belongs to: the nearest [PySubmodule] type declaring it (a class names its own with PyClass's Submodule).
/// </summary>
internal static class SubmoduleParser
{
    public static ParseResult<SubmoduleDeclaration> Parse(GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken) =>
        ParseClass((INamedTypeSymbol)context.TargetSymbol, cancellationToken);

    /// <summary>The generator and the analyzer share this.</summary>
    public static ParseResult<SubmoduleDeclaration> ParseClass(INamedTypeSymbol type,
        CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        Location? location = type.Locations.FirstOrDefault();
        AttributeData attribute = Mark(type)!;
        string? problem = !type.IsStatic
            ? "it is not a static class; a submodule has no instances, so make it 'static class' (its [PyFunction]s "
                + "are static methods)"
            : type.IsGenericType
                ? "it is generic; Python has no type arguments to choose an instantiation with"
                : Enclosing(type.ContainingType) is { } outer
                    ? $"it is nested in the submodule '{outer.Name}'; submodules of submodules are not supported "
                        + $"yet, so move it out of '{outer.Name}' (a submodule can be named \"{NameOf(outer)}_...\")"
                    : null;
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidSubmodule, location, type.Name, problem));
            return new ParseResult<SubmoduleDeclaration>(null, diagnostics.ToImmutable());
        }
        string? explicitName = FunctionParser.ExplicitName(attribute);
        string pythonName = NameOf(type)!;
        if (PythonIdentifiers.WhyNotIdentifier(pythonName) is { } whyNot)
        {
            Location? nameLocation = explicitName is not null
                ? FunctionParser.AttributeLocation(attribute) ?? location : location;
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidPythonName, nameLocation, pythonName, whyNot));
            return new ParseResult<SubmoduleDeclaration>(null, diagnostics.ToImmutable());
        }
        DocModel? doc = DocComments.Parse(type.GetDocumentationCommentXml(cancellationToken: cancellationToken),
            PythonIdentifiers.ToSnakeCase);
        return new ParseResult<SubmoduleDeclaration>(
            new SubmoduleDeclaration(pythonName, doc, type.Name, LocationInfo.From(location)),
            ImmutableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// The Python name of the submodule a member of <paramref name="type"/> belongs to (the nearest enclosing
    /// [PySubmodule] type, <paramref name="type"/> included), or null for the module itself.
    /// </summary>
    public static string? NameOf(INamedTypeSymbol? type) =>
        Enclosing(type) is { } submodule
            ? FunctionParser.ExplicitName(Mark(submodule)!) ?? PythonIdentifiers.ToSnakeCase(submodule.Name)
            : null;

    /// <summary>
    /// The submodule of a [PyClass]: the Python name of its attribute's Submodule type; NDB0042 when that type is
    /// not a [PySubmodule].
    /// </summary>
    public static string? OfClass(INamedTypeSymbol type, AttributeData? pyClass,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var named in pyClass?.NamedArguments ?? ImmutableArray<System.Collections.Generic.KeyValuePair<
                     string, TypedConstant>>.Empty)
        {
            if (named.Key != "Submodule" || named.Value.Value is not INamedTypeSymbol submodule) continue;
            if (Mark(submodule) is null)
            {
                Location? location = FunctionParser.AttributeLocation(pyClass!) ?? type.Locations.FirstOrDefault();
                diagnostics.Add(DiagnosticInfo.Create(D.NotASubmodule, location, type.Name, submodule.Name));
                return null;
            }
            return NameOf(submodule);
        }
        return null;
    }

    private static INamedTypeSymbol? Enclosing(INamedTypeSymbol? type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            if (Mark(t) is not null) return t;
        return null;
    }

    private static AttributeData? Mark(INamedTypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a, KnownTypes.PySubmoduleAttribute));
}
