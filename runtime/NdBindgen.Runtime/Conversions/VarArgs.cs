using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;
using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <c>*args</c> (<c>params T[]</c>, <c>ReadOnlySpan&lt;T&gt;</c>, <c>List&lt;T&gt;</c> and the list interfaces) and
/// <c>**kwargs</c> (a <c>[PyKwargs]</c> dictionary): what <see cref="PySignature.BindExtra"/> left over, converted
/// element by element with T's own row (<c>from</c>, a FromPython of the conversion table, or for T? its
/// element converter's, None -> null), so an element's error names its place:
/// "f() argument 'args'[2] must be float, not str", "f() argument 'scale' must be float, not str". A failed
/// element releases what the elements before it hold.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class VarArgs
{
    /// <summary>*args as a new array (an empty call: the shared empty array).</summary>
    public static T[] ToArray<T>(in PyExtraArgs extra, PySignature sig, delegate*<PyObject*, PySignature, int, T> from)
    {
        nint n = extra.PositionalCount;
        if (n == 0) return Array.Empty<T>();
        var result = new T[n];
        Fill(extra.Positional, result, sig, from);
        return result;
    }

    /// <summary>*args as a new List (params List&lt;T&gt;, IList&lt;T&gt;, ICollection&lt;T&gt;).</summary>
    public static List<T> ToList<T>(in PyExtraArgs extra, PySignature sig, delegate*<PyObject*, PySignature, int, T> from)
    {
        var result = new List<T>((int)extra.PositionalCount);
        CollectionsMarshal.SetCount(result, (int)extra.PositionalCount);
        Fill(extra.Positional, CollectionsMarshal.AsSpan(result), sig, from);
        return result;
    }

    /// <summary>
    /// *args as a span over <paramref name="buffer"/> (the wrapper's stack) when it is long enough, else over a new
    /// array: a call of a few arguments allocates nothing.
    /// </summary>
    public static ReadOnlySpan<T> ToSpan<T>(in PyExtraArgs extra, PySignature sig,
        delegate*<PyObject*, PySignature, int, T> from, Span<T> buffer)
    {
        nint n = extra.PositionalCount;
        Span<T> result = n <= buffer.Length ? buffer.Slice(0, (int)n) : new T[n];
        Fill(extra.Positional, result, sig, from);
        return result;
    }

    private static void Fill<T>(PyObject** args, Span<T> result, PySignature sig,
        delegate*<PyObject*, PySignature, int, T> from)
    {
        int i = 0;
        try
        {
            for (; i < result.Length; i++) result[i] = from(args[i], sig, PySignature.VarArgIndex(i));
        }
        catch
        {
            for (int j = 0; j < i; j++) (result[j] as PyRef)?.Dispose();
            throw;
        }
    }

    /// <summary>**kwargs: the keywords no named parameter took, each value converted by T's row.</summary>
    public static Dictionary<string, T> ToDictionary<T>(in PyExtraArgs extra, PySignature sig,
        delegate*<PyObject*, PySignature, int, T> from)
    {
        var result = new Dictionary<string, T>(extra.KeywordCount);
        Fill(extra, sig, from, result, null);
        return result;
    }

    /// <summary>
    /// **kwargs as an <c>IReadOnlyDictionary</c>: a few keywords (the usual call) in one small array searched in
    /// order, which costs a fraction of a hashed dictionary to build (no keyword: a shared empty one); more, a
    /// <see cref="Dictionary{TKey, TValue}"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, T> ToReadOnlyDictionary<T>(in PyExtraArgs extra, PySignature sig,
        delegate*<PyObject*, PySignature, int, T> from)
    {
        if (extra.KeywordCount == 0) return KeywordArguments<T>.Empty;
        if (extra.KeywordCount > KeywordArguments<T>.MaxCount) return ToDictionary(extra, sig, from);
        var result = new KeywordArguments<T>(extra.KeywordCount);
        Fill(extra, sig, from, null, result);
        return result;
    }

    /// <summary>Into <paramref name="dictionary"/> or else <paramref name="few"/>: direct calls, no interface.</summary>
    private static void Fill<T>(in PyExtraArgs extra, PySignature sig, delegate*<PyObject*, PySignature, int, T> from,
        Dictionary<string, T>? dictionary, KeywordArguments<T>? few)
    {
        if (extra.KeywordCount == 0) return;
        try
        {
            if (extra.KeywordNames != null)
            {
                nint nkw = PyTuple_GET_SIZE(extra.KeywordNames);
                bool named = sig.TakesKeywords;   // else every keyword is **kwargs's
                for (nint k = 0; k < nkw; k++)
                {
                    PyObject* key = PyTuple_GET_ITEM(extra.KeywordNames, k);
                    if (named && sig.TakesKeyword(key)) continue;
                    PySignature place = sig.ExtraKeyword(key, out string name, out int index);
                    T value = from(extra.KeywordValues[k], place, index);
                    if (few is not null) few.Append(name, value);
                    else dictionary!.Add(name, value);
                }
            }
            else
            {
                nint pos = 0;
                PyObject* key, value;
                while (PyDict_Next(extra.KeywordDict, &pos, &key, &value) != 0)
                {
                    if (sig.TakesKeyword(key)) continue;
                    // Held while converting: a value's __float__ may change the dict it came from.
                    Py_INCREF(key);
                    Py_INCREF(value);
                    try
                    {
                        PySignature place = sig.ExtraKeyword(key, out string name, out int index);
                        T converted = from(value, place, index);
                        if (few is not null) few.Append(name, converted);
                        else dictionary!.Add(name, converted);
                    }
                    finally
                    {
                        Py_DECREF(value);
                        Py_DECREF(key);
                    }
                }
            }
        }
        catch
        {
            IEnumerable<T> converted = few is not null ? few.Values : dictionary!.Values;
            foreach (T value in converted) (value as PyRef)?.Dispose();
            throw;
        }
    }

    /// <summary>Releases the references of a <c>params PyRef[]</c> the method did not keep (the wrapper's work).</summary>
    public static void Release(ReadOnlySpan<PyRef> parameter)
    {
        foreach (PyRef r in parameter) r?.Dispose();
    }

    /// <summary>Releases the references of a <c>params List&lt;PyRef&gt;</c> (or an interface) the method did not keep.</summary>
    public static void ReleaseEach(IEnumerable<PyRef>? parameter)
    {
        if (parameter is null) return;
        foreach (PyRef r in parameter) r?.Dispose();
    }

    /// <summary>Releases the values of a <c>[PyKwargs]</c> dictionary of PyRef the method did not keep.</summary>
    public static void Release(IEnumerable<KeyValuePair<string, PyRef>>? parameter)
    {
        if (parameter is null) return;
        foreach (var pair in parameter) pair.Value?.Dispose();
    }
}
