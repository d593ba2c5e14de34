using System.Collections.Generic;
using System.Text;

namespace NdBindgen.Generator.Parsing;

/// <summary>Python naming: snake_case from C# names, and what Python accepts as an identifier.</summary>
internal static class PythonIdentifiers
{
    private static readonly HashSet<string> s_keywords = new()
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    /// <summary>A C# member name as code writes it: a keyword escaped (@class).</summary>
    public static string CSharpIdentifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            ? name
            : "@" + name;

    /// <summary>A member of an enum the Python way: DarkRed -> DARK_RED, HTTPCode -> HTTP_CODE.</summary>
    public static string ToUpperSnakeCase(string name) => ToSnakeCase(name).ToUpperInvariant();

    /// <summary>
    /// AddScalarToArray -> add_scalar_to_array, HTTPServer -> http_server, otherPoint -> other_point,
    /// Vector3D -> vector3d. A word starts at an upper-case letter that follows a lower-case one,
    /// or that ends a run of capitals followed by a lower-case letter.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        name = name.TrimStart('@');
        var sb = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool afterLower = i > 0 && char.IsLower(name[i - 1]);
                bool endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length
                    && char.IsLower(name[i + 1]);
                if ((afterLower || endsAcronym) && sb.Length > 0 && sb[sb.Length - 1] != '_') sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Why <paramref name="name"/> cannot be a Python identifier, or null when it can.</summary>
    public static string? WhyNotIdentifier(string name)
    {
        if (name.Length == 0) return " (it is empty)";
        if (s_keywords.Contains(name)) return " (it is a Python keyword)";
        if (!(char.IsLetter(name[0]) || name[0] == '_')) return " (it must start with a letter or underscore)";
        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_')) return $" (it contains '{c}')";
        }
        return null;
    }

    /// <summary>
    /// The nearest valid Python identifier, for the code fix: a keyword gets a trailing underscore
    /// (class -> class_), any other character becomes '_' (two words -> two_words), and a leading
    /// digit gets a leading '_' (2fast -> _2fast). Empty stays empty: there is nothing to be near.
    /// </summary>
    public static string ToIdentifier(string name)
    {
        if (name.Length == 0) return name;
        var sb = new StringBuilder(name.Length + 1);
        foreach (char c in name) sb.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        if (!(char.IsLetter(sb[0]) || sb[0] == '_')) sb.Insert(0, '_');
        string result = sb.ToString();
        return s_keywords.Contains(result) ? result + "_" : result;
    }
}
