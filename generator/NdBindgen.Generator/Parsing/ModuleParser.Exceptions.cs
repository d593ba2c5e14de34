using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Parsing;

internal static partial class ModuleParser
{
    private const string ExceptionRename = "[PyException(\"...\")]";

    /// <summary>
    /// The [PyException] classes, each claiming its name in its (sub)module (NDB0005 for a second export of the
    /// name), in registration order: by Python name, each moved after its marked base. Those of a submodule that was
    /// refused are left out (its own diagnostic says why).
    /// </summary>
    private static ImmutableArray<ExceptionModel> Exceptions(ImmutableArray<ExceptionModel> exceptions, string module,
        Dictionary<string, Owner> seen, Dictionary<string, Dictionary<string, Owner>> submodules,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var kept = new List<ExceptionModel>();
        foreach (ExceptionModel e in exceptions.OrderBy(e => e.Submodule ?? "", System.StringComparer.Ordinal)
                     .ThenBy(e => e.PythonName, System.StringComparer.Ordinal)
                     .ThenBy(e => e.FullType, System.StringComparer.Ordinal))
        {
            Dictionary<string, Owner>? names = e.Submodule is null ? seen
                : submodules.TryGetValue(e.Submodule, out var inSubmodule) ? inSubmodule : null;
            if (names is null) continue;
            string where = e.Submodule is null ? module : module + "." + e.Submodule;
            var owner = new Owner($"exception class '{e.Display}'", ExceptionRename);
            if (Duplicate(e.PythonName, e.Display, owner, e.Location, where, names, diagnostics)) continue;
            kept.Add(e.WithoutLocation());
        }
        // Bases first: a class's Python base must exist when the class is made.
        var byType = kept.ToDictionary(e => e.FullType);
        var done = new HashSet<string>();
        var ordered = ImmutableArray.CreateBuilder<ExceptionModel>();
        void Visit(ExceptionModel e)
        {
            if (!done.Add(e.FullType)) return;
            if (e.Base.Kind == ExceptionBaseKind.Marked && byType.TryGetValue(e.Base.CSharpType, out var marked))
                Visit(marked);
            ordered.Add(e);
        }
        foreach (ExceptionModel e in kept) Visit(e);
        return ordered.ToImmutable();
    }
}
