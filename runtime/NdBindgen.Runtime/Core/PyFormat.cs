using System.Globalization;

namespace NdBindgen;

/// <summary>Text as Python writes it, for <c>__repr__</c> and <c>__str__</c> written in C#.</summary>
public static class PyFormat
{
    /// <summary><c>repr(float)</c>: 1.0, 0.1, 1e+20, inf, nan (C# would write 1, 0.1, 1E+20, ∞, NaN).</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E');
        if (e >= 0)
        {
            // 1E+20 -> 1e+20, 1.5E-07 -> 1.5e-07
            string mantissa = r[..e], exponent = r[(e + 1)..];
            string sign = exponent.StartsWith('-') ? "-" : "+";
            string digits = exponent.TrimStart('+', '-').PadLeft(2, '0');
            return $"{mantissa}e{sign}{digits}";
        }
        return r.Contains('.') ? r : r + ".0";
    }
}
