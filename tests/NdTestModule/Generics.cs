using System.Numerics;
using NdBindgen;

namespace NdTestModule;

/// <summary>Generic functions: one C# method over its element type, one Python function over the dtypes.</summary>
public static class Generics
{
    /// <summary>a + b elementwise; both arrays must have the same dtype.</summary>
    [PyFunction]
    public static NdArray<T> AddArrays<T>(NdView<T> a, NdView<T> b) where T : unmanaged, INumberBase<T>
    {
        if (!a.Shape.SequenceEqual(b.Shape)) throw new ArgumentException("the arrays must have the same shape");
        var result = NdArray<T>.Uninitialized(a.Shape);
        Span<T> sums = result.AsSpan();
        int i = 0;
        var other = b.GetEnumerator();
        foreach (T x in a)
        {
            other.MoveNext();
            sums[i++] = x + other.Current;
        }
        return result;
    }

    /// <summary>Sets every element of arr to value (any element type, bool included) and returns how many were set.</summary>
    [PyFunction]
    public static long FillAll<T>(NdViewMut<T> arr, T value) where T : unmanaged
    {
        long n = 0;
        foreach (ref T x in arr)
        {
            x = value;
            n++;
        }
        return n;
    }

    /// <summary>The mean of a float32 or float64 array, as a Python float; other dtypes are refused.</summary>
    [PyFunction]
    [Dtypes(typeof(float), typeof(double))]
    public static double MeanOf<T>(NdView<T> values) where T : unmanaged, IFloatingPoint<T>
    {
        double sum = 0;
        long n = 0;
        foreach (T x in values)
        {
            sum += double.CreateChecked(x);
            n++;
        }
        return n == 0 ? double.NaN : sum / n;
    }
}
