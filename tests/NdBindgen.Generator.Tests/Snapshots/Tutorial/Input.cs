using System;
using NdBindgen;

namespace NdExt;

/// <summary>The functions of the tutorial's rust_ext module, in C#.</summary>
public static class Arithmetic
{
    /// <summary>Add two 64 bit floating point numbers <paramref name="x"/> and <paramref name="y"/> together.</summary>
    /// <param name="x">The first number.</param>
    /// <param name="y">The second number.</param>
    /// <returns>The sum.</returns>
    [PyFunction]
    public static double AddScalars(double x, double y) => x + y;

    /// <summary>Add <paramref name="scal"/> to each element of <paramref name="arr"/>.</summary>
    /// <param name="scal">The number to add.</param>
    /// <param name="arr">A float64 array of any shape and strides; it is not changed.</param>
    /// <returns>A new array of the same shape holding the sums.</returns>
    [PyFunction]
    public static NdArray<double> AddScalarToArray(double scal, NdView<double> arr)
    {
        var result = NdArray<double>.Uninitialized(arr.Shape);
        Span<double> sums = result.AsSpan();
        int i = 0;
        foreach (double value in arr) sums[i++] = value + scal;
        return result;
    }

    /// <summary>Add <paramref name="scal"/> to each element of <paramref name="arr"/>, in place.</summary>
    /// <param name="scal">The number to add.</param>
    /// <param name="arr">A writable float64 array of any shape and strides.</param>
    [PyFunction]
    public static void AddScalarToArrayInplace(double scal, NdViewMut<double> arr)
    {
        foreach (ref double value in arr) value += scal;
    }
}
