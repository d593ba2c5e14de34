using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;
using NdBindgen.Generator.Naming;
using D = NdBindgen.Generator.Diagnostics.DiagnosticDescriptors;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Containers, iterators, callables and context managers: indexers of every key kind, __delitem__,
/// __contains__, __len__ and __next__ written as dunder methods, and a generated <c>with</c> for IDisposable.
/// </summary>
internal static partial class ClassParser
{
    private const string PySliceType = "NdBindgen.PySlice";
    private const string RangeType = "System.Range";
    private const string IDisposableType = "System.IDisposable";

    /// <summary>The interfaces whose Contains(T) is __contains__ (ICollection&lt;T&gt; and the sets').</summary>
    private static readonly string[] s_containsInterfaces =
    {
        "System.Collections.Generic.ICollection<T>", "System.Collections.Generic.ISet<T>",
        "System.Collections.Generic.IReadOnlySet<T>",
    };

    private static ContainersModel ParseContainers(INamedTypeSymbol type, Dictionary<string, IMethodSymbol> dunders,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        MemberCallModel? Dunder(string name, bool parameter) =>
            dunders.TryGetValue(name, out IMethodSymbol? m) ? DunderCall(m, parameter) : null;

        return new ContainersModel(
            Indexers(type),
            dunders.ContainsKey("__len__"),
            Dunder("__delitem__", parameter: true),
            Dunder("__contains__", parameter: true) ?? CollectionContains(type),
            Dunder("__next__", parameter: false),
            Disposable(type, dunders, diagnostics));
    }

    /// <summary>A dunder method's call: its one parameter's type (or its result's, for __next__).</summary>
    private static MemberCallModel? DunderCall(IMethodSymbol m, bool parameter)
    {
        if (!parameter)
        {
            TypeModel? result = ConversionTable.Resolve(m.ReturnType, isReturn: true, out _, out _);
            return result is null ? null : new MemberCallModel(m.Name, result);
        }
        var (kind, key) = Key(m.Parameters[0].Type);
        return key is null ? null : new MemberCallModel(m.Name, key, kind);
    }

    /// <summary>Every indexer of one parameter with a getter: slice kinds first, then in declaration order.</summary>
    private static EquatableArray<IndexerModel> Indexers(INamedTypeSymbol type)
    {
        var result = new List<IndexerModel>();
        foreach (IPropertySymbol p in type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.IsIndexer && p.Parameters.Length == 1 && IsCallable(p.GetMethod)))
        {
            var (kind, key) = Key(p.Parameters[0].Type);
            bool settable = IsCallable(p.SetMethod);
            TypeModel? value = ConversionTable.Resolve(p.Type, isReturn: !settable, out _, out _);
            if (key is null || value is null || value.Kind == ValueKind.Void) continue;
            // One indexer per kind of key Python can tell apart: the first of two int ones serves.
            if (kind != IndexKey.Key && result.Any(r => r.Kind == kind || IsSliceKind(r.Kind) && IsSliceKind(kind)))
                continue;
            result.Add(new IndexerModel(key, value, settable) { Kind = kind });
        }
        return result.OrderBy(i => IsSliceKind(i.Kind) ? 0 : 1).ToImmutableArray();
    }

    private static bool IsSliceKind(IndexKey kind) => kind is IndexKey.Slice or IndexKey.Range;

    /// <summary>
    /// A key's kind and conversion: int/long indices, PySlice, Range, or any type the conversion table converts
    /// from Python with a non-raising test and no reference or buffer held for the call.
    /// </summary>
    private static (IndexKey, TypeModel?) Key(ITypeSymbol type)
    {
        string full = type.ToDisplayString();
        if (full == PySliceType)
            return (IndexKey.Slice, new TypeModel(ValueKind.Scalar, "global::" + PySliceType, "slice"));
        if (full == RangeType)
            return (IndexKey.Range, new TypeModel(ValueKind.Scalar, "global::" + RangeType, "slice"));
        TypeModel? key = ConversionTable.Resolve(type, isReturn: false, out _, out _);
        if (key is null || key.FromPython is null || key.MatchPython is null || key.OwnsReference || key.HoldsLease
            || key.Kind is ValueKind.Token or ValueKind.Borrowed)
            return (IndexKey.Key, null);
        bool index = type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;
        return (index ? IndexKey.Index : IndexKey.Key, key);
    }

    /// <summary>
    /// Contains(T) of ICollection&lt;T&gt;, ISet&lt;T&gt; or IReadOnlySet&lt;T&gt;: a collection already says what it
    /// contains, faster than __iter__ would find it. Called through the interface (it may be explicit).
    /// </summary>
    private static MemberCallModel? CollectionContains(INamedTypeSymbol type)
    {
        INamedTypeSymbol? collection = type.AllInterfaces.FirstOrDefault(i =>
            s_containsInterfaces.Contains(i.OriginalDefinition.ToDisplayString()));
        if (collection is null) return null;
        var (_, item) = Key(collection.TypeArguments[0]);
        return item is null
            ? null
            : new MemberCallModel("Contains", item, IndexKey.Key, ConversionTable.FullName(collection));
    }

    /// <summary>
    /// [PyClass(ContextManager = true)]: an IDisposable usable in <c>with</c>; NDB0039 when it is not
    /// IDisposable or writes __enter__/__exit__ itself.
    /// </summary>
    private static bool Disposable(INamedTypeSymbol type, Dictionary<string, IMethodSymbol> dunders,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        AttributeData? pyClass = type.GetAttributes()
            .FirstOrDefault(a => KnownTypes.Is(a, KnownTypes.PyClassAttribute));
        bool wanted = pyClass?.NamedArguments.Any(n => n.Key == "ContextManager" && n.Value.Value is true) == true;
        if (!wanted) return false;
        string? problem = !type.AllInterfaces.Any(i => i.ToDisplayString() == IDisposableType)
            ? "it does not implement IDisposable, whose Dispose() __exit__ would call; implement IDisposable, or write "
                + "[PyMethod(\"__enter__\")] and [PyMethod(\"__exit__\")] instead of ContextManager = true"
            : dunders.ContainsKey("__enter__") || dunders.ContainsKey("__exit__")
                ? "it also has a [PyMethod(\"__enter__\")] or [PyMethod(\"__exit__\")]; keep either those or "
                    + "ContextManager = true"
                : null;
        if (problem is null) return true;
        diagnostics.Add(DiagnosticInfo.Create(D.InvalidContextManager, type.Locations.FirstOrDefault(), type.Name,
            problem));
        return false;
    }

    /// <summary>Whether a container row is in use (the rest of <see cref="ParseProtocols"/>'s table walk).</summary>
    private static bool ContainerRowInUse(SlotDef row, ContainersModel m) => row.Shape switch
    {
        SlotShape.Subscript => m.Indexers.Length > 0,
        SlotShape.AssignSubscript => m.Indexers.Any(i => i.Settable),
        SlotShape.DeleteItem => m.Delete is not null,
        SlotShape.Contains => m.Contains is not null,
        SlotShape.Next => m.Next is not null,
        SlotShape.Disposable => m.Disposable,
        _ => false,
    };

    /// <summary>What is wrong with a method serving a container row (the rest of DunderMethodProblem).</summary>
    private static string? ContainerMethodProblem(SlotDef row, IMethodSymbol method)
    {
        int parameters = row.Shape is SlotShape.DeleteItem or SlotShape.Contains ? 1 : 0;
        if (row.Shape == SlotShape.Call) return null;
        if (row.Shape is not (SlotShape.Length or SlotShape.DeleteItem or SlotShape.Contains or SlotShape.Next))
            return "no method can serve it yet";
        if (method.Parameters.Length != parameters)
            return parameters == 0 ? "it has parameters" : $"it has {method.Parameters.Length} parameters";
        if (parameters == 1 && Key(method.Parameters[0].Type).Item2 is null)
            return $"its parameter's type '{method.Parameters[0].Type.ToDisplayString()}' cannot be a key (a key "
                + "converts from Python without holding a reference or buffer: numbers, str, enums, tuples, [PyClass] "
                + "instances, "
                + "PySlice)";
        return row.Shape switch
        {
            SlotShape.Length
                when method.ReturnType.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64)
                => $"it returns {method.ReturnType.ToDisplayString()}",
            SlotShape.Contains when method.ReturnType.SpecialType != SpecialType.System_Boolean
                => $"it returns {method.ReturnType.ToDisplayString()}",
            SlotShape.DeleteItem when !method.ReturnsVoid => $"it returns {method.ReturnType.ToDisplayString()}",
            SlotShape.Next when method.ReturnsVoid => "it returns void",
            SlotShape.Next when ConversionTable.Resolve(method.ReturnType, isReturn: true, out _, out _) is null
                => $"its result's type '{method.ReturnType.ToDisplayString()}' cannot be converted to Python",
            _ => null,
        };
    }
}
