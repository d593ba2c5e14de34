using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// The protocols of a [PyClass], row by row of <see cref="SlotTable"/>, from C# itself or a dunder method.
/// </summary>
internal static partial class ClassParser
{
    /// <summary>
    /// The protocols the class offers, row by row of <see cref="SlotTable"/>: from C# itself
    /// (overrides, operators, IEquatable/IComparable, the indexer, Count, IEnumerable) or a dunder method.
    /// </summary>
    private static ProtocolsModel ParseProtocols(INamedTypeSymbol type, Dictionary<string, IMethodSymbol> dunderMethods,
        List<(string Dunder, IMethodSymbol Method)> numberMethods, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        ComparisonModel? comparison = Comparison(type);
        bool equality = comparison is { Equality: not EqualitySource.None };
        bool overridesHash = Overrides(type, "GetHashCode", 0);
        var operators = Operators(type, numberMethods);
        ContainersModel containers = ParseContainers(type, dunderMethods, diagnostics);
        IndexerModel? indexer = containers.Indexers.FirstOrDefault();
        string? length = dunderMethods.TryGetValue("__len__", out IMethodSymbol? len) ? len.Name : type.GetMembers()
            .OfType<IPropertySymbol>()
            .FirstOrDefault(p => p.Name is "Count" or "Length" && !p.IsStatic && p.GetMethod is not null
                && p.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
                && p.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)?.Name;
        TypeModel? iterItem = IterItem(type);

        var used = ImmutableArray.CreateBuilder<ProtocolModel>();
        foreach (SlotDef row in SlotTable.Rows)
        {
            string? member = row.Shape switch
            {
                SlotShape.StringFunc => dunderMethods.TryGetValue(row.Dunder, out IMethodSymbol? m) ? m.Name
                    : row.Override is { } o && Overrides(type, o, 0) ? o
                    : null,
                SlotShape.Length => length,
                _ => null,
            };
            bool inUse = row.Shape switch
            {
                SlotShape.StringFunc or SlotShape.Length => member is not null,
                SlotShape.Equality => equality,
                SlotShape.Ordering => comparison is { Comparable: true } or { OrderingOperators: true },
                SlotShape.Hash => equality && overridesHash,
                SlotShape.NoHash => equality && !overridesHash,
                _ when SlotTable.IsNumber(row.Shape) => operators.Any(o => o.Dunder == row.Dunder),
                SlotShape.Iter => iterItem is not null || containers.Next is not null,
                SlotShape.Call => dunderMethods.ContainsKey(row.Dunder),
                _ => ContainerRowInUse(row, containers),
            };
            if (inUse) used.Add(new ProtocolModel(row.Dunder, member));
        }
        return new ProtocolsModel(used.ToImmutable(), comparison, operators, indexer, iterItem, containers);
    }

    private static bool Overrides(INamedTypeSymbol type, string method, int parameters) =>
        type.GetMembers(method).OfType<IMethodSymbol>().Any(m => m.IsOverride && m.Parameters.Length == parameters);

    /// <summary>
    /// == from operator ==, IEquatable&lt;T&gt; or Equals(object); ordering from IComparable&lt;T&gt; or the operators.
    /// </summary>
    private static ComparisonModel? Comparison(INamedTypeSymbol type)
    {
        bool Implements(string name) => type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == name
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));
        bool HasOperator(string name) => type.GetMembers(name).OfType<IMethodSymbol>().Any(m =>
            m.MethodKind == MethodKind.UserDefinedOperator && m.Parameters.Length == 2
            && m.Parameters.All(p => SymbolEqualityComparer.Default.Equals(
                p.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated), type)));

        EqualitySource equality = HasOperator("op_Equality") ? EqualitySource.Operator
            : Implements(KnownTypes.IEquatable) ? EqualitySource.IEquatable
            : Overrides(type, "Equals", 1) ? EqualitySource.EqualsObject
            : EqualitySource.None;
        bool comparable = Implements(KnownTypes.IComparable);
        bool ordering = HasOperator("op_LessThan") && HasOperator("op_GreaterThan")
            && HasOperator("op_LessThanOrEqual") && HasOperator("op_GreaterThanOrEqual");
        return equality == EqualitySource.None && !comparable && !ordering
            ? null
            : new ComparisonModel(equality, comparable, ordering);
    }

    private static TypeModel? IterItem(INamedTypeSymbol type)
    {
        INamedTypeSymbol? enumerable = type.AllInterfaces.FirstOrDefault(i =>
            i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
        return enumerable is null
            ? null : ConversionTable.Resolve(enumerable.TypeArguments[0], isReturn: true, out _, out _);
    }
}
