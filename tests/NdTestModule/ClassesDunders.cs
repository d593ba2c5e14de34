using System;
using System.Globalization;
using NdBindgen;

namespace NdTestModule;

/// <summary>A temperature: dunders Python calls as methods of the type, written as [PyMethod("__name__")].</summary>
[PyClass]
public sealed partial class Temperature
{
    /// <param name="celsius">Degrees Celsius.</param>
    public Temperature(double celsius) => Celsius = celsius;

    /// <summary>Degrees Celsius.</summary>
    [PyProperty]
    public double Celsius { get; }

    /// <summary>format(t, spec): the spec applies to the number; a trailing 'F' shows Fahrenheit.</summary>
    /// <param name="spec">The format spec after the colon.</param>
    /// <returns>The formatted temperature.</returns>
    [PyMethod("__format__")]
    public string Format(string spec)
    {
        bool fahrenheit = spec.EndsWith('F');
        double value = fahrenheit ? Celsius * 9 / 5 + 32 : Celsius;
        string number = spec.TrimEnd('F') switch
        {
            "" => value.ToString("R", CultureInfo.InvariantCulture),
            ['.', .. var digits, 'f'] when int.TryParse(digits, out int n) =>
                value.ToString("F" + n, CultureInfo.InvariantCulture),
            var other => throw new ArgumentException($"unsupported format spec '{other}' for Temperature"),
        };
        return number + (fahrenheit ? " °F" : " °C");
    }

    /// <summary>round(t): the nearest int, as round() does for float.</summary>
    /// <returns>The rounded value.</returns>
    [PyMethod("__round__")]
    public long Round() => (long)Math.Round(Celsius, MidpointRounding.ToEven);

    /// <summary>round(t, n): a Temperature rounded to n digits (a C# overload of the same dunder).</summary>
    /// <param name="ndigits">Digits after the point.</param>
    /// <returns>The rounded temperature.</returns>
    [PyMethod("__round__")]
    public Temperature Round(int ndigits) => new(Math.Round(Celsius, ndigits, MidpointRounding.ToEven));

    /// <summary>bytes(t): the value as UTF-8 text.</summary>
    /// <returns>The bytes.</returns>
    [PyMethod("__bytes__")]
    public byte[] Bytes() => System.Text.Encoding.UTF8.GetBytes(Celsius.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>math.trunc(t): towards zero.</summary>
    /// <returns>The value.</returns>
    [PyMethod("__trunc__")]
    public long Trunc() => (long)Math.Truncate(Celsius);
}
