using NdBindgen;

namespace HelloExt;

/// <summary>Functions of the module.</summary>
public static class Functions
{
    /// <summary>Greets <paramref name="name"/>.</summary>
    /// <param name="name">Who to greet.</param>
    /// <returns>The greeting.</returns>
    [PyFunction]
    public static string Hello(string name = "world") => $"Hello, {name}!";

    /// <summary>The sum of all elements of <paramref name="values"/>.</summary>
    /// <param name="values">A float64 array of any shape.</param>
    [PyFunction]
    public static double Total(NdView<double> values)
    {
        double sum = 0;
        foreach (double x in values) sum += x;
        return sum;
    }
}

/// <summary>A counter that lives in C#.</summary>
[PyClass]
public sealed partial class Counter
{
    /// <param name="start">The first value.</param>
    public Counter(long start = 0) => Value = start;

    /// <summary>The current value.</summary>
    [PyProperty]
    public long Value { get; set; }

    /// <summary>Adds one and returns the new value.</summary>
    [PyMethod]
    public long Increment() => ++Value;

    [PyMethod("__repr__")]
    public string Repr() => $"Counter({Value})";
}
