using System.Globalization;
using NdBindgen;

namespace NdTestModule;

/// <summary>
/// Entry points for tests/python/test_hostile_views.py: every kind of array parameter beside a
/// scalar whose conversion runs Python code (<c>__float__</c>, <c>__index__</c>), before and after
/// the array, and views kept across callbacks. Each reports what its view saw, so a test can tell
/// a correct result from memory read past an array's end.
/// </summary>
public static class HostileViews
{
    /// <summary>arr[i] of a 1-d array whose index is converted before the array.</summary>
    [PyFunction]
    public static double GetFirst(long i, NdView<double> arr) => arr[(nint)i];

    /// <summary>arr[i] = value, both converted before the array.</summary>
    [PyFunction]
    public static void SetFirst(long i, double value, NdViewMut<double> arr) => arr[(nint)i] = value;

    /// <summary>values[i] of an array-like, the index converted after it.</summary>
    [PyFunction]
    public static double GetLike([ArrayLike] NdView<double> values, long i) => values[(nint)i];

    /// <summary>"shape=(4,) strides=(8,)" of the view, after <paramref name="value"/> was converted.</summary>
    [PyFunction]
    public static string ShapeAfter(NdView<double> arr, double value) => Describe(arr.Shape, arr.Strides);

    /// <summary>As <see cref="ShapeAfter"/>, for an array-like.</summary>
    [PyFunction]
    public static string ShapeAfterLike([ArrayLike] NdView<double> values, double value) => Describe(values.Shape, values.Strides);

    /// <summary>The sum of arr[k] * f(k) over the view's elements, f called between reads.</summary>
    [PyFunction]
    public static double WeightedSum(NdView<double> arr, Func<long, double> f)
    {
        double total = 0;
        for (nint k = 0; k < arr.Length; k++) total += arr[k] * f(k);
        return total;
    }

    /// <summary>Every element row by row, calling f(row number) before each row; returns the elements seen.</summary>
    [PyFunction]
    public static string RowsAcrossCallback(NdView<double> arr, Action<long> f)
    {
        var seen = new System.Text.StringBuilder();
        long r = 0;
        foreach (NdRow<double> row in arr.Rows)
        {
            f(r++);
            foreach (double x in row) seen.Append(x.ToString(CultureInfo.InvariantCulture)).Append(' ');
        }
        return seen.ToString().TrimEnd();
    }

    internal static string Describe(ReadOnlySpan<nint> shape, ReadOnlySpan<nint> strides)
    {
        static string Tuple(ReadOnlySpan<nint> xs)
        {
            var parts = new string[xs.Length];
            for (int d = 0; d < xs.Length; d++) parts[d] = xs[d].ToString(CultureInfo.InvariantCulture);
            return "(" + string.Join(", ", parts) + (xs.Length == 1 ? ",)" : ")");
        }
        return $"shape={Tuple(shape)} strides={Tuple(strides)}";
    }
}

/// <summary>Methods of a class taking views beside hostile scalars.</summary>
[PyClass]
public sealed partial class ViewTaker
{
    [PyConstructor]
    public ViewTaker() { }

    /// <summary>arr[i] = value.</summary>
    [PyMethod]
    public void Set(NdViewMut<double> arr, long i, double value) => arr[(nint)i] = value;

    /// <summary>arr[i].</summary>
    [PyMethod]
    public double Get(NdView<double> arr, long i) => arr[(nint)i];

    /// <summary>The view's shape and strides after <paramref name="value"/> was converted.</summary>
    [PyMethod]
    public string ShapeAfter(NdView<double> arr, double value) => HostileViews.Describe(arr.Shape, arr.Strides);
}
