using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NdBindgen.Generator.Parsing;

/// <summary>A parameter's C# default value written twice: as a C# literal for the wrapper and as a Python literal for the signature.</summary>
internal static class DefaultValues
{
    /// <summary>False when the value has no Python literal (NaN, infinities).</summary>
    public static bool TryFormat(IParameterSymbol parameter, ITypeSymbol valueType, out string csharp, out string python)
    {
        object? value = parameter.ExplicitDefaultValue;
        switch (value)
        {
            case null:
                csharp = "null";
                python = "None";
                // "default" of a non-nullable value type is its zero.
                if (valueType.IsValueType && valueType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
                {
                    csharp = "default";
                    python = valueType.SpecialType switch
                    {
                        SpecialType.System_Boolean => "False",
                        SpecialType.System_Single or SpecialType.System_Double => "0.0",
                        _ => "0",
                    };
                }
                return true;
            case bool b:
                csharp = b ? "true" : "false";
                python = b ? "True" : "False";
                return true;
            case string s:
                csharp = SymbolDisplay.FormatLiteral(s, quote: true);
                python = PythonString(s);
                return true;
            case double d:
                return TryFloat(d, d.ToString("R", CultureInfo.InvariantCulture), "D", out csharp, out python);
            case float f:
                return TryFloat(f, f.ToString("R", CultureInfo.InvariantCulture), "F", out csharp, out python);
            default:
                string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0";
                csharp = value is ulong ? text + "UL" : value is long ? text + "L" : value is uint ? text + "U" : text;
                csharp = $"({ConversionTable.FullName(valueType)}){csharp}";
                python = text;
                return true;
        }
    }

    private static bool TryFloat(double value, string text, string suffix, out string csharp, out string python)
    {
        csharp = python = "";
        if (double.IsNaN(value) || double.IsInfinity(value)) return false;
        csharp = text + suffix;
        python = text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text.Replace("E", "e") : text + ".0";
        return true;
    }

    private static string PythonString(string s)
    {
        var sb = new System.Text.StringBuilder("'");
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return sb.Append('\'').ToString();
    }
}
