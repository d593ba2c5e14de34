using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// A [PyClass] deriving from another: its Python base (tp_base), how Python constructs it (abstract and
/// constructor-less classes are not constructible from Python), and its part in a GC traversal that spans levels.
/// </summary>
internal static partial class ClassParser
{
    /// <summary>
    /// The nearest [PyClass] ancestor as the Python base (C# classes that are not [PyClass]es may sit between: Python
    /// does not see them); null for none, or with NDB0026 when the base's Python type cannot be had.
    /// </summary>
    private static ClassBaseModel? ParseBase(INamedTypeSymbol type, Location? location,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (PyClassAncestor(type) is not { } ancestor) return null;
        string? why = !SymbolEqualityComparer.Default.Equals(ancestor.ContainingAssembly, type.ContainingAssembly)
            ? $"of another assembly ('{ancestor.ContainingAssembly.Name}'), whose module owns its Python type; declare "
                + $"both in one project, or hold a '{ancestor.Name}' in a field and forward to it (composition)"
            : ShapeProblem(ancestor) is not null
                ? $"that is not generated (NDB0013 says why); fix '{ancestor.Name}' first"
            : null;
        if (why is not null)
        {
            // Nothing generated: the derived part would need the base's generated link to its Python object.
            diagnostics.Add(DiagnosticInfo.Create(D.PyClassInheritance, BaseListLocation(type) ?? location, type.Name,
                ancestor.Name, why));
            return null;
        }
        int depth = 0;
        for (INamedTypeSymbol? b = ancestor; b is not null; b = b.BaseType)
            if (ConversionTable.IsPyClass(b)) depth++;
        return new ClassBaseModel(FunctionParser.Mangle(ancestor) + "_PyType", ConversionTable.FullName(ancestor),
            ConversionTable.PythonClassName(ancestor), depth);
    }

    /// <summary>Abstract, or without a public or internal constructor: Python cannot make one (null: it can).</summary>
    private static Construction? NotConstructible(INamedTypeSymbol type) =>
        type.IsAbstract ? Construction.Abstract
        : type.InstanceConstructors.Any(c => (!c.IsImplicitlyDeclared || c.Parameters.Length == 0)
            && (c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
                || c.GetAttributes().Any(a => KnownTypes.Is(a, KnownTypes.PyConstructorAttribute))))
            ? null
        : Construction.None;

    /// <summary>
    /// An override of a member a [PyClass] ancestor exports: Python inherits the ancestor's entry, which calls the C#
    /// virtual (so this override runs), so the derived type does not export it again.
    /// </summary>
    private static bool OverridesExport(ISymbol member)
    {
        ISymbol? overridden = member switch
        {
            IMethodSymbol { IsOverride: true } m => m.OverriddenMethod,
            IPropertySymbol { IsOverride: true } p => p.OverriddenProperty,
            _ => null,
        };
        return overridden is not null && ConversionTable.IsPyClass(overridden.ContainingType)
            && overridden.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is
                KnownTypes.PyPropertyAttribute or KnownTypes.PyMethodAttribute or KnownTypes.PyClassMethodAttribute);
    }

    /// <summary>
    /// The class's GC part within its hierarchy: GC-enabled when any level is; the generated traversal a virtual root
    /// (a class that can be derived from) or an override calling its base's. A hand-written IPyTraverse at one level
    /// and generated traversal at another cannot be chained: NDB0033.
    /// </summary>
    private static GcModel InHierarchy(GcModel own, INamedTypeSymbol type,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var scratch = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        bool ancestorGenerates = false, ancestorEnabled = false;
        INamedTypeSymbol? handWritten = null, generated = null;
        for (INamedTypeSymbol? b = type.BaseType; b is not null; b = b.BaseType)
        {
            if (b.Interfaces.Any(IsTraverse)) handWritten ??= b;
            if (!ConversionTable.IsPyClass(b)) continue;
            GcModel level = ParseGc(b, scratch);
            ancestorEnabled |= level.Enabled;
            if (level.GeneratesTraverse)
            {
                ancestorGenerates = true;
                generated ??= b;
            }
        }
        bool selfHand = type.Interfaces.Any(IsTraverse);
        Location? location = type.Locations.FirstOrDefault();
        if (selfHand && generated is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(D.MixedTraversal, location, type.Name, generated.Name,
                "implements IPyTraverse by hand, while the generator traverses the PyRef members of "
                + $"'{generated.Name}'; "
                + $"a hand-written IPyTraverse here would replace that traversal, so let the generator traverse "
                + $"'{type.Name}' too (hold its references in PyRef fields, arrays or lists of them), or implement "
                + $"IPyTraverse by hand in '{generated.Name}' as well, with public virtual Traverse and Clear that "
                + $"'{type.Name}' overrides"));
        }
        else if (!selfHand && handWritten is not null && ConversionTable.IsPyClass(type)
            && TraverseMembers(type, scratch).Length > 0
            && !type.GetMembers("Traverse").Any(m => m.IsOverride))
        {
            diagnostics.Add(DiagnosticInfo.Create(D.MixedTraversal, location, type.Name, handWritten.Name,
                $"holds PyRef members, while '{handWritten.Name}' implements IPyTraverse by hand; the generated "
                + "traversal cannot call a hand-written one, so make Traverse and Clear of "
                + $"'{handWritten.Name}' public virtual methods and override them in '{type.Name}', reporting its "
                + "references and calling the base's"));
        }
        GcChain chain = !own.GeneratesTraverse ? GcChain.Own
            : ancestorGenerates ? GcChain.Override
            : type.IsSealed ? GcChain.Own
            : GcChain.VirtualRoot;
        return own with { Enabled = own.Enabled || ancestorEnabled, Chain = chain };
    }

    private static bool IsTraverse(INamedTypeSymbol i) => i.ToDisplayString() == KnownTypes.IPyTraverse;

    /// <summary>The nearest base class that is a [PyClass], or null.</summary>
    private static INamedTypeSymbol? PyClassAncestor(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? b = type.BaseType; b is not null; b = b.BaseType)
            if (ConversionTable.IsPyClass(b)) return b;
        return null;
    }

    /// <summary>The base class in the base list (where a base class comes first), where the user wrote it.</summary>
    private static Location? BaseListLocation(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax())
            .OfType<TypeDeclarationSyntax>()
            .Select(t => t.BaseList?.Types.FirstOrDefault())
            .FirstOrDefault(b => b is not null && LastName(b.Type) == type.BaseType?.Name)
            ?.GetLocation();

    private static string LastName(TypeSyntax t) => t switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => "",
    };
}
