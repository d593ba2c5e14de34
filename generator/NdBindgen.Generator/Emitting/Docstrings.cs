using System.Linq;
using System.Text;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// The docstrings CPython shows (and reads <c>__text_signature__</c> from), rendered from the models' facts.
/// </summary>
internal static class Docstrings
{
    /// <summary>The generated <c>__reduce__</c>'s.</summary>
    public const string Reduce = "__reduce__($self)\n--\n\nHelper for pickle: the constructor's arguments, read "
        + "back from the properties, and the settable properties' values.";

    /// <summary>The <c>__reduce__</c> of a class the generator cannot rebuild.</summary>
    public const string ReduceRefused = "__reduce__($self)\n--\n\nRaises TypeError: the generated __reduce__ cannot "
        + "rebuild this class (the message says why and what to write instead).";

    /// <summary>
    /// A first line "name($module, x, y=2.0)\n--\n\n" that <c>inspect.signature</c> reads as
    /// <c>__text_signature__</c>, then the doc comment.
    /// </summary>
    public static string Function(FunctionModel f)
    {
        // The first parameter inspect strips: $module for functions, $self for methods, $type for classmethods.
        string? bound = f.Kind switch
        {
            CallKind.ModuleFunction => "$module",
            CallKind.Instance => "$self",
            CallKind.ClassMethod => "$type",
            _ => null,
        };
        var names = SignatureText.Parameters(f.Parameters, Text, p => p.PythonName);
        string parameters = string.Join(", ", bound is null ? names : new[] { bound }.Concat(names));
        // CPython needs the blank line after "--" even when no doc follows.
        return $"{f.PythonName}({parameters})\n--\n\n" + (DocstringBody.Of(f) ?? "");
    }

    /// <summary>
    /// A class: its constructor's text signature, the class's doc, then the constructor's; several
    /// constructors as an overloaded function's, with the class's doc between signatures and docs.
    /// The signature has no <c>$type</c>: <c>inspect.signature</c> reads a class's
    /// <c>__text_signature__</c> as the call of the class, and would show <c>$type</c> as a parameter.
    /// </summary>
    public static string? Class(ClassExportModel c)
    {
        // Not constructible from Python: no signature to show, only the doc (or none).
        if (c.Construction != Construction.Constructor)
            return DocstringBody.Of(c.Summary) is { Length: > 0 } doc ? doc.TrimEnd('\n') + "\n" : null;
        if (c.Constructor.Overloads is { } constructors) return Overloads(constructors, DocstringBody.Of(c.Summary));
        var parameters = SignatureText.Parameters(c.Constructor.Parameters, Text, p => p.PythonName);
        // CPython splits the signature off only up to ")\n--\n\n", blank line included, even with no doc after it.
        string header = $"{c.PythonName}({string.Join(", ", parameters)})\n--\n\n";
        string text = ClassText(c).TrimEnd('\n');
        return text.Length == 0 ? header : header + text + "\n";
    }

    /// <summary>The class's doc and its single constructor's, as the stub's class docstring shows them.</summary>
    public static string ClassText(ClassExportModel c) =>
        string.Join("\n\n", new[] { DocstringBody.Of(c.Summary), DocstringBody.Of(c.Constructor) }
            .Where(d => !string.IsNullOrEmpty(d)));

    /// <summary>
    /// A single text signature cannot describe overloads, so the docstring starts with every
    /// signature (no "--" marker: <c>__text_signature__</c> is None), then each one's own doc, as
    /// nanobind's does. A class's doc (<paramref name="summary"/>) goes between its constructors'
    /// signatures and their docs.
    /// </summary>
    public static string Overloads(OverloadSetModel set, string? summary = null)
    {
        var sb = new StringBuilder();
        foreach (FunctionModel f in set.Overloads) sb.Append(Signature(f)).Append('\n');
        if (!string.IsNullOrEmpty(summary)) sb.Append('\n').Append(summary!.TrimEnd('\n')).Append('\n');
        sb.Append("\nOverloaded function.\n");
        int n = 0;
        foreach (FunctionModel f in set.Overloads)
        {
            sb.Append('\n').Append(++n).Append(". ").Append(Signature(f)).Append('\n');
            string? doc = DocstringBody.Of(f);
            if (string.IsNullOrEmpty(doc)) continue;
            sb.Append('\n');
            foreach (string line in doc!.Split('\n')) sb.Append(line.Length == 0 ? "" : "    " + line).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>The overload as Python shows it: "length(x: float, y: float = 1.0) -> float".</summary>
    public static string Signature(FunctionModel f)
    {
        var parameters = SignatureText.Parameters(f.Parameters, p =>
            $"{p.PythonName}: {PythonType(p.Type)}" + (p.HasDefault ? " = " + p.DefaultPython : ""),
            p => $"{p.PythonName}: {PythonType(p.Type)}");
        string call = $"{f.PythonName}({string.Join(", ", parameters)})";
        // A constructor as Python calls it, the class, with no result type: "Point(x: float, y: float)".
        if (f.Kind == CallKind.Constructor) return call;
        string returns = f.Return.Kind == ValueKind.Void ? "None" : PythonType(f.Return);
        return $"{call} -> {returns}";
    }

    // A parameter as __text_signature__ writes it: "x", "y=2.0".
    private static string Text(ParameterModel p) => p.HasDefault ? $"{p.PythonName}={p.DefaultPython}" : p.PythonName;

    private static string PythonType(TypeModel t) => t.AcceptsNone ? t.PythonType + " | None" : t.PythonType;
}
