using System;
using System.Globalization;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>Text as Python writes it, for <c>__repr__</c> and <c>__str__</c> written in C#.</summary>
public static class PyFormat
{
    /// <summary>The type's name as CPython's own messages print it (<c>tp_name</c>), "None" for None.</summary>
    internal static unsafe string TypeName(PyObject* o) =>
        o == Builtins.None ? "None" : Utf8.FromC(Py_TYPE(o)->tp_name);

    /// <summary><c>repr(float)</c>: 1.0, 0.1, 1e+20, inf, nan (C# would write 1, 0.1, 1E+20, ∞, NaN).</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        // The shortest round-trip digits (as Python's), laid out as Python's repr does: positional
        // when 1e-4 <= |x| < 1e16, else d.ddde+XX. C# switches to exponents elsewhere (1e16 is
        // "1e+16" in Python, "10000000000000000" in C#).
        string r = value.ToString("R", CultureInfo.InvariantCulture);
        string sign = r.StartsWith('-') ? "-" : "";
        if (sign.Length > 0) r = r[1..];
        int e = r.IndexOf('E');
        int exponent = e >= 0 ? int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture) : 0;
        string mantissa = e >= 0 ? r[..e] : r;
        int dot = mantissa.IndexOf('.');
        string digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        int point = (dot >= 0 ? dot : mantissa.Length) + exponent;   // value = 0.digits * 10^point
        int zeros = 0;
        while (zeros < digits.Length && digits[zeros] == '0') zeros++;
        digits = digits[zeros..].TrimEnd('0');
        point -= zeros;
        if (digits.Length == 0) return sign + "0.0";
        if (point > -4 && point <= 16)
        {
            if (point <= 0) return sign + "0." + new string('0', -point) + digits;
            if (point >= digits.Length) return sign + digits + new string('0', point - digits.Length) + ".0";
            return sign + digits[..point] + "." + digits[point..];
        }
        int x = point - 1;
        string fraction = digits.Length > 1 ? "." + digits[1..] : "";
        return $"{sign}{digits[0]}{fraction}e{(x < 0 ? "-" : "+")}{Math.Abs(x):D2}";
    }
}
