using System.Collections.Generic;
using System.Linq;
using System.Text;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// The [PyException] classes in the stubs: <c>class ParseError(ValueError):</c>, the docstring, and an annotation per
/// attribute the class adds (<c>line: int</c>); a marked base of another (sub)module imported privately.
/// </summary>
internal static partial class StubEmitter
{
    private static IEnumerable<ExceptionModel> ExceptionsOf(ModuleModel m, string? submodule) =>
        m.Exceptions.Where(e => e.Submodule == submodule);

    private static string Exception(ExceptionModel e)
    {
        var sb = new StringBuilder();
        sb.Append("class ").Append(e.PythonName).Append('(').Append(BaseName(e.Base, e.Submodule)).Append("):");
        string? doc = ExceptionEmitter.Docstring(e);
        var own = e.Attributes.Where(a => !a.Inherited).ToList();
        if (doc is null && own.Count == 0) return sb.Append(" ...").ToString();
        if (doc is not null) sb.Append('\n').Append(I).Append(DocString(doc, I));
        foreach (ExceptionAttributeModel a in own)
            sb.Append('\n').Append(I).Append(a.PythonName).Append(": ").Append(Annotation(a.Type));
        return sb.ToString();
    }

    /// <summary>A marked base of another stub, by the name its private import gives it.</summary>
    private static string BaseName(ExceptionBaseModel b, string? here) =>
        b.Kind == ExceptionBaseKind.Marked && b.Submodule != here ? "_" + b.PythonName : b.PythonName;

    /// <summary>
    /// <c>from module.sub import ParseError as _ParseError</c> for each marked base of another stub (an import with
    /// another name is no re-export, and cannot clash with a name of this stub).
    /// </summary>
    private static void AppendForeignExceptionBases(StringBuilder sb, ModuleModel m, string? here)
    {
        var foreign = ExceptionsOf(m, here).Select(e => e.Base)
            .Where(b => b.Kind == ExceptionBaseKind.Marked && b.Submodule != here)
            .Select(b => (b.Submodule, b.PythonName)).Distinct()
            .OrderBy(b => b.Submodule ?? "", System.StringComparer.Ordinal)
            .ThenBy(b => b.PythonName, System.StringComparer.Ordinal).ToList();
        if (foreign.Count > 0) sb.Append('\n');
        foreach (var (submodule, name) in foreign)
        {
            sb.Append("from ").Append(m.ModuleName).Append(submodule is null ? "" : "." + submodule).Append(" import ")
              .Append(name).Append(" as _").Append(name).Append('\n');
        }
    }
}
