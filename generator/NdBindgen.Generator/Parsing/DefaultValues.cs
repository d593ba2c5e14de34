using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// A parameter's C# default value written twice: as a C# literal for the wrapper and as a Python literal for the
/// signature.
/// </summary>
internal static class DefaultValues
{
    /// <summary>False when the value has no Python literal (NaN, infinities, an empty array view).</summary>
    public static bool TryFormat(IParameterSymbol parameter, ITypeSymbol valueType, out string csharp,
        out string python)
    {
        return TryFormat(parameter.ExplicitDefaultValue, valueType, out csharp, out python);
    }

    /// <summary>A constant value (a default, a const) as C# and Python literals; false when Python has none.</summary>
    public static bool TryFormat(object? value, ITypeSymbol valueType, out string csharp, out string python)
    {
        ITypeSymbol underlying = valueType is INamedTypeSymbol { OriginalDefinition.SpecialType:
            SpecialType.System_Nullable_T } n ? n.TypeArguments[0] : valueType;
        if (value is not null && underlying is INamedTypeSymbol { TypeKind: TypeKind.Enum } e)
            return FormatEnum(e, value, out csharp, out python);
        switch (value)
        {
            case decimal:
                // Decimal('0.2') is a call, which neither __text_signature__ nor a stub default may hold (NDB0011).
                csharp = python = "";
                return false;
            case null when valueType.IsRefLikeType:
                // default(NdView<T>) views no memory: there is no array Python could pass for it.
                csharp = python = "";
                return false;
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
                // A suffix where C# has one; the narrow types have none, so they are cast.
                csharp = value switch
                {
                    int => text,
                    uint => text + "U",
                    long => text + "L",
                    ulong => text + "UL",
                    sbyte => "(sbyte)" + text,
                    byte => "(byte)" + text,
                    short => "(short)" + text,
                    ushort => "(ushort)" + text,
                    _ => $"({ConversionTable.FullName(valueType)}){text}",
                };
                python = text;
                return true;
        }
    }

    /// <summary>An enum default: its member (Color.Blue, Python Color.BLUE), else a cast of its value.</summary>
    private static bool FormatEnum(INamedTypeSymbol e, object value, out string csharp, out string python)
    {
        string full = ConversionTable.FullName(e);
        string text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0";
        foreach (IFieldSymbol f in System.Linq.Enumerable.OfType<IFieldSymbol>(e.GetMembers()))
        {
            if (!f.HasConstantValue || !Equals(f.ConstantValue, value)) continue;
            csharp = full + "." + PythonIdentifiers.CSharpIdentifier(f.Name);
            python = ConversionTable.Enum(e).PythonName + "." + PythonIdentifiers.ToUpperSnakeCase(f.Name);
            return true;
        }
        csharp = $"({full})({text})";
        python = text;
        return true;
    }

    private static bool TryFloat(double value, string text, string suffix, out string csharp, out string python)
    {
        csharp = python = "";
        if (double.IsNaN(value) || double.IsInfinity(value)) return false;
        csharp = text + suffix;
        python = text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text.Replace("E", "e") : text + ".0";
        return true;
    }

    /// <summary>
    /// A Python str literal in ASCII only: CPython requires __text_signature__ to be ASCII, so
    /// everything else is written as \xNN, \uNNNN or \UNNNNNNNN escapes.
    /// </summary>
    private static string PythonString(string s)
    {
        var sb = new System.Text.StringBuilder("'");
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\'': sb.Append("\\'"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c >= ' ' && c < 0x7f) sb.Append(c);
                    else if (c < 0x100) sb.Append("\\x").Append(((int)c).ToString("x2"));
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        sb.Append("\\U").Append(char.ConvertToUtf32(c, s[++i]).ToString("x8"));
                    else sb.Append("\\u").Append(((int)c).ToString("x4"));
                    break;
            }
        }
        return sb.Append('\'').ToString();
    }
}
