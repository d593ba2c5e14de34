using System;
using System.Threading;
using NdBindgen;

namespace NdTestModule;

/// <summary>
/// Who owns what a call makes: arrays it does not return are released when it returns (thrown or
/// not); Keep() takes one beyond the call; PyRefs the method made are handed to Python as they are.
/// </summary>
public static class ArraysOwnership
{
    private static NdArray<double>? s_kept;
    private static NdArray<double>? s_notKept;
    private static PyRef? s_cached;

    // Sizes the fuzz harness draws from a broad int: bounded, so a call cannot exhaust memory.
    private static nint Size(long n) =>
        n is >= 0 and <= 2_000_000 ? (nint)n : throw new ArgumentOutOfRangeException(nameof(n), n, "0 to 2,000,000 elements");

    /// <summary>Makes <paramref name="count"/> arrays of <paramref name="n"/> float64 and returns none of them: the sum of their first elements.</summary>
    [PyFunction]
    public static double Temporaries(long count, long n)
    {
        if (count is < 0 or > 1000) throw new ArgumentOutOfRangeException(nameof(count), count, "0 to 1000 arrays");
        double sum = 0;
        for (long k = 0; k < count; k++)
        {
            NdArray<double> t = NdArray<double>.Full(1.0, Size(n));
            sum += t.Length > 0 ? t[0] : 0;
        }
        return sum;
    }

    /// <summary>Makes an array of <paramref name="n"/> float64, then throws ValueError.</summary>
    [PyFunction]
    public static void TemporaryThenThrow(long n)
    {
        NdArray<double> t = NdArray<double>.Full(2.0, Size(n));
        throw new ArgumentException($"thrown with a temporary of {t.Length} elements");
    }

    /// <summary>Makes two arrays, disposes the first, returns the second.</summary>
    [PyFunction]
    public static NdArray<double> DisposeOneReturnOther(long n)
    {
        using (var first = NdArray<double>.Full(3.0, Size(n))) { }
        return NdArray<double>.Full(4.0, Size(n));
    }

    /// <summary>Keeps an array of <paramref name="n"/> elements filled with <paramref name="value"/> for a later call.</summary>
    [PyFunction]
    public static void KeepArray(long n, double value)
    {
        s_kept?.Dispose();
        s_kept = NdArray<double>.Full(value, Size(n)).Keep();
    }

    /// <summary>The sum of the kept array's elements (it outlived the call that made it).</summary>
    [PyFunction]
    public static double SumKept()
    {
        double sum = 0;
        foreach (double x in (s_kept ?? throw new InvalidOperationException("no array kept")).AsView()) sum += x;
        return sum;
    }

    /// <summary>Returns the kept array to Python (handed over: it is empty in C# afterwards).</summary>
    [PyFunction]
    public static NdArray<double> ReturnKept()
    {
        NdArray<double> kept = s_kept ?? throw new InvalidOperationException("no array kept");
        s_kept = null;
        return kept;
    }

    /// <summary>Stores an array in a field without Keep(): it is released when this call returns.</summary>
    [PyFunction]
    public static void StoreWithoutKeep(long n)
    {
        s_notKept = NdArray<double>.Full(1.0, Math.Max(1, Size(n)));
    }

    /// <summary>Uses the array StoreWithoutKeep stored: an ObjectDisposedException (RuntimeError) naming Keep().</summary>
    [PyFunction]
    public static double UseNotKept() => (s_notKept ?? throw new InvalidOperationException("nothing stored")).AsSpan()[0];

    /// <summary>Makes an array on this thread, then runs Python code (which may switch threads), then returns the array's sum.</summary>
    [PyFunction]
    public static double ArrayAcrossPython(Python py, PyRef callback, long n)
    {
        NdArray<double> t = NdArray<double>.Full(1.0, Size(n));
        callback.Call(py).Dispose();
        double sum = 0;
        foreach (double x in t.AsSpan()) sum += x;
        return sum;
    }

    /// <summary>Makes an array with the GIL released (in .NET memory), returns it.</summary>
    [PyFunction]
    public static NdArray<double> MadeWithoutGil(Python py, long n)
    {
        NdArray<double>? made = null;
        nint size = Size(n);
        py.AllowThreads(size, k => made = NdArray<double>.Full(5.0, k));
        return made!;
    }

    /// <summary>Makes <paramref name="count"/> object arrays holding <paramref name="item"/> and returns none: their references go when the call returns.</summary>
    [PyFunction]
    public static long ObjectTemporaries(Python py, PyBorrowed item, long count)
    {
        if (count is < 0 or > 1000) throw new ArgumentOutOfRangeException(nameof(count), count, "0 to 1000 arrays");
        long filled = 0;
        for (long k = 0; k < count; k++)
        {
            NdObjectArray t = NdObjectArray.Create(py, 3);
            t.AsViewMut().Fill(item);
            filled += t.Length;
        }
        return filled;
    }

    // ---- PyRef results: handed over when the method made them ----

    /// <summary>A new list from eval: handed over (sys.getrefcount as a C extension's result).</summary>
    [PyFunction]
    public static PyRef NewList(Python py) => py.Eval("[1, 2, 3]");

    /// <summary>callback() called from C#: its result handed over.</summary>
    [PyFunction]
    public static PyRef CallIt(Python py, PyRef callback) => callback.Call(py);

    /// <summary>A local built from a runtime call and returned: handed over.</summary>
    [PyFunction]
    public static PyRef NewDictWithItem(Python py, string key, double value)
    {
        PyRef d = py.NewDict();
        d.CallMethod(py, "__setitem__", py.From(key), py.From(value)).Dispose();
        return d;
    }

    /// <summary>The argument itself: the wrapper's reference is handed back.</summary>
    [PyFunction]
    public static PyRef Identity(PyRef x) => x;

    /// <summary>A field, cached on the first call: returned with a reference of its own (not handed over), every call.</summary>
    [PyFunction]
    public static PyRef Cached(Python py)
    {
        s_cached ??= py.Eval("[4, 5, 6]");
        return s_cached;
    }

    /// <summary>A cached local: stored in a field as well, so it is not handed over.</summary>
    [PyFunction]
    public static PyRef CachedThroughLocal(Python py)
    {
        PyRef fresh = py.Eval("{'k': 1}");
        s_cached = fresh;
        return fresh;
    }

    /// <summary>How many references this module's PyRefs wait to release (finalized ones).</summary>
    [PyFunction]
    public static int PendingReleases() => PyRef.PendingReleases;

    /// <summary>Runs a full .NET collection and its finalizers.</summary>
    [PyFunction]
    public static void CollectDotNet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
