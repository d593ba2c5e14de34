using System.Collections.Generic;
using System.Linq;
using System.Text;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Emitting;

/// <summary>One parameter as a docstring's Parameters section lists it: "other_point : float, optional".</summary>
internal sealed record DocParam(string CSharpName, string PythonName, string PythonType);

/// <summary>
/// A <see cref="DocModel"/> laid out as a numpy-style docstring body: the summary and remarks,
/// then Parameters, Returns and Raises sections, as help() and IDEs expect.
/// </summary>
internal static class DocstringBody
{
    /// <summary>
    /// A function's, method's or constructor overload's doc, with its Python types (a generic
    /// one's unions across its dtypes).
    /// </summary>
    public static string? Of(FunctionModel f)
    {
        GenericModel? g = f.Generic;
        var parameters = f.PythonParameters.Select((p, i) => new DocParam(p.CSharpName, p.PythonName,
            (g is not null && g.MentionsT.Contains(i) ? GenericNames.PythonType(g, i) : p.Type.PythonType)
                + (p.HasDefault ? ", optional" : ""))).ToList();
        parameters.AddRange(f.Parameters.Where(p => p.IsVariadic).OrderBy(p => p.Kind).Select(Variadic));
        string? returns = f.Kind == CallKind.Constructor || f.Return.Kind == ValueKind.Void ? null
            : g is { ReturnMentionsT: true } ? GenericNames.PythonType(g, -1)
            : f.Return.PythonType;
        return Render(f.Doc, parameters, returns);
    }

    /// <summary>A single constructor's doc: its Parameters (documented, or just named and typed).</summary>
    public static string? Of(ConstructorModel c) => Render(c.Doc, c.Parameters.Where(p => p.IsNamed)
        .Select(p => new DocParam(p.CSharpName, p.PythonName, p.Type.PythonType + (p.HasDefault ? ", optional" : "")))
        .Concat(c.Parameters.Where(p => p.IsVariadic).OrderBy(p => p.Kind).Select(Variadic)).ToList(), null);

    // numpydoc's way: "*args : float", "**kwargs : float" (each element's type), after the named parameters.
    private static DocParam Variadic(ParameterModel p) =>
        new(p.CSharpName, (p.Kind == ParameterKind.VarArgs ? "*" : "**") + p.PythonName,
            p.Type.AcceptsNone ? p.Type.PythonType + " | None" : p.Type.PythonType);

    /// <summary>A doc without parameters or result (a class's summary, a property's).</summary>
    public static string? Of(DocModel? doc) => Render(doc, new List<DocParam>(), null);

    /// <summary>The docstring body, or null when there is no doc comment.</summary>
    public static string? Render(DocModel? doc, IReadOnlyList<DocParam> parameters, string? returnType)
    {
        if (doc is null) return null;
        var sb = new StringBuilder();
        if (doc.Summary.Length > 0) sb.Append(doc.Summary);
        if (doc.Remarks.Length > 0) sb.Append("\n\n").Append(doc.Remarks);
        if (parameters.Count > 0)
        {
            Section(sb, "Parameters");
            foreach (DocParam p in parameters)
            {
                sb.Append('\n').Append(p.PythonName).Append(" : ").Append(p.PythonType);
                if (doc.Parameter(p.CSharpName) is { Length: > 0 } text) sb.Append("\n    ").Append(Indent(text));
            }
        }
        if (returnType is not null && (doc.Returns.Length > 0 || parameters.Count > 0))
        {
            Section(sb, "Returns");
            sb.Append('\n').Append(returnType);
            if (doc.Returns.Length > 0) sb.Append("\n    ").Append(Indent(doc.Returns));
        }
        if (doc.Raises.Length > 0)
        {
            Section(sb, "Raises");
            foreach (RaisesDoc e in doc.Raises)
            {
                sb.Append('\n').Append(e.Exception);
                if (e.Text.Length > 0) sb.Append("\n    ").Append(Indent(e.Text));
            }
        }
        return sb.ToString().Trim('\n');
    }

    private static void Section(StringBuilder sb, string title)
    {
        if (sb.Length > 0) sb.Append("\n\n");
        sb.Append(title).Append('\n').Append('-', title.Length);
    }

    private static string Indent(string text) => text.Replace("\n", "\n    ");
}
