namespace NdBindgen.Generator.Model;

/// <summary>What an indexer's key is, which decides how a Python key reaches it.</summary>
internal enum IndexKey
{
    /// <summary>int or long: negative indices count from the end when the class has a length.</summary>
    Index,
    /// <summary>NdBindgen.PySlice: any slice, step included.</summary>
    Slice,
    /// <summary>System.Range: slices of step 1.</summary>
    Range,
    /// <summary>Any other key type of the conversion table (a mapping's): a missing key is KeyError(key).</summary>
    Key,
}

/// <summary>
/// The container, iterator, callable and context-manager facts of a class (the rows of
/// <see cref="SlotTable"/> from __getitem__ to __call__ read them).
/// </summary>
/// <param name="Indexers">Every exported indexer, in the order keys are tried: slices, then by declaration.</param>
/// <param name="LengthIsMethod">__len__ is a [PyMethod("__len__")] (else the Count or Length property).</param>
/// <param name="Delete">[PyMethod("__delitem__")]: its method and key.</param>
/// <param name="Contains">Contains(T) of ICollection&lt;T&gt;/ISet&lt;T&gt;/IReadOnlySet&lt;T&gt;, or
/// [PyMethod("__contains__")].</param>
/// <param name="Next">[PyMethod("__next__")]: its method and item.</param>
/// <param name="Disposable">[PyClass(ContextManager = true)] on an IDisposable: a generated __enter__/__exit__.</param>
internal sealed record ContainersModel(
    EquatableArray<IndexerModel> Indexers,
    bool LengthIsMethod,
    MemberCallModel? Delete,
    MemberCallModel? Contains,
    MemberCallModel? Next,
    bool Disposable)
{
    public static readonly ContainersModel None = new(default, false, null, null, null, false);
}

/// <summary>A C# method a slot calls with one converted value (or returning one): its name and that type.</summary>
/// <param name="Via">The interface the call goes through (it may be implemented explicitly), or null.</param>
internal sealed record MemberCallModel(string Method, TypeModel Type, IndexKey Key = IndexKey.Key, string? Via = null);
