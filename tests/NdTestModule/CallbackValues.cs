using System;
using System.Collections.Generic;
using System.Linq;
using NdBindgen;

namespace NdTestModule;

/// <summary>
/// Callbacks whose arguments and results are any row of the conversion table (issue 17): containers, tuples,
/// enums, dates, decimals, bytes, None. Each function hands its arguments to the callback and returns what the
/// callback returned, so a test sees both directions.
/// </summary>
public static class CallbackValues
{
    /// <summary>f(xs): a list to Python, a dictionary back.</summary>
    [PyFunction]
    public static Dictionary<string, long> CbMapList(Func<List<double>, Dictionary<string, long>> f, List<double> xs) =>
        f(xs);

    /// <summary>f((x, y)): a tuple to an Action.</summary>
    [PyFunction]
    public static void CbPassPair(Action<(double, long)> f, double x, long y) => f((x, y));

    /// <summary>f(when): a datetime to Python, a Decimal back.</summary>
    [PyFunction]
    public static decimal CbDateToMoney(Func<DateTime, decimal> f, DateTime when) => f(when);

    /// <summary>f(c): an enum member both ways.</summary>
    [PyFunction]
    public static Color CbNextColor(Func<Color, Color> f, Color c) => f(c);

    /// <summary>f(x): None or a float to Python, None or an int back.</summary>
    [PyFunction]
    public static long? CbMaybe(Func<double?, long?> f, double? x) => f(x);

    /// <summary>f(data): bytes both ways.</summary>
    [PyFunction]
    public static byte[] CbBytes(Func<byte[], byte[]> f, byte[] data) => f(data);

    /// <summary>Calls f() n times: an Action without arguments (n a byte, which a fuzzer keeps small).</summary>
    [PyFunction]
    public static void CbRepeat(Action f, byte n)
    {
        for (int i = 0; i < n; i++) f();
    }

    /// <summary>f(a, b, c, d): four arguments of four rows to an Action.</summary>
    [PyFunction]
    public static void CbSpread(Action<long, string, double?, Permission> f, long a, string b, double? c,
        Permission d) => f(a, b, c, d);

    /// <summary>f(a, b, c, d): a Func of four arguments.</summary>
    [PyFunction]
    public static string CbJoin4(Func<long, long, long, long, string> f) => f(1, 2, 3, 4);

    /// <summary>The sum of the rows f() returns: a nested result.</summary>
    [PyFunction]
    public static double CbSumRows(Func<List<List<double>>> f) => f().Sum(row => row.Sum());

    /// <summary>The values f() returns, summed.</summary>
    [PyFunction]
    public static long CbSumCounts(Func<IReadOnlyDictionary<string, long>> f) => f().Values.Sum();

    /// <summary>The pair f() returns, as text.</summary>
    [PyFunction]
    public static string CbPairText(Func<(string, long)> f) => f().ToString();

    /// <summary>
    /// f(x) in a scope: any object both ways; the callback's argument is a new reference released after the call,
    /// its result a PyRef the open scope releases. Returns how many references the scope held.
    /// </summary>
    [PyFunction]
    public static int CbRelay(Python py, Func<PyRef, PyRef> f, PyRef x)
    {
        using (x)
        {
            using PyScope scope = py.Scope();
            f(x);
            return scope.Count;
        }
    }

    /// <summary>
    /// f(x, color) with a color the enum does not define: the second argument fails to convert after the first
    /// was made, and the first is released (x itself by the wrapper, as the method throws).
    /// </summary>
    [PyFunction]
    public static void CbHalfBuilt(Action<PyRef, Color> f, PyRef x) => f(x, (Color)99);

    /// <summary>f(items): instances of a [PyClass] in a list, an array of their names back.</summary>
    [PyFunction]
    public static string[] CbNames(Func<List<Animal>, string[]> f, List<Animal> items) => f(items);

    /// <summary>f(a) with a new array [0, 1, ..., n-1]: an NdArray to Python, a float back (n a byte too).</summary>
    [PyFunction]
    public static double CbArraySum(Func<NdArray<double>, double> f, byte n)
    {
        var a = NdArray<double>.Zeros(n);
        for (int i = 0; i < n; i++) a[i] = i;
        return f(a);
    }
}
