using NdBindgen;

namespace NdTestModule;

/// <summary>
/// [ArrayLike] views: lists, tuples, scalars and anything numpy.asarray reads, besides arrays.
/// data_address_like tells the tests whether an argument was borrowed or converted.
/// </summary>
public static class ArrayLikes
{
    /// <summary>The sum of an array-like of float64.</summary>
    [PyFunction]
    public static double SumLike([ArrayLike] NdView<double> values)
    {
        double sum = 0;
        foreach (double x in values) sum += x;
        return sum;
    }

    /// <summary>The sum of an array-like of int64.</summary>
    [PyFunction]
    public static long SumLikeInt64([ArrayLike] NdView<long> values)
    {
        long sum = 0;
        foreach (long x in values) sum += x;
        return sum;
    }

    /// <summary>The sum of an array-like of float32.</summary>
    [PyFunction]
    public static double SumLikeFloat32([ArrayLike] NdView<float> values)
    {
        double sum = 0;
        foreach (float x in values) sum += x;
        return sum;
    }

    /// <summary>The sum of an array-like of int8 (Python ints must fit: -128 to 127).</summary>
    [PyFunction]
    public static long SumLikeInt8([ArrayLike] NdView<sbyte> values)
    {
        long sum = 0;
        foreach (sbyte x in values) sum += x;
        return sum;
    }

    /// <summary>The sum of an array-like of uint32 (Python ints must fit: 0 to 4294967295).</summary>
    [PyFunction]
    public static long SumLikeUint32([ArrayLike] NdView<uint> values)
    {
        long sum = 0;
        foreach (uint x in values) sum += x;
        return sum;
    }

    /// <summary>The elements of an array-like of float16, as float64 (what the function received).</summary>
    [PyFunction]
    public static NdArray<double> ReadLikeFloat16([ArrayLike] NdView<System.Half> values)
    {
        var result = NdArray<double>.Zeros(values.Length);
        nint i = 0;
        foreach (System.Half x in values) result[i++] = (double)x;
        return result;
    }

    /// <summary>The elements of an array-like of float32, as float64 (what the function received).</summary>
    [PyFunction]
    public static NdArray<double> ReadLikeFloat32([ArrayLike] NdView<float> values)
    {
        var result = NdArray<double>.Zeros(values.Length);
        nint i = 0;
        foreach (float x in values) result[i++] = x;
        return result;
    }

    /// <summary>The sum of each row of a matrix-like.</summary>
    [PyFunction]
    public static NdArray<double> RowSumsLike([ArrayLike, Ndim(2)] NdView<double> matrix)
    {
        var sums = NdArray<double>.Zeros(matrix.Shape[0]);
        for (nint i = 0; i < matrix.Shape[0]; i++)
            for (nint j = 0; j < matrix.Shape[1]; j++) sums[i] += matrix[i, j];
        return sums;
    }

    /// <summary>The number of dimensions numpy found in the argument.</summary>
    [PyFunction]
    public static int NdimLike([ArrayLike] NdView<double> values) => values.Ndim;

    /// <summary>The address of the first element the view reads (0 when empty): the caller's own memory unless it was converted.</summary>
    [PyFunction]
    public static unsafe long DataAddressLike([ArrayLike] NdView<double> values)
    {
        if (values.Length == 0) return 0;
        System.Span<nint> origin = stackalloc nint[values.Ndim];   // all zeros; empty for 0-d
        return (long)System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.CompilerServices.Unsafe.AsRef(in values[origin]));
    }

    /// <summary>Adds an array-like into <paramref name="total"/>, in place (an array-like beside an in-place view).</summary>
    [PyFunction]
    public static void AccumulateLike([Ndim(1)] NdViewMut<double> total, [ArrayLike, Ndim(1)] NdView<double> values)
    {
        if (values.Length != total.Length) throw new System.ArgumentException($"values has {values.Length} elements, total {total.Length}");
        for (nint i = 0; i < total.Length; i++) total[i] += values[i];
    }
}
