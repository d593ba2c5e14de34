using NdBindgen;

namespace NdTestModule;

/// <summary>NdArray results of every shape: 0-d, empty, 1-d to 3-d, filled through the NdArray indexers.</summary>
public static class ArrayResults
{
    /// <summary>A 0-d array holding <paramref name="value"/>.</summary>
    [PyFunction]
    public static NdArray<double> Scalar0d(double value) => NdArray<double>.Full(value);

    /// <summary>A zero-filled float64 array of shape (rows, cols).</summary>
    [PyFunction]
    public static NdArray<double> Zeros2d(long rows, long cols) => NdArray<double>.Zeros((nint)rows, (nint)cols);

    /// <summary>An empty 1-d int32 array.</summary>
    [PyFunction]
    public static NdArray<int> Empty1d() => NdArray<int>.Zeros(0);

    /// <summary>0, 1, ..., n-1 as int64, written with the [i] indexer.</summary>
    [PyFunction]
    public static NdArray<long> Arange(long n)
    {
        var result = NdArray<long>.Uninitialized((nint)n);
        for (nint i = 0; i < n; i++) result[i] = i;
        return result;
    }

    /// <summary>The n-by-n identity, written with the [i, j] indexer.</summary>
    [PyFunction]
    public static NdArray<double> Eye(long n)
    {
        var result = NdArray<double>.Zeros((nint)n, (nint)n);
        for (nint i = 0; i < n; i++) result[i, i] = 1.0;
        return result;
    }

    /// <summary>Element [i, j, k] = 100 i + 10 j + k, written with the full-index indexer.</summary>
    [PyFunction]
    public static NdArray<int> Digits3d(int a, int b, int c)
    {
        var result = NdArray<int>.Uninitialized(a, b, c);
        for (int i = 0; i < a; i++)
            for (int j = 0; j < b; j++)
                for (int k = 0; k < c; k++)
                    result[[i, j, k]] = 100 * i + 10 * j + k;
        return result;
    }

    /// <summary>A float64 array of <paramref name="n"/> ones (every page touched).</summary>
    [PyFunction]
    public static NdArray<double> Ones(long n) => NdArray<double>.Full(1.0, (nint)n);

    /// <summary>Indexes an NdArray out of bounds: IndexError.</summary>
    [PyFunction]
    public static NdArray<double> IndexPastEnd(long n)
    {
        var result = NdArray<double>.Zeros((nint)n);
        result[(nint)n] = 1.0;
        return result;
    }
}
