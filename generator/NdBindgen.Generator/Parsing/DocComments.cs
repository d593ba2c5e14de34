using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Turns a C# XML doc comment into a numpy-style Python docstring: the summary, then Parameters,
/// Returns and Raises sections, as help() and IDEs expect.
/// </summary>
internal static class DocComments
{
    public readonly struct Param
    {
        public Param(string csharpName, string pythonName, string pythonType)
        {
            CSharpName = csharpName;
            PythonName = pythonName;
            PythonType = pythonType;
        }

        public string CSharpName { get; }
        public string PythonName { get; }
        public string PythonType { get; }
    }

    /// <summary>The docstring body, or null when the method has no doc comment.</summary>
    public static string? ToDocstring(string? xml, IReadOnlyList<Param> parameters, string? returnType,
        Func<string, string> pythonNameOf)
    {
        if (string.IsNullOrWhiteSpace(xml)) return null;
        XElement root;
        try
        {
            root = XElement.Parse(xml, LoadOptions.None);
        }
        catch (XmlException)
        {
            return null;
        }

        var sb = new StringBuilder();
        string summary = Text(root.Element("summary"), pythonNameOf);
        if (summary.Length > 0) sb.Append(summary);
        string remarks = Text(root.Element("remarks"), pythonNameOf);
        if (remarks.Length > 0) sb.Append("\n\n").Append(remarks);

        var paramDocs = root.Elements("param")
            .ToDictionary(e => (string?)e.Attribute("name") ?? "", e => Text(e, pythonNameOf));
        if (parameters.Count > 0)
        {
            Section(sb, "Parameters");
            foreach (Param p in parameters)
            {
                sb.Append('\n').Append(p.PythonName).Append(" : ").Append(p.PythonType);
                if (paramDocs.TryGetValue(p.CSharpName, out string? doc) && doc.Length > 0)
                    sb.Append("\n    ").Append(Indent(doc));
            }
        }

        string returns = Text(root.Element("returns"), pythonNameOf);
        if (returnType is not null && (returns.Length > 0 || parameters.Count > 0))
        {
            Section(sb, "Returns");
            sb.Append('\n').Append(returnType);
            if (returns.Length > 0) sb.Append("\n    ").Append(Indent(returns));
        }

        var raises = root.Elements("exception").ToList();
        if (raises.Count > 0)
        {
            Section(sb, "Raises");
            foreach (XElement e in raises)
            {
                string cref = (string?)e.Attribute("cref") ?? "";
                sb.Append('\n').Append(PythonExceptionName(ShortName(cref)));
                string text = Text(e, pythonNameOf);
                if (text.Length > 0) sb.Append("\n    ").Append(Indent(text));
            }
        }
        return sb.ToString().Trim('\n');
    }

    /// <summary>The Python exception a .NET exception becomes (mirrors the runtime's PyErrors table).</summary>
    private static string PythonExceptionName(string dotnetName) => dotnetName switch
    {
        "KeyNotFoundException" => "KeyError",
        "IndexOutOfRangeException" => "IndexError",
        "ArgumentException" or "ArgumentOutOfRangeException" or "ArgumentNullException" => "ValueError",
        "OverflowException" => "OverflowError",
        "DivideByZeroException" => "ZeroDivisionError",
        "NotImplementedException" => "NotImplementedError",
        "OutOfMemoryException" => "MemoryError",
        _ => "RuntimeError",
    };

    private static void Section(StringBuilder sb, string title)
    {
        if (sb.Length > 0) sb.Append("\n\n");
        sb.Append(title).Append('\n').Append('-', title.Length);
    }

    private static string Indent(string text) => text.Replace("\n", "\n    ");

    private static string Text(XElement? element, Func<string, string> pythonNameOf)
    {
        if (element is null) return "";
        var sb = new StringBuilder();
        foreach (XNode node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    sb.Append(t.Value);
                    break;
                case XElement e when e.Name.LocalName is "paramref" or "typeparamref":
                    sb.Append(pythonNameOf((string?)e.Attribute("name") ?? ""));
                    break;
                case XElement e when e.Name.LocalName is "see" or "seealso":
                    string? word = (string?)e.Attribute("langword");
                    sb.Append(word switch
                    {
                        "null" => "None",
                        "true" => "True",
                        "false" => "False",
                        null => e.Value.Length > 0 ? e.Value : (string?)e.Attribute("href")
                            ?? ShortName((string?)e.Attribute("cref") ?? ""),
                        _ => word,
                    });
                    break;
                case XElement e when e.Name.LocalName is "c" or "code":
                    sb.Append('`').Append(e.Value).Append('`');
                    break;
                case XElement e when e.Name.LocalName == "para":
                    sb.Append("\n\n").Append(Text(e, pythonNameOf)).Append("\n\n");
                    break;
                case XElement e:
                    sb.Append(Text(e, pythonNameOf));
                    break;
            }
        }
        // Collapse the comment's line breaks and indentation; keep paragraph breaks.
        string[] paragraphs = Regex.Split(sb.ToString(), @"\n\s*\n");
        return string.Join("\n\n",
            paragraphs.Select(p => Regex.Replace(p, @"\s+", " ").Trim()).Where(p => p.Length > 0));
    }

    private static string ShortName(string cref)
    {
        int colon = cref.IndexOf(':');
        if (colon >= 0) cref = cref.Substring(colon + 1);
        int paren = cref.IndexOf('(');
        if (paren >= 0) cref = cref.Substring(0, paren);
        int dot = cref.LastIndexOf('.');
        return dot >= 0 ? cref.Substring(dot + 1) : cref;
    }
}
