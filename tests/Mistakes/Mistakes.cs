using System.Collections.Generic;
using NdBindgen;

namespace Mistakes;

public class Functions
{
    [PyFunction] public double NotStatic(double x) => x;                           // expect NDB0001
    [PyFunction] public static double TakesObject(object thing) => 0;             // expect NDB0002
    [PyFunction] public static Guid ReturnsGuid() => Guid.Empty;                 // expect NDB0003
    [PyFunction] public static double Decimals(NdView<decimal> values) => 0;      // expect NDB0004
    [PyFunction("class")] public static int Keyword() => 0;                       // expect NDB0006
    [PyFunction] public static T Generic<T>(T x) => x;                            // expect NDB0008
    [PyFunction] public static void ByRef(ref double x) => x++;                   // expect NDB0009
    [PyFunction] private static int Hidden() => 0;                                // expect NDB0010
    [PyFunction] public static double NaNDefault(double x = double.NaN) => x;     // expect NDB0011
    [PyFunction] public static double Flat([Ndim(2)] double x) => x;              // expect NDB0012
    [PyFunction] public static async Task<int> Later() { await Task.Yield(); return 1; }  // expect NDB0019
    [PyFunction] public static double Fine(double x) => x;                        // expect NDB0005
    [PyFunction] public static double Twice(double x) => 2 * x;
    [PyFunction] public static double Twice(float x) => 2 * x;                    // expect NDB0023
}

// The duplicate is reported on the export that sorts second (by type name): Functions.Fine.
public static class Clash
{
    [PyFunction] public static double Fine(double x) => x;
}

[PyClass] public class NotPartial { }                                             // expect NDB0013
[PyClass] public partial record Reading(double Value);                            // expect NDB0013

[PyClass] public partial class TwoConstructors { public TwoConstructors() { } public TwoConstructors(int x) { } }  // expect NDB0014

[PyClass] public partial class Registry
{
    private readonly Dictionary<string, PyRef> _byName = new();                   // expect NDB0015
}

[PyClass] public partial class Shape
{
    public Shape() { }
    [PyClassMethod] public Shape Make() => this;                                  // expect NDB0016
    [PyMethod, PyFunction] public static int Both() => 0;                         // expect NDB0017
}

[PyClass] public partial class Meter
{
    [PyMethod] public double Read() => 0;
    [PyMethod] public static double Read(double scale) => scale;                  // expect NDB0025
}

[PyClass] public partial class Tank
{
    [PyProperty] public double Size { get; set; }
    [PyMethod("size")] public double GetSize() => 0;                             // expect NDB0027
}

[PyClass] public class Account { }                                                // expect NDB0013
[PyClass] public partial class Savings : Account { }                              // expect NDB0026

[PyClass] public partial class Ledger : IPyTraverse { public int Traverse(PyVisit v) => 0; public void Clear() { } }
[PyClass] public partial class Journal : Ledger { [PyProperty] public PyRef? Entry { get; set; } }   // expect NDB0033

public class Plain
{
    [PyMethod] public int Area() => 0;                                            // expect NDB0018
}

public static class Gil
{
    [PyFunction] public static double Work(Python py, NdViewMut<double> a) =>
        py.AllowThreads(a, v => { Python.AssumeGilHeld().CheckSignals(); return 0.0; });   // expect NDB0020
}

public static unsafe class Escapes
{
    private static double* s_kept;
    [PyFunction] public static void Keep(NdViewMut<double> values)
    {
        if (values.TryGetSpan(out var span)) fixed (double* p = span) s_kept = p;  // expect NDB0021
    }
}

public static class Limits
{
    [PyConstant] public static readonly object Anything = new();                 // expect NDB0040
}

[PySubmodule] public class Stats { }                                             // expect NDB0041

[PyClass(Submodule = typeof(Limits))] public partial class Gauge { }             // expect NDB0042

[PyClass(ContextManager = true)] public partial class Session { }                 // expect NDB0039
[PyClass] public partial struct Label { [PyProperty] public string Text; }         // expect NDB0047
[PyClass(Dict = true)] public partial struct Loose { }                            // expect NDB0048
[PyClass(Pickle = true)] public partial class Dice
{
    public Dice(int sides, int seed) => Sides = sides;                            // expect NDB0044
    [PyProperty] public int Sides { get; }
}

public enum Mode
{
    FooBar = 1,
    Foo_Bar = 2,                                                                  // expect NDB0032
}

public static class Modes
{
    [PyFunction] public static Mode Switch(Mode m) => m;
}

[PyClass] public partial class Sensor
{
    [PyMethod] public virtual double Mean(NdView<double> samples) => 0;           // expect NDB0035
}

[PyException] public class NotAnException { }                                     // expect NDB0045
[PyException] public class MalformedException(string m) : Exception(m)
{
    public object Context { get; } = new();                                       // expect NDB0046
}
