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
}
