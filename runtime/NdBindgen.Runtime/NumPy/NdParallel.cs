using System;
using System.Threading.Tasks;

namespace NdBindgen;

/// <summary>
/// Runs a kernel over a contiguous array on all cores, in chunks, each a plain span. Use it with
/// the GIL released (<see cref="Python.AllowThreads{TState}(TState, Action{TState})"/>): the
/// chunks run on pool threads, which hold no GIL and no <see cref="Python"/> token. After Ctrl-C
/// no new chunk starts and <see cref="For{T}"/> throws <see cref="PythonInterruptedException"/>,
/// which AllowThreads turns into Python's KeyboardInterrupt.
/// </summary>
public static unsafe partial class NdParallel
{
    /// <summary>Smallest chunk worth a thread: below it the hand-off costs more than the work.</summary>
    public const int MinChunk = 32 * 1024;

    /// <summary>
    /// Largest chunk: how much work runs after Ctrl-C before the loop notices (1 M elements, a few
    /// ms for a simple kernel). The hand-off per chunk is microseconds, so this costs nothing measurable.
    /// </summary>
    public const int MaxChunk = 1024 * 1024;

    /// <summary>Calls <paramref name="body"/> on disjoint chunks covering every element of <paramref name="view"/>, in parallel.</summary>
    /// <exception cref="PythonInterruptedException">Ctrl-C arrived: some chunks were not run.</exception>
    public static void For<T>(NdViewMut<T> view, Action<Span<T>> body) where T : unmanaged
    {
        if (!view.TryGetSpan(out Span<T> all))
            throw new ArgumentException("NdParallel.For needs a C-contiguous array (pass a copy, or walk a strided view with foreach)", nameof(view));
        Python.ThrowIfInterrupted();
        nint data = (nint)view.Layout.Data;
        int length = all.Length;
        int chunks = Math.Max(1, Math.Min(Math.Max(Environment.ProcessorCount * 4, length / MaxChunk), length / MinChunk));
        int size = (length + chunks - 1) / chunks;
        if (chunks == 1)
        {
            body(all);
            return;
        }
        ParallelLoopResult result = Parallel.For(0, chunks, (i, loop) =>
        {
            if (Python.InterruptPending)
            {
                loop.Stop();
                return;
            }
            int start = i * size;
            int count = Math.Min(size, length - start);
            if (count > 0) body(new Span<T>((T*)data + start, count));
        });
        if (!result.IsCompleted) throw new PythonInterruptedException();
    }
}
