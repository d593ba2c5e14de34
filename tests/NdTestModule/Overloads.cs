using System.Globalization;
using NdBindgen;

namespace NdTestModule;

/// <summary>
/// C# overloads exported under one Python name: one callable that calls the first overload the
/// arguments fit, every argument of its exact type first, then allowing conversions. Each returns
/// which overload ran, for tests/python/test_overloads.py. (nd_test.describe is ArrayLayouts.Describe: another C# name.)
/// </summary>
public static class Overloads
{
    // bool before int: True is exactly a bool, and mypy wants the narrower overload first.

    /// <summary>The bool overload.</summary>
    [PyFunction]
    public static string Kind(bool x) => "bool:" + (x ? "True" : "False");

    /// <summary>The integer overload.</summary>
    [PyFunction]
    public static string Kind(long x) => "int:" + x.ToString(CultureInfo.InvariantCulture);

    /// <summary>The float overload.</summary>
    [PyFunction]
    public static string Kind(double x) => "float:" + x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The str overload.</summary>
    [PyFunction]
    public static string Kind(string x) => "str:" + x;

    /// <summary>The float64 array overload.</summary>
    [PyFunction]
    public static string Kind(NdView<double> x) => "float64 array:" + x.Length.ToString(CultureInfo.InvariantCulture);

    /// <summary>The int64 array overload.</summary>
    [PyFunction]
    public static string Kind(NdView<long> x) => "int64 array:" + x.Length.ToString(CultureInfo.InvariantCulture);

    /// <summary>The [PyClass] overload.</summary>
    [PyFunction]
    public static string Kind(Money x) => "money:" + x.Cents.ToString(CultureInfo.InvariantCulture) + " " + x.Currency;

    /// <summary>Two floats: told apart from the one-float overload by arity.</summary>
    [PyFunction]
    public static string Kind(double x, double y) =>
        "point:" + x.ToString("R", CultureInfo.InvariantCulture) + "," + y.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Text repeated: a second two-argument overload, for keyword calls.</summary>
    [PyFunction]
    public static string Kind(string text, int times = 2) => "repeat:" + string.Concat(System.Linq.Enumerable.Repeat(text, times));

    /// <summary>The integer overload, declared first (there is no bool overload).</summary>
    [PyFunction]
    public static string Pick(long x) => "int:" + x.ToString(CultureInfo.InvariantCulture);

    /// <summary>The float overload.</summary>
    [PyFunction]
    public static string Pick(double x) => "float:" + x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A str, required.</summary>
    [PyFunction]
    public static string Optional(string text) => "text:" + text;

    /// <summary>A float or None, optional.</summary>
    [PyFunction]
    public static string Optional(double? x = null) => x is null ? "none" : "float:" + x.Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Zeroes a writable array in place; a read-only one does not fit.</summary>
    [PyFunction]
    public static string Clear(NdViewMut<double> values)
    {
        values.Fill(0.0);
        return "zeroed";
    }

    /// <summary>A name to clear.</summary>
    [PyFunction]
    public static string Clear(string name) => "cleared " + name;
}

/// <summary>
/// Overloaded members of a [PyClass]: four constructors under one __init__, and instance, static and
/// class methods of several C# overloads each under one name. Each says which overload ran
/// (constructors in <see cref="Made"/>), for tests/python/test_overloads.py. Not sealed: Python
/// subclasses construct through tp_new, which dispatches the same way.
/// </summary>
[PyClass]
public partial class Reading
{
    /// <summary>From a count.</summary>
    /// <param name="count">How many.</param>
    [PyConstructor]
    public Reading(long count) => Made = "int:" + count.ToString(CultureInfo.InvariantCulture);

    /// <summary>From a measured value.</summary>
    [PyConstructor]
    public Reading(double value) => Made = "float:" + value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>From a label, repeated.</summary>
    [PyConstructor]
    public Reading(string text, int times = 2) => Made = "repeat:" + string.Concat(System.Linq.Enumerable.Repeat(text, times));

    /// <summary>From an array of samples.</summary>
    [PyConstructor]
    public Reading(NdView<double> samples) => Made = "float64 array:" + samples.Length.ToString(CultureInfo.InvariantCulture);

    /// <summary>Not for Python: no [PyConstructor].</summary>
    public Reading() => Made = "unreachable";

    /// <summary>Which constructor made this reading.</summary>
    [PyProperty]
    public string Made { get; }

    /// <summary>The bool overload.</summary>
    [PyMethod]
    public string Kind(bool x) => "bool:" + (x ? "True" : "False");

    /// <summary>The integer overload.</summary>
    [PyMethod]
    public string Kind(long x) => "int:" + x.ToString(CultureInfo.InvariantCulture);

    /// <summary>The float overload.</summary>
    [PyMethod]
    public string Kind(double x) => "float:" + x.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Text repeated.</summary>
    [PyMethod]
    public string Kind(string text, int times = 2) => "repeat:" + string.Concat(System.Linq.Enumerable.Repeat(text, times));

    /// <summary>Zeroes a writable array in place; a read-only one does not fit.</summary>
    [PyMethod]
    public string Kind(NdViewMut<double> values)
    {
        values.Fill(0.0);
        return "zeroed";
    }

    /// <summary>Another reading.</summary>
    [PyMethod]
    public string Kind(Reading other) => "reading:" + other.Made;

    /// <summary>A count, parsed.</summary>
    [PyMethod]
    public static string Parse(long x) => "int:" + x.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text, parsed.</summary>
    [PyMethod]
    public static string Parse(string text) => "str:" + text;

    /// <summary>A reading of a count, of the class it is called on.</summary>
    [PyClassMethod]
    public static Reading Of(long count) => new(count);

    /// <summary>A reading of a label, of the class it is called on.</summary>
    [PyClassMethod]
    public static Reading Of(string text) => new(text, 1);
}
