using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Parsing;

/// <summary>
/// Reads a C# XML doc comment into a <see cref="DocModel"/>: summary, remarks, each parameter's,
/// the result's and each exception's text, in Python's words. Emitting lays it out as a
/// numpy-style docstring.
/// </summary>
internal static class DocComments
{
    /// <summary>The doc comment's content, or null when there is none (or its XML is malformed).</summary>
    /// <param name="raisedAs">
    /// The Python exception an &lt;exception cref="..."/&gt; becomes, by the cref's documentation id
    /// (<see cref="ExceptionParser.RaisedAs"/>: [PyException] classes and the runtime's table); null, or a null answer,
    /// falls back to the .NET name alone.
    /// </param>
    public static DocModel? Parse(string? xml, Func<string, string> pythonNameOf,
        Func<string, string?>? raisedAs = null)
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
        var parameters = root.Elements("param")
            .Select(e => new ParamDoc((string?)e.Attribute("name") ?? "", Text(e, pythonNameOf)));
        var raises = root.Elements("exception").Select(e => (Cref: (string?)e.Attribute("cref") ?? "", Element: e))
            .Select(x => new RaisesDoc(raisedAs?.Invoke(x.Cref) ?? PythonExceptionName(ShortName(x.Cref)),
                Text(x.Element, pythonNameOf)));
        return new DocModel(
            Text(root.Element("summary"), pythonNameOf),
            Text(root.Element("remarks"), pythonNameOf),
            parameters.ToImmutableArray(),
            Text(root.Element("returns"), pythonNameOf),
            raises.ToImmutableArray());
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
