using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// A [PyClass]'s part in Python's cyclic GC: the PyRef members tp_traverse reports and tp_clear drops.
/// </summary>
internal static partial class ClassParser
{
    /// <summary>Generated IPyTraverse over the PyRef members, unless the class writes its own.</summary>
    private static GcModel ParseGc(INamedTypeSymbol type, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        bool userTraverse = type.AllInterfaces.Any(i => i.ToDisplayString() == KnownTypes.IPyTraverse);
        var traverse = userTraverse ? ImmutableArray<TraverseMember>.Empty : TraverseMembers(type, diagnostics);
        return new GcModel(!userTraverse && traverse.Length > 0, userTraverse || traverse.Length > 0, traverse);
    }

    /// <summary>
    /// Fields (and auto-property backing fields) holding PyRefs, or arrays/lists of them; anything else holding one is
    /// a diagnostic.
    /// </summary>
    private static ImmutableArray<TraverseMember> TraverseMembers(INamedTypeSymbol type,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var members = ImmutableArray.CreateBuilder<TraverseMember>();
        foreach (IFieldSymbol field in type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
        {
            string name = field.AssociatedSymbol is IPropertySymbol p ? p.Name : field.Name;
            ITypeSymbol t = field.Type;
            if (IsReference(t)) members.Add(new TraverseMember(name, false));
            else if (SequenceElement(t) is { } element && IsReference(element))
                members.Add(new TraverseMember(name, true));
            else if (Mentions(t, 0))
            {
                Location? location = (field.AssociatedSymbol ?? field).Locations.FirstOrDefault();
                diagnostics.Add(DiagnosticInfo.Create(D.UntraversableReferences, location, name, type.Name,
                    t.ToDisplayString()));
            }
        }
        return members.ToImmutable();
    }

    private static bool IsReference(ITypeSymbol t) => KnownTypes.IsNdBindgen(t, KnownTypes.PyRefName);

    private static ITypeSymbol? SequenceElement(ITypeSymbol t) => t switch
    {
        IArrayTypeSymbol { Rank: 1 } a => a.ElementType,
        INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } g
            when KnownTypes.TraversableSequences.Contains(g.OriginalDefinition.ToDisplayString()) => g.TypeArguments[0],
        _ => null,
    };

    /// <summary>
    /// Whether a type mentions PyRef anywhere in its type arguments or element types (a shape we cannot walk).
    /// </summary>
    private static bool Mentions(ITypeSymbol t, int depth) => depth < 5 && (IsReference(t) || t switch
    {
        IArrayTypeSymbol a => Mentions(a.ElementType, depth + 1),
        INamedTypeSymbol n => n.TypeArguments.Any(x => Mentions(x, depth + 1)),
        _ => false,
    });
}
