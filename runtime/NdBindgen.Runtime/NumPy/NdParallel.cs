using System;
using System.Threading.Tasks;

namespace NdBindgen;

/// <summary>
/// Runs a kernel over a contiguous array on all cores, in chunks, each a plain span. Use it with
/// the GIL released (<see cref="Python.AllowThreads{TState}(TState, Action{TState})"/>): the
/// chunks run on pool threads, which hold no GIL and no <see cref="Python"/> token.
/// </summary>
public static unsafe class NdParallel
{
    /// <summary>Smallest chunk worth a thread: below it the hand-off costs more than the work.</summary>
    public const int MinChunk = 32 * 1024;

    /// <summary>Calls <paramref name="body"/> on disjoint chunks covering every element of <paramref name="view"/>, in parallel.</summary>
    public static void For<T>(NdViewMut<T> view, Action<Span<T>> body) where T : unmanaged
    {
        if (!view.TryGetSpan(out Span<T> all))
            throw new ArgumentException("NdParallel.For needs a C-contiguous array (pass a copy, or walk a strided view with foreach)", nameof(view));
        nint data = (nint)view.Layout.Data;
        int length = all.Length;
        int chunks = Math.Max(1, Math.Min(Environment.ProcessorCount * 4, length / MinChunk));
        int size = (length + chunks - 1) / chunks;
        if (chunks == 1)
        {
            body(all);
            return;
        }
        Parallel.For(0, chunks, i =>
        {
            int start = i * size;
            int count = Math.Min(size, length - start);
            if (count > 0) body(new Span<T>((T*)data + start, count));
        });
    }
}
