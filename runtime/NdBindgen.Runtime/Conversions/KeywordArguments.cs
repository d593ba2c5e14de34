using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace NdBindgen.Conversions;

/// <summary>
/// A <c>[PyKwargs] IReadOnlyDictionary&lt;string, T&gt;</c> of a few keywords: names and values in one array, in
/// the caller's order, looked up one by one (Python has already refused a repeated keyword). One allocation, no
/// hashing: a call's keywords are few, and a method usually enumerates them or asks for one or two.
/// </summary>
internal sealed class KeywordArguments<T> : IReadOnlyDictionary<string, T>, IDictionary<string, T>
{
    /// <summary>Above this many keywords, a hashed Dictionary is the better trade.</summary>
    internal const int MaxCount = 8;

    internal static readonly KeywordArguments<T> Empty = new(0);

    private readonly KeyValuePair<string, T>[] _items;
    private int _count;

    internal KeywordArguments(int capacity) =>
        _items = capacity == 0 ? Array.Empty<KeyValuePair<string, T>>() : new KeyValuePair<string, T>[capacity];

    public int Count => _count;

    public T this[string key] => TryGetValue(key, out T? value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => new KeyItems(this);

    public IEnumerable<T> Values => new ValueItems(this);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
    {
        int i = IndexOf(key);
        value = i >= 0 ? _items[i].Value : default;
        return i >= 0;
    }

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(_items[i].Key, key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator()
    {
        for (int i = 0; i < _count; i++) yield return _items[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Filled once by VarArgs, in the caller's order; read-only from then on.</summary>
    internal void Append(string key, T value) => _items[_count++] = new(key, value);

    void IDictionary<string, T>.Add(string key, T value) => throw ReadOnly();

    T IDictionary<string, T>.this[string key]
    {
        get => this[key];
        set => throw ReadOnly();
    }

    ICollection<string> IDictionary<string, T>.Keys => [.. Keys];
    ICollection<T> IDictionary<string, T>.Values => [.. Values];
    bool ICollection<KeyValuePair<string, T>>.IsReadOnly => true;
    bool IDictionary<string, T>.Remove(string key) => throw ReadOnly();
    void ICollection<KeyValuePair<string, T>>.Add(KeyValuePair<string, T> item) => throw ReadOnly();
    void ICollection<KeyValuePair<string, T>>.Clear() => throw ReadOnly();
    bool ICollection<KeyValuePair<string, T>>.Contains(KeyValuePair<string, T> item) =>
        TryGetValue(item.Key, out T? value) && EqualityComparer<T>.Default.Equals(value, item.Value);
    void ICollection<KeyValuePair<string, T>>.CopyTo(KeyValuePair<string, T>[] array, int arrayIndex) =>
        Array.Copy(_items, 0, array, arrayIndex, _count);
    bool ICollection<KeyValuePair<string, T>>.Remove(KeyValuePair<string, T> item) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("**kwargs is read-only");

    /// <summary>
    /// Keys or Values: one object that is its own first enumerator (a foreach over <c>kwargs.Values</c> allocates
    /// it alone), without the thread check of a compiler-made iterator; later enumerations get one each.
    /// </summary>
    private abstract class Items<TItem>(KeywordArguments<T> owner) : IEnumerable<TItem>, IEnumerator<TItem>
    {
        private int _next = -1;   // -1: not enumerated yet; then the position after the current item

        protected KeywordArguments<T> Owner => owner;

        public TItem Current { get; private set; } = default!;

        object? IEnumerator.Current => Current;

        protected abstract Items<TItem> Fresh();

        protected abstract TItem At(int i);

        public IEnumerator<TItem> GetEnumerator()
        {
            if (_next != -1) return Fresh().GetEnumerator();
            _next = 0;
            return this;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public bool MoveNext()
        {
            if (_next < 0 || _next >= owner._count) return false;
            Current = At(_next++);
            return true;
        }

        public void Reset() => _next = 0;

        public void Dispose() { }
    }

    private sealed class KeyItems(KeywordArguments<T> owner) : Items<string>(owner)
    {
        protected override Items<string> Fresh() => new KeyItems(Owner);

        protected override string At(int i) => Owner._items[i].Key;
    }

    private sealed class ValueItems(KeywordArguments<T> owner) : Items<T>(owner)
    {
        protected override Items<T> Fresh() => new ValueItems(Owner);

        protected override T At(int i) => Owner._items[i].Value;
    }
}
