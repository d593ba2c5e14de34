using NdBindgen;

namespace NdTestModule;

/// <summary>The runtime's Python API from C#: the GIL token, calls, scopes, callbacks, releasing the GIL, signals.</summary>
public static class RuntimeApi
{
    /// <summary>math.sqrt(x), called from C#.</summary>
    [PyFunction]
    public static double CallSqrt(Python py, double x)
    {
        using PyScope scope = py.Scope();
        return py.Import("math").CallMethod(py, "sqrt", py.From(x)).ToDouble(py);
    }

    /// <summary>func(a, b=b) called from C# with a keyword argument; returns the result.</summary>
    [PyFunction]
    public static PyRef CallWithKeyword(Python py, PyRef func, double a, double b) =>
        func.Call(py, [py.From(a)], [("b", py.From(b))]);

    /// <summary>getattr(obj, name), then setattr(obj, name, value).</summary>
    [PyFunction]
    public static PyRef SwapAttr(Python py, PyRef obj, string name, PyRef value)
    {
        PyRef old = obj.GetAttr(py, name);
        obj.SetAttr(py, name, value);
        return old;
    }

    /// <summary>eval(expression) in a fresh namespace, as a float.</summary>
    [PyFunction]
    public static double EvalFloat(Python py, string expression)
    {
        using PyRef result = py.Eval(expression);
        return result.ToDouble(py);
    }

    /// <summary>Runs code; a Python exception propagates back to Python as the same object.</summary>
    [PyFunction]
    public static void Exec(Python py, string code) => py.Exec(code);

    /// <summary>Runs code and reports a Python exception it raised as "Type: message\n" + its traceback.</summary>
    [PyFunction]
    public static string ExecCatching(Python py, string code)
    {
        try
        {
            py.Exec(code);
            return "ok";
        }
        catch (PythonException e)
        {
            return $"{e.PythonTypeName}: {e.Message}\n{e.PythonTraceback}";
        }
    }

    /// <summary>A loop of n evals, each iteration in its own scope; returns how many references the last scope held.</summary>
    [PyFunction]
    public static int EvalLoop(Python py, int n)
    {
        int held = 0;
        for (int i = 0; i < n; i++)
        {
            using PyScope scope = py.Scope();
            py.Eval("[1, 2, 3]");
            held = scope.Count;
        }
        return held;
    }

    /// <summary>Replaces every element x of arr by f(x): a Python function as a C# delegate.</summary>
    [PyFunction]
    public static void Apply(NdViewMut<double> arr, Func<double, double> f)
    {
        foreach (ref double x in arr) x = f(x);
    }

    /// <summary>Calls f with a string; an Action callback.</summary>
    [PyFunction]
    public static void Notify(Action<string> f, string message) => f(message);

    /// <summary>Sleeps with the GIL released, so other Python threads run meanwhile.</summary>
    [PyFunction]
    public static double SleepWithoutGil(Python py, double seconds) =>
        py.AllowThreads(seconds, static s =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(s));
            return s;
        });

    /// <summary>arr *= k on all cores with the GIL released.</summary>
    [PyFunction]
    public static void ScaleParallel(Python py, NdViewMut<double> arr, double k, int repeat = 1) =>
        py.AllowThreads(arr, a =>
        {
            for (int r = 0; r < repeat; r++)
                NdParallel.For(a, span => { for (int i = 0; i < span.Length; i++) span[i] = Kernel(span[i], k); });
        });

    /// <summary>A compute-bound element kernel (so the parallel speed-up measures cores, not memory bandwidth).</summary>
    private static double Kernel(double x, double k)
    {
        for (int j = 0; j < 8; j++) x = Math.Sqrt(x * x + 1.0);
        return x * k;
    }

    /// <summary>The same kernel on one thread, for comparison.</summary>
    [PyFunction]
    public static void ScaleSerial(NdViewMut<double> arr, double k, int repeat = 1)
    {
        if (!arr.TryGetSpan(out Span<double> span)) throw new ArgumentException("contiguous arrays only", nameof(arr));
        for (int r = 0; r < repeat; r++)
            for (int i = 0; i < span.Length; i++) span[i] = Kernel(span[i], k);
    }

    /// <summary>Spins for up to `seconds`, checking for signals: Ctrl-C stops it with KeyboardInterrupt.</summary>
    [PyFunction]
    public static long SpinChecking(Python py, double seconds)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long spins = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            spins++;
            if ((spins & 0xFFFF) == 0) py.CheckSignals();
        }
        return spins;
    }

    /// <summary>Starts `threads` C# threads (the GIL released meanwhile) that each call func(i) `calls` times (the callback takes the GIL itself); returns the sum of the results.</summary>
    [PyFunction]
    public static long CallFromThreads(Python py, Func<long, long> func, int threads, int calls) =>
        py.AllowThreads((func, threads, calls), static state =>
        {
            long total = 0;
            var workers = new Thread[state.threads];
            var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
            for (int t = 0; t < workers.Length; t++)
            {
                workers[t] = new Thread(() =>
                {
                    // An exception escaping a thread ends the process: keep it for the caller instead.
                    try
                    {
                        long sum = 0;
                        for (int i = 0; i < state.calls; i++) sum += state.func(i);
                        Interlocked.Add(ref total, sum);
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(e);
                    }
                });
                workers[t].Start();
            }
            foreach (Thread w in workers) w.Join();
            if (failures.TryDequeue(out Exception? first)) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            return total;
        });

    /// <summary>Disposes a reference on a thread without the GIL: the release is queued, not done; returns the queue length after.</summary>
    [PyFunction]
    public static int DisposeWithoutGil(Python py, PyRef obj)
    {
        PyRef extra = obj.GetAttr(py, "__class__");
        return py.AllowThreads(extra, static e =>
        {
            e.Dispose();
            return PyRef.PendingReleases;
        });
    }
}

/// <summary>Borrowed references: arguments used without reference-count traffic.</summary>
public static class Borrowing
{
    /// <summary>The argument's reference count as seen while borrowed, and its type name.</summary>
    [PyFunction]
    public static string DescribeBorrowed(Python py, PyBorrowed obj) => $"{obj.TypeName(py)} {obj.RefCount(py)}";

    /// <summary>The argument's reference count as seen through an owned PyRef (one more), which it then releases.</summary>
    [PyFunction]
    public static long OwnedCount(Python py, PyRef obj)
    {
        using (obj) return (long)obj.RefCount(py);
    }

    /// <summary>The same count seen through a borrowed reference.</summary>
    [PyFunction]
    public static long BorrowedCount(Python py, PyBorrowed obj) => (long)obj.RefCount(py);

    private static PyRef? s_kept;

    /// <summary>Keeps the argument beyond the call (ToOwned); returns it back from the kept reference.</summary>
    [PyFunction]
    public static PyRef KeepAndReturn(Python py, PyBorrowed obj)
    {
        s_kept?.Dispose();
        s_kept = obj.ToOwned(py);
        return s_kept;
    }
}
