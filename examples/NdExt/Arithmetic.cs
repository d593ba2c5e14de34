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

    /// <summary>The sum of <paramref name="values"/>, multiplied by the value of each keyword argument.</summary>
    /// <param name="scales">Factors, one per keyword: <c>scaled_sum(1.0, 2.0, unit=0.5)</c>.</param>
    /// <param name="values">The numbers to add.</param>
    /// <returns>The scaled sum.</returns>
    [PyFunction]
    public static double ScaledSum([PyKwargs] IReadOnlyDictionary<string, double> scales,
        params ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        foreach (double scale in scales.Values) sum *= scale;
        return sum;
    }

    /// <summary>Add <paramref name="scal"/> to each element of <paramref name="arr"/>.</summary>
    /// <param name="scal">The number to add.</param>
    /// <param name="arr">A float64 array of any shape and strides; it is not changed.</param>
    /// <returns>A new array of the same shape holding the sums.</returns>
    [PyFunction]
    public static NdArray<double> AddScalarToArray(double scal, NdView<double> arr)
    {
        var result = NdArray<double>.Uninitialized(arr.Shape);
        Span<double> sums = result.AsSpan();
        if (arr.TryGetSpan(out ReadOnlySpan<double> values))
        {
            Kernels.Add(values, scal, sums);
        }
        else
        {
            // Any layout: row by row (the last axis), a counted loop inside.
            int i = 0;
            foreach (NdRow<double> row in arr.Rows)
            {
                AddRow(row, scal, sums.Slice(i, (int)row.Length));
                i += (int)row.Length;
            }
        }
        return result;
    }

    /// <summary>Add <paramref name="scal"/> to each element of <paramref name="arr"/>, in place.</summary>
    /// <param name="scal">The number to add.</param>
    /// <param name="arr">A writable float64 array of any shape and strides.</param>
    [PyFunction]
    public static void AddScalarToArrayInplace(double scal, NdViewMut<double> arr)
    {
        if (arr.TryGetSpan(out Span<double> values))
        {
            Kernels.Add(values, scal, values);
            return;
        }
        // Elementwise, so any order will do: the one closest to memory's (on a transposed array
        // its rows are adjacent elements, vectorised like a contiguous array).
        foreach (NdRowMut<double> row in arr.RowsInMemoryOrder)
        {
            if (row.TryGetSpan(out Span<double> run)) Kernels.Add(run, scal, run);
            else AddToRow(row, scal);
        }
    }

    // Not inlined: in the caller's loop over rows, the per-row call would make the compiler keep
    // the scalar in memory on every element (measured 4x slower).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddRow(NdRow<double> row, double scal, Span<double> destination)
    {
        NdRowEnumerator<double> source = row.GetEnumerator();
        foreach (ref double sum in destination)
        {
            source.MoveNext();   // the row and the destination have the same length
            sum = source.Current + scal;
        }
    }

    // Not inlined: in the caller's loop over rows, the per-row call would make the compiler keep
    // the scalar in memory on every element (measured 4x slower).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddToRow(NdRowMut<double> row, double scal)
    {
        foreach (ref double x in row) x += scal;
    }

    /// <summary>Multiply each element of <paramref name="arr"/> by <paramref name="factor"/>, for every numeric dtype.</summary>
    /// <param name="arr">An array of any numeric dtype (not bool), any shape and strides; it is not changed.</param>
    /// <param name="factor">The number to multiply by, converted to the array's dtype (an int array takes an int).</param>
    /// <returns>A new array of the same shape and dtype holding the products.</returns>
    [PyFunction]
    public static NdArray<T> Scale<T>(NdView<T> arr, T factor) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var result = NdArray<T>.Uninitialized(arr.Shape);
        Span<T> products = result.AsSpan();
        if (arr.TryGetSpan(out ReadOnlySpan<T> values))
        {
            Kernels.Multiply(values, factor, products);
        }
        else
        {
            int i = 0;
            foreach (NdRow<T> row in arr.Rows)
            {
                MultiplyRow(row, factor, products.Slice(i, (int)row.Length));
                i += (int)row.Length;
            }
        }
        return result;
    }

    /// <summary>scale() for float64 arrays only, written without generics (the benchmark compares the two).</summary>
    /// <param name="arr">A float64 array of any shape and strides; it is not changed.</param>
    /// <param name="factor">The number to multiply by.</param>
    /// <returns>A new array of the same shape holding the products.</returns>
    [PyFunction]
    public static NdArray<double> ScaleFloat64(NdView<double> arr, double factor)
    {
        var result = NdArray<double>.Uninitialized(arr.Shape);
        Span<double> products = result.AsSpan();
        if (arr.TryGetSpan(out ReadOnlySpan<double> values))
        {
            Kernels.MultiplyFloat64(values, factor, products);
        }
        else
        {
            int i = 0;
            foreach (NdRow<double> row in arr.Rows)
            {
                MultiplyRow(row, factor, products.Slice(i, (int)row.Length));
                i += (int)row.Length;
            }
        }
        return result;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void MultiplyRow<T>(NdRow<T> row, T factor, Span<T> destination) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        NdRowEnumerator<T> source = row.GetEnumerator();
        foreach (ref T product in destination)
        {
            source.MoveNext();   // the row and the destination have the same length
            product = source.Current * factor;
        }
    }
}
