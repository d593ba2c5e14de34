using NdBindgen;

namespace NdTestModule;

/// <summary>Entry points for the hostile fork and recursion tests (test_hostile_fork.py, test_hostile_recursion.py).</summary>
public static class HostileForkRecursion
{
    /// <summary>Allocates `rounds` (clamped to 0..256) x 1 MiB of short-lived .NET arrays and runs a full .NET collection: the heavy .NET work a parent does before it forks. Returns the number of gen-2 collections so far.</summary>
    [PyFunction]
    public static int AllocateAndCollect(int rounds)
    {
        rounds = Math.Clamp(rounds, 0, 256);   // the fuzzer calls it too
        long sum = 0;
        for (int i = 0; i < rounds; i++)
        {
            var block = new byte[1 << 20];
            block[i % block.Length] = 1;
            sum += block.Length;
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        return sum > 0 ? GC.CollectionCount(2) : -1;
    }

    /// <summary>Returns f(depth): a C# -> Python call through a Func callback, for recursion through the module.</summary>
    [PyFunction]
    public static long CallBack(Func<long, long> f, long depth) => f(depth);

    /// <summary>Returns f(depth): a C# -> Python call through PyRef.Call.</summary>
    [PyFunction]
    public static PyRef CallRef(Python py, PyRef f, long depth) => f.Call(py, py.From(depth));

    /// <summary>x + 1 after converting x to a double (which calls x.__float__ for a non-float).</summary>
    [PyFunction]
    public static double PlusOne(double x) => x + 1.0;
}
