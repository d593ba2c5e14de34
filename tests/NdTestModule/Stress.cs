using NdBindgen;

namespace NdTestModule;

/// <summary>Hooks for the reliability tests (leaks, threads, two modules in one process): C# allocation on demand and a look at this module's own .NET GC.</summary>
public static class Stress
{
    /// <summary>How many times this module's .NET garbage collector has collected <paramref name="generation"/> (0, 1 or 2).</summary>
    [PyFunction]
    public static int GcCount(int generation) => GC.CollectionCount(generation);

    /// <summary>Bytes allocated on this module's .NET heap and not yet collected (GC.GetTotalMemory, without collecting).</summary>
    [PyFunction]
    public static long ManagedHeapBytes() => GC.GetTotalMemory(false);

    /// <summary>The numbers <paramref name="start"/> .. start+count-1 joined by commas, built from .NET strings, a list and an array: garbage for .NET's GC on every call.</summary>
    [PyFunction]
    public static string Churn(int start, int count)
    {
        var parts = new List<string>(count);
        for (int i = 0; i < count; i++) parts.Add((start + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join(",", parts.ToArray());
    }
}
