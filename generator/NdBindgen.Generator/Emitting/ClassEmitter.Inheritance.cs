using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// A [PyClass] deriving from another: its own Python type beside the inherited link to its Python object, the
/// lineage its type is created with, and GC traversal chained through the levels.
/// </summary>
internal static partial class ClassEmitter
{
    /// <summary>
    /// The link to the Python object is the base's (one per object); the type is this class's own: IPyClass is
    /// re-implemented for it, and for the object's own type (a Derived held as a Base is wrapped as a Derived).
    /// </summary>
    private static void EmitDerivedLink(SourceWriter w)
    {
        w.Line("/// <summary>The Python type of this class, created when the module is imported (after its base's)."
            + "</summary>");
        w.Line(Hidden);
        w.Line($"internal static new {TypeObject} __NdBindgenPythonType;");
        w.Line();
        w.Line($"static {TypeObject} {R.IPyClass}.PythonType => __NdBindgenPythonType;");
        w.Line();
        w.Line($"{TypeObject} {R.IPyClass}.OwnPythonType => __NdBindgenPythonType;");
    }

    /// <summary>
    /// The arguments of the Create overload for a derived or non-constructible class: the base's type (created
    /// before), the depth, how Python constructs it. Nothing for a plain class (the first overload).
    /// </summary>
    private static void EmitLineage(SourceWriter w, ClassExportModel c)
    {
        if (c.Base is null && c.Construction == Construction.Constructor) return;
        string baseType = c.Base is { } b ? $"{b.FullType}.__NdBindgenPythonType" : "null";
        w.Line($"    @base: {baseType}, depth: {c.Base?.Depth ?? 0}, "
            + $"construction: {R.PyConstruction}.{c.Construction},");
    }

    /// <summary>
    /// Traversal over several levels: the first level with references implements IPyTraverse through protected
    /// virtual methods; each level below with references of its own overrides them, calling its base's first.
    /// </summary>
    private static void EmitChainedTraverse(SourceWriter w, GcModel gc)
    {
        bool root = gc.Chain == GcChain.VirtualRoot;
        string modifier = root ? "protected virtual" : "protected override";
        if (root)
        {
            w.Line();
            w.Line($"int {R.IPyTraverse}.Traverse({R.PyVisit} visit) => __NdBindgenTraverse(visit);");
            w.Line();
            w.Line($"void {R.IPyTraverse}.Clear() => __NdBindgenClear();");
        }
        w.Line();
        w.Line("/// <summary>Reports the references of this level and those above it (tp_traverse).</summary>");
        w.Line(Hidden);
        w.Open($"{modifier} int __NdBindgenTraverse({R.PyVisit} visit)");
        if (root)
        {
            w.Line("int r;");
        }
        else
        {
            w.Line("int r = base.__NdBindgenTraverse(visit);");
            w.Line("if (r != 0) return r;");
        }
        foreach (TraverseMember m in gc.Members)
            EachReference(w, m, item => $"if ((r = visit.Visit({item})) != 0) return r;");
        w.Line("return 0;");
        w.Close();
        w.Line();
        w.Line("/// <summary>Releases the references of this level and those above it (tp_clear).</summary>");
        w.Line(Hidden);
        w.Open($"{modifier} void __NdBindgenClear()");
        if (!root) w.Line("base.__NdBindgenClear();");
        foreach (TraverseMember m in gc.Members) EachReference(w, m, item => $"{item}?.Dispose();");
        w.Close();
    }
}
