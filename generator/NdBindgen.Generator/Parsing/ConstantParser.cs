using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// [PyConstant] field or property (of a module, a submodule or a class) -> <see cref="ConstantModel"/> plus
/// diagnostics: a member that can change (NDB0016: Python would see a snapshot), a type no function could return
/// (NDB0040), an invalid name (NDB0006).
/// </summary>
internal static class ConstantParser
{
    public static ParseResult<ConstantModel> Parse(GeneratorAttributeSyntaxContext context,
        CancellationToken cancellationToken)
    {
        var marks = MemberMarks.Of(context.TargetSymbol);
        if (marks.Count > 1)
            return new ParseResult<ConstantModel>(null, MemberMarks.Check(context.TargetSymbol,
                KnownTypes.PyConstantAttribute));
        return ParseMember(context.TargetSymbol, context.Attributes[0], cancellationToken);
    }

    /// <summary>
    /// The generator and the analyzer share this. A [PyConstant] of a [PyClass] is a class attribute: nothing here,
    /// the class's parse checks it (<see cref="ClassParser"/>, through <see cref="ParseValue"/>).
    /// </summary>
    public static ParseResult<ConstantModel> ParseMember(ISymbol member, AttributeData attribute,
        CancellationToken cancellationToken) =>
        ConversionTable.IsPyClass(member.ContainingType)
            ? new ParseResult<ConstantModel>(null, ImmutableArray<DiagnosticInfo>.Empty)
            : ParseValue(member, attribute, cancellationToken);

    /// <summary>The checks and the model of a constant, wherever it is declared.</summary>
    internal static ParseResult<ConstantModel> ParseValue(ISymbol member, AttributeData attribute,
        CancellationToken cancellationToken)
    {
        Location? location = member.Locations.FirstOrDefault();
        string display = member.ContainingType.Name + "." + member.Name;
        ParseResult<ConstantModel> Refuse(DiagnosticInfo d) =>
            new(null, ImmutableArray.Create(d));

        if (Unfit(member) is { } why) return Refuse(DiagnosticInfo.Create(D.InvalidMember, location, display, why));
        if (FunctionParser.Inaccessibility(member) is { } inaccessible)
        {
            return Refuse(DiagnosticInfo.Create(D.InvalidMember, location, display, $"it is {inaccessible}; the "
                + "generated module code reads it, so make it internal or public (and every containing type too)"));
        }
        ITypeSymbol type = member is IFieldSymbol f ? f.Type : ((IPropertySymbol)member).Type;
        TypeModel? model = ConversionTable.Resolve(type, isReturn: true, out _, out _);
        if (model is null || !Convertible(model))
        {
            return Refuse(DiagnosticInfo.Create(D.UnsupportedConstantType, location, display,
                type.ToDisplayString(), ConversionTable.SupportedConstants));
        }
        string? explicitName = FunctionParser.ExplicitName(attribute);
        string pythonName = explicitName ?? PythonIdentifiers.ToSnakeCase(member.Name).ToUpperInvariant();
        if (PythonIdentifiers.WhyNotIdentifier(pythonName) is { } whyNot)
        {
            Location? nameLocation = explicitName is not null
                ? FunctionParser.AttributeLocation(attribute) ?? location : location;
            return Refuse(DiagnosticInfo.Create(D.InvalidPythonName, nameLocation, pythonName, whyNot));
        }
        // Literal types for a const of a literal-able type: the stub says `NAME: Final = 3`.
        string? literal = null;
        if (member is IFieldSymbol { IsConst: true, HasConstantValue: true } constant && HasPythonLiteral(type)
            && DefaultValues.TryFormat(constant.ConstantValue, type, out _, out string python))
        {
            literal = python;
        }
        DocModel? doc = DocComments.Parse(member.GetDocumentationCommentXml(cancellationToken: cancellationToken),
            PythonIdentifiers.ToSnakeCase);
        string expression = ConversionTable.FullName(member.ContainingType) + "."
            + Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(member.Name) switch
            {
                Microsoft.CodeAnalysis.CSharp.SyntaxKind.None => member.Name,
                _ => "@" + member.Name,
            };
        var result = new ConstantModel(pythonName, expression, model, literal, doc,
            SubmoduleParser.NameOf(member.ContainingType), display, LocationInfo.From(location))
        {
            ReaderName = "Constant_" + FunctionParser.Mangle(member.ContainingType) + "_" + member.Name,
        };
        return new ParseResult<ConstantModel>(result, ImmutableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>Why the member is no constant, or null: NDB0016's reason.</summary>
    private static string? Unfit(ISymbol member)
    {
        switch (member)
        {
            case IFieldSymbol { IsConst: true }:
            case IFieldSymbol { IsStatic: true, IsReadOnly: true }:
                return null;
            case IFieldSymbol { IsStatic: false }:
                return "it is an instance field; a module constant is a const or static readonly field";
            case IFieldSymbol:
                return "it is a static field that can change, and Python would only see the value it had at import; "
                    + "make it readonly (or const), or export [PyFunction]s that get and set it";
            case IPropertySymbol { IsStatic: false }:
                return "it is an instance property; a module constant is a static property (or a const or static "
                    + "readonly field)";
            case IPropertySymbol { SetMethod: not null }:
                return "it has a setter, and Python would only see the value it had at import; remove the setter, or "
                    + "export [PyFunction]s that get and set it";
            case IPropertySymbol { GetMethod: null }:
                return "it has no getter";
            case IPropertySymbol { IsIndexer: true }:
                return "it is an indexer";
            case IPropertySymbol:
                return null;
            default:
                return "a [PyConstant] is a const or static readonly field, or a static property without a setter";
        }
    }

    /// <summary>Kinds a module attribute can hold: values, not borrowed views or references with lifetimes.</summary>
    internal static bool Convertible(TypeModel t) => t.ToPython is not null && t.Kind is not (ValueKind.Void
        or ValueKind.Array or ValueKind.View or ValueKind.ViewMut or ValueKind.ArrayLikeView or ValueKind.Token
        or ValueKind.Borrowed or ValueKind.Callback or ValueKind.Reference);

    private static bool HasPythonLiteral(ITypeSymbol type) => type.SpecialType is SpecialType.System_Boolean
        or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
        or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64
        or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double
        or SpecialType.System_String;
}
