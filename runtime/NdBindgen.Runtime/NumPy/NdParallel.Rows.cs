using System;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using NdBindgen.NumPy;

namespace NdBindgen;

/// <summary>The body of <see cref="NdParallel.ForRows{T}(NdViewMut{T}, NdRowAction{T})"/>: row <paramref name="index"/> of the array, one dimension fewer.</summary>
public delegate void NdRowAction<T>(nint index, NdViewMut<T> row) where T : unmanaged;

/// <summary>The body of <see cref="NdParallel.ForRows{A, T}(NdView{A}, NdViewMut{T}, NdRowAction{A, T})"/>: row <paramref name="index"/> of the input and of the output.</summary>
public delegate void NdRowAction<A, T>(nint index, NdView<A> input, NdViewMut<T> output) where A : unmanaged where T : unmanaged;

public static unsafe partial class NdParallel
{
    /// <summary>
    /// Fewest elements for which <see cref="ForRows{T}(NdViewMut{T}, NdRowAction{T})"/> hands rows to
    /// other threads; a smaller array runs on the calling thread (no task hand-off). Two chunks of
    /// <see cref="MinChunk"/>: below it one core finishes before a second one has started (see docs/performance.md).
    /// </summary>
    public const int MinParallelElements = 2 * MinChunk;

    /// <summary>
    /// Calls <paramref name="body"/> once for each row (index along the first axis) of
    /// <paramref name="view"/>, rows in parallel: any layout (strided, negative, Fortran). A row is a view
    /// with one dimension fewer, valid only inside the call. Views are ref structs and cannot be
    /// captured by the lambda, hence the parameter. Small arrays run inline on the calling thread.
    /// </summary>
    /// <exception cref="PythonInterruptedException">Ctrl-C arrived: some rows were not run.</exception>
    /// <remarks>An exception thrown by the body on one row is rethrown as it is (not as an AggregateException); the rows of the other chunks may or may not have run.</remarks>
    public static void ForRows<T>(NdViewMut<T> view, NdRowAction<T> body) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        NdLayout layout = RowsOf(view.Layout);
        Rows(layout, (start, end) =>
        {
            for (nint i = start; i < end; i++) body(i, new NdViewMut<T>(Row(layout, i, sizeof(T))));
        });
    }

    /// <summary>
    /// As <see cref="ForRows{T}(NdViewMut{T}, NdRowAction{T})"/> over the rows of an input and an
    /// output with the same number of rows: row i of both goes to one call.
    /// </summary>
    /// <exception cref="ArgumentException">The first axes differ in length.</exception>
    public static void ForRows<A, T>(NdView<A> input, NdViewMut<T> output, NdRowAction<A, T> body) where A : unmanaged where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(body);
        NdLayout from = RowsOf(input.Layout), to = RowsOf(output.Layout);
        if (from.Shape[0] != to.Shape[0])
            throw new ArgumentException($"input has {from.Shape[0]} rows, output {to.Shape[0]}: ForRows pairs rows by index", nameof(output));
        Rows(to, (start, end) =>
        {
            for (nint i = start; i < end; i++)
                body(i, new NdView<A>(Row(from, i, sizeof(A))), new NdViewMut<T>(Row(to, i, sizeof(T))));
        });
    }

    private static NdLayout RowsOf(NdLayout layout)
    {
        if (layout.Ndim == 0) throw new ArgumentException("a 0-dimensional array has no rows");
        return layout;
    }

    private static NdLayout Row(in NdLayout layout, nint i, int itemSize) =>
        new(layout.Data + i * layout.Strides[0], layout.Shape + 1, layout.Strides + 1, layout.Ndim - 1, itemSize);

    // Chunks of whole rows, each at least MinChunk elements and at most ~MaxChunk (for Ctrl-C), more
    // chunks than cores so a slow core does not hold the loop up.
    private static void Rows(NdLayout layout, Action<nint, nint> run)
    {
        Python.ThrowIfInterrupted();
        nint rows = layout.Shape[0];
        if (rows == 0) return;
        if (layout.Length < MinParallelElements || rows == 1)
        {
            run(0, rows);
            return;
        }
        nint chunks = Math.Min(rows, Math.Max(Environment.ProcessorCount * 4, layout.Length / MaxChunk));
        chunks = Math.Max(1, Math.Min(chunks, layout.Length / MinChunk));
        nint size = (rows + chunks - 1) / chunks;
        chunks = (rows + size - 1) / size;
        ParallelLoopResult result;
        try
        {
            result = Parallel.For(0L, (long)chunks, (c, loop) =>
            {
                if (Python.InterruptPending)
                {
                    loop.Stop();
                    return;
                }
                nint start = (nint)c * size;
                run(start, Math.Min(rows, start + size));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The body's own exception, as the inline path throws it (not wrapped by the thread pool).
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        if (!result.IsCompleted) throw new PythonInterruptedException();
    }
}
