using System.Numerics;
using NdBindgen;

namespace NdTestModule;

/// <summary>
/// Every element type both ways: copy_&lt;dtype&gt; reads a view and returns a new C-ordered array of
/// the same shape; increment_&lt;dtype&gt; (invert_bool for bool) writes through a mutable view.
/// </summary>
public static class ArrayDtypes
{
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<bool> CopyBool(NdView<bool> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<sbyte> CopyInt8(NdView<sbyte> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<byte> CopyUint8(NdView<byte> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<short> CopyInt16(NdView<short> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<ushort> CopyUint16(NdView<ushort> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<int> CopyInt32(NdView<int> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<uint> CopyUint32(NdView<uint> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<long> CopyInt64(NdView<long> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<ulong> CopyUint64(NdView<ulong> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<Half> CopyFloat16(NdView<Half> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<float> CopyFloat32(NdView<float> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<double> CopyFloat64(NdView<double> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<Complex> CopyComplex128(NdView<Complex> arr) => Copy(arr);

    /// <summary>Negates every element of <paramref name="arr"/> in place.</summary>
    [PyFunction] public static void InvertBool(NdViewMut<bool> arr) { foreach (ref bool x in arr) x = !x; }
    /// <summary>Adds one to every element of <paramref name="arr"/> in place (wrapping).</summary>
    [PyFunction] public static void IncrementInt8(NdViewMut<sbyte> arr) => Increment(arr);
    /// <summary>Adds one to every element of <paramref name="arr"/> in place (wrapping).</summary>
    [PyFunction] public static void IncrementUint8(NdViewMut<byte> arr) => Increment(arr);
    /// <summary>Adds one to every element of <paramref name="arr"/> in place (wrapping).</summary>
    [PyFunction] public static void IncrementInt16(NdViewMut<short> arr) => Increment(arr);
    /// <summary>Adds one to every element of <paramref name="arr"/> in place (wrapping).</summary>
    [PyFunction] public static void IncrementUint16(NdViewMut<ushort> arr) => Increment(arr);
    /// <summary>Adds one to every element of <paramref name="arr"/> in place (wrapping).</summary>
    [PyFunction] public static void IncrementInt32(NdViewMut<int> arr) => Increment(arr);
    /// <summary>Adds one to every element of <paramref name="arr"/> in place (wrapping).</summary>
    [PyFunction] public static void IncrementUint32(NdViewMut<uint> arr) => Increment(arr);
    /// <summary>Adds one to every element of <paramref name="arr"/> in place (wrapping).</summary>
    [PyFunction] public static void IncrementInt64(NdViewMut<long> arr) => Increment(arr);
    /// <summary>Adds one to every element of <paramref name="arr"/> in place (wrapping).</summary>
    [PyFunction] public static void IncrementUint64(NdViewMut<ulong> arr) => Increment(arr);
    /// <summary>Adds one to every element of <paramref name="arr"/> in place.</summary>
    [PyFunction] public static void IncrementFloat16(NdViewMut<Half> arr) => Increment(arr);
    /// <summary>Adds one to every element of <paramref name="arr"/> in place.</summary>
    [PyFunction] public static void IncrementFloat32(NdViewMut<float> arr) => Increment(arr);
    /// <summary>Adds one to every element of <paramref name="arr"/> in place.</summary>
    [PyFunction] public static void IncrementFloat64(NdViewMut<double> arr) => Increment(arr);
    /// <summary>Adds one to every element of <paramref name="arr"/> in place.</summary>
    [PyFunction] public static void IncrementComplex128(NdViewMut<Complex> arr) => Increment(arr);

    /// <summary>Sets every element of <paramref name="arr"/> to <paramref name="value"/> (the span fast path when contiguous).</summary>
    [PyFunction] public static void FillInt64(NdViewMut<long> arr, long value) => arr.Fill(value);
    /// <summary>Sets every element of <paramref name="arr"/> to <paramref name="value"/>.</summary>
    [PyFunction] public static void FillFloat64(NdViewMut<double> arr, double value) => arr.Fill(value);
    /// <summary>Sets every element of <paramref name="arr"/> to <paramref name="value"/>.</summary>
    [PyFunction] public static void FillUint8(NdViewMut<byte> arr, byte value) => arr.Fill(value);

    /// <summary>The sum of <paramref name="arr"/>'s elements, visited in C order.</summary>
    [PyFunction]
    public static double SumFloat64(NdView<double> arr)
    {
        double sum = 0;
        foreach (double x in arr) sum += x;
        return sum;
    }

    /// <summary>The sum of <paramref name="arr"/>'s elements.</summary>
    [PyFunction]
    public static long SumInt64(NdView<long> arr)
    {
        long sum = 0;
        foreach (long x in arr) sum += x;
        return sum;
    }

    private static NdArray<T> Copy<T>(NdView<T> view) where T : unmanaged
    {
        var result = NdArray<T>.Uninitialized(view.Shape);
        if (result.Length > 0) view.CopyTo(result.AsSpan());
        return result;
    }

    private static void Increment<T>(NdViewMut<T> view) where T : unmanaged, INumberBase<T>
    {
        foreach (ref T x in view) x += T.One;
    }
}
