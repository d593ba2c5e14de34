using NdBindgen;

namespace NdTestModule;

/// <summary>Entry points for tests/python/test_hostile_threads.py: threads, scopes and signals at their edges.</summary>
public static class HostileThreads
{
    /// <summary>Opens a PyScope, calls func() inside it (func may call this module again); returns how many references the scope held at its end.</summary>
    [PyFunction]
    public static int CallInScope(Python py, PyRef func)
    {
        using PyScope scope = py.Scope();
        func.Call(py);
        return scope.Count;
    }

    /// <summary>Stores eval(expression), made by this function's own code, in holder.item.</summary>
    [PyFunction]
    public static void StoreEval(Python py, Holder holder, string expression) => holder.Item = py.Eval(expression);

    /// <summary>
    /// Starts `threads` C# threads that call fn(i) until the interpreter refuses them; each writes
    /// "worker k: &lt;exception type&gt;" to stdout when it stops. Returns at once (the threads run on).
    /// </summary>
    [PyFunction]
    public static void CallUntilRefused(Func<long, long> fn, int threads)
    {
        for (int t = 0; t < threads; t++)
        {
            int k = t;
            new Thread(() =>
            {
                try
                {
                    for (long i = 0; ; i++) fn(i);
                }
                catch (Exception e)
                {
                    Console.Out.WriteLine($"worker {k}: {e.GetType().Name}");
                    Console.Out.Flush();
                }
            }) { IsBackground = true }.Start();
        }
    }

    /// <summary>Spins for up to `seconds` with the GIL released, stopping at Ctrl-C (Python.ThrowIfInterrupted); returns the seconds spun.</summary>
    [PyFunction]
    public static double SpinWithoutGil(Python py, double seconds) =>
        py.AllowThreads(seconds, static s =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < s) Python.ThrowIfInterrupted();
            return clock.Elapsed.TotalSeconds;
        });
}
