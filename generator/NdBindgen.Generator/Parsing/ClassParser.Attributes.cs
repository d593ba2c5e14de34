using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Attributes of the type rather than of an instance: a static [PyProperty] (read from C# on each access,
/// read-only in Python) and a [PyConstant] declared in the class (read once, when the type is made) — and the
/// class's opt-in instance dict.
/// </summary>
internal static partial class ClassParser
{
    /// <summary>A [PyConstant] or static [PyProperty] of the class, or null (with a diagnostic).</summary>
    private static ClassAttributeModel? ParseClassAttribute(ISymbol member, AttributeData attribute,
        INamedTypeSymbol type, PythonNames names, ImmutableArray<DiagnosticInfo>.Builder diagnostics,
        CancellationToken cancellationToken)
    {
        bool constant = KnownTypes.Is(attribute, KnownTypes.PyConstantAttribute);
        Location? location = member.Locations.FirstOrDefault();
        string display = type.Name + "." + member.Name;
        if (constant)
        {
            // The module constant's checks and model, as a class attribute.
            var result = ConstantParser.ParseValue(member, attribute, cancellationToken);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Model is not { } c) return null;
            names.Claim(c.PythonName, display, attribute.AttributeClass!.Name, method: false, location);
            return new ClassAttributeModel(c.PythonName, display, c.Expression, "ClassAttribute_" + member.Name,
                c.Type, Constant: true, c.PythonLiteral, c.Doc);
        }

        string pythonName = FunctionParser.ExplicitName(attribute) ?? PythonIdentifiers.ToSnakeCase(member.Name);
        names.Claim(pythonName, display, attribute.AttributeClass!.Name, method: false, location);
        string? why = StaticAttributeProblem(member) ?? (WantsDeleter(attribute)
            ? "[PyProperty(Deletable = true)] is for instance properties; a static [PyProperty] is a class attribute, "
                + "read-only in Python"
            : null);
        if (why is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidMember, location, display, why));
            return null;
        }
        ITypeSymbol valueType = member is IFieldSymbol f ? f.Type : ((IPropertySymbol)member).Type;
        TypeModel? model = ConversionTable.Resolve(valueType, isReturn: true, out _, out _);
        if (model is null || !ConstantParser.Convertible(model))
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidMember, location, display,
                $"its type '{valueType.ToDisplayString()}' cannot be converted to Python; a class attribute can be "
                + ConversionTable.SupportedConstants));
            return null;
        }
        if (PythonIdentifiers.WhyNotIdentifier(pythonName) is { } whyNot)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.InvalidPythonName, location, pythonName, whyNot));
            return null;
        }
        string expression = ConversionTable.FullName(type) + "." + Escaped(member.Name);
        return new ClassAttributeModel(pythonName, display, expression, "ClassAttribute_" + member.Name, model,
            Constant: false, null, Doc(member, cancellationToken));
    }

    /// <summary>
    /// Why a static member cannot be a class attribute: NDB0016's reason. Python sets an attribute of a class
    /// (<c>Point.count = 3</c>) in the class's own dict, asking only the metaclass, so a settable one would
    /// silently stop reading C#.
    /// </summary>
    private static string? StaticAttributeProblem(ISymbol member) => member switch
    {
        IPropertySymbol { IsIndexer: true } => "a static indexer is no attribute",
        IPropertySymbol p when !IsCallable(p.GetMethod) => "a static [PyProperty] is a class attribute Python reads, "
            + "and it has no public getter",
        IPropertySymbol p when IsCallable(p.SetMethod) => "it is static and has a public setter; a static "
            + "[PyProperty] is a class attribute, read-only in Python ('Point.count = 3' would replace the "
            + "attribute in the class's __dict__ without asking the class, as only a metaclass could), so make the "
            + "setter private, or export a static [PyMethod] that sets it",
        IFieldSymbol { IsConst: false, IsReadOnly: false } => "it is a static field Python could not set; a static "
            + "[PyProperty] is a class attribute, read-only in Python ('Point.count = 3' would replace the "
            + "attribute in the class's __dict__ without asking the class, as only a metaclass could), so make it "
            + "a property with a private setter, or readonly",
        IPropertySymbol or IFieldSymbol => null,
        _ => "[PyProperty] takes a property or field",
    };

    /// <summary>A C# member name as an identifier in generated code (@ before a keyword).</summary>
    private static string Escaped(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            ? name
            : "@" + name;

    /// <summary>[PyClass(Dict = true)].</summary>
    private static bool WantsDict(AttributeData? pyClass) =>
        pyClass?.NamedArguments.Any(n => n.Key == "Dict" && n.Value.Value is true) == true;

    /// <summary>[PyProperty(Deletable = true)].</summary>
    private static bool WantsDeleter(AttributeData attribute) =>
        attribute.NamedArguments.Any(n => n.Key == "Deletable" && n.Value.Value is true);
}
