using System.Globalization;
using System.Text;
using NdBindgen;

namespace NdTestModule;

/// <summary>What a view sees of an array's layout: ndim, shape, strides, contiguity, indexers and the [Ndim] rule.</summary>
public static class ArrayLayouts
{
    /// <summary>"ndim=2 shape=(3, 4) strides=(32, 8) contiguous=True length=12", as the view reports them.</summary>
    [PyFunction]
    public static string Describe(NdView<double> arr) =>
        Format(arr.Ndim, arr.Shape, arr.Strides, arr.IsContiguous, arr.Length, arr.TryGetSpan(out _));

    /// <summary>As describe(), through a mutable view.</summary>
    [PyFunction]
    public static string DescribeMut(NdViewMut<double> arr) =>
        Format(arr.Ndim, arr.Shape, arr.Strides, arr.IsContiguous, arr.Length, arr.TryGetSpan(out _));

    /// <summary>As describe(), for bytes (any buffer of format 'B').</summary>
    [PyFunction]
    public static string DescribeUint8(NdView<byte> arr) =>
        Format(arr.Ndim, arr.Shape, arr.Strides, arr.IsContiguous, arr.Length, arr.TryGetSpan(out _));

    /// <summary>The sum of each row of the 2-d <paramref name="matrix"/>, read with the [i, j] indexer.</summary>
    [PyFunction]
    public static NdArray<double> RowSums([Ndim(2)] NdView<double> matrix)
    {
        nint rows = matrix.Shape[0], cols = matrix.Shape[1];
        var sums = NdArray<double>.Zeros(rows);
        for (nint i = 0; i < rows; i++)
        {
            for (nint j = 0; j < cols; j++) sums[i] += matrix[i, j];
        }
        return sums;
    }

    /// <summary>The value of a 0-d array, read with the empty full index.</summary>
    [PyFunction]
    public static double ScalarValue([Ndim(0)] NdView<double> arr) => arr[ReadOnlySpan<nint>.Empty];

    /// <summary>arr[i] of a 1-d array.</summary>
    [PyFunction]
    public static double Get1(NdView<double> arr, long i) => arr[(nint)i];

    /// <summary>arr[i, j] of a 2-d array.</summary>
    [PyFunction]
    public static double Get2(NdView<double> arr, long i, long j) => arr[(nint)i, (nint)j];

    /// <summary>arr[i, j, k] of a 3-d array, through the full-index indexer.</summary>
    [PyFunction]
    public static double Get3(NdView<double> arr, long i, long j, long k) => arr[[(nint)i, (nint)j, (nint)k]];

    /// <summary>arr[i] = value for a 1-d array.</summary>
    [PyFunction]
    public static void Set1(NdViewMut<double> arr, long i, double value) => arr[(nint)i] = value;

    /// <summary>arr[i, j] = value for a 2-d array.</summary>
    [PyFunction]
    public static void Set2([Ndim(2)] NdViewMut<double> arr, long i, long j, double value) => arr[(nint)i, (nint)j] = value;

    /// <summary>dst += src, elementwise; <paramref name="dst"/> must not share memory with <paramref name="src"/>.</summary>
    [PyFunction]
    public static void AddInto(NdView<double> src, NdViewMut<double> dst)
    {
        if (!src.Shape.SequenceEqual(dst.Shape)) throw new ArgumentException("src and dst must have the same shape");
        var values = src.ToArray();
        int n = 0;
        foreach (ref double x in dst) x += values[n++];
    }

    /// <summary>Exchanges the contents of two 1-d arrays of the same length.</summary>
    [PyFunction]
    public static void Swap(NdViewMut<double> a, NdViewMut<double> b)
    {
        if (a.Ndim != 1 || b.Ndim != 1 || a.Length != b.Length) throw new ArgumentException("a and b must be 1-d and of the same length");
        for (nint i = 0; i < a.Length; i++) (a[i], b[i]) = (b[i], a[i]);
    }

    /// <summary>Throws after borrowing <paramref name="arr"/>, to prove the borrow is released on the error path.</summary>
    [PyFunction]
    public static void FailAfterBorrow(NdView<byte> arr) => throw new InvalidOperationException($"failed with {arr.Length} bytes borrowed");

    /// <summary>Borrows two byte buffers and returns their total length.</summary>
    [PyFunction]
    public static long TotalLength(NdView<byte> a, NdView<byte> b) => a.Length + b.Length;

    private static string Format(int ndim, ReadOnlySpan<nint> shape, ReadOnlySpan<nint> strides, bool contiguous, nint length, bool span)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"ndim={ndim} shape={Tuple(shape)} strides={Tuple(strides)} contiguous={contiguous} length={length} span={span}");
        return sb.ToString();
    }

    /// <summary>Python's tuple repr: (), (3,), (3, 4).</summary>
    private static string Tuple(ReadOnlySpan<nint> values)
    {
        var parts = new string[values.Length];
        for (int i = 0; i < values.Length; i++) parts[i] = values[i].ToString(CultureInfo.InvariantCulture);
        return values.Length == 1 ? $"({parts[0]},)" : $"({string.Join(", ", parts)})";
    }
}
