using System.Linq;
using NdBindgen.Generator.Model;
using R = NdBindgen.Generator.Naming.RuntimeNames;

namespace NdBindgen.Generator.Emitting;

/// <summary>
/// A [PyClass] partial struct: its value lives inside the Python object (runtime PyStructInstance). The struct
/// gains only its Python type; self is a reference into the object; numeric fields are member descriptors at their
/// offsets, which the generated Register measures on a default value.
/// </summary>
internal static partial class ClassEmitter
{
    /// <summary>The partial struct: IPyStruct, its Python type.</summary>
    private static void EmitStructUserPart(SourceWriter w, ClassModel c)
    {
        bool ns = c.Namespace.Length > 0;
        if (ns) w.Open($"namespace {c.Namespace}");
        w.Open($"unsafe partial {(c.IsRecord ? "record struct" : "struct")} {c.TypeName} : {R.IPyStruct}");
        w.Line("/// <summary>The Python type of this struct, created when the module is imported.</summary>");
        w.Line(Hidden);
        w.Line($"internal static {TypeObject} __NdBindgenPythonType;");
        w.Line();
        w.Line($"static {TypeObject} {R.IPyStruct}.PythonType => __NdBindgenPythonType;");
        w.Close();
        if (ns) w.Close();
    }

    /// <summary>The instance an entry point got as <paramref name="self"/>: the C# object, or the struct by
    /// reference.</summary>
    internal static string SelfOf(ClassModel c, string self) => c.IsStruct
        ? $"{R.PyStructInstance}.Get<{c.FullType}>({self})"
        : $"{R.PyInstance}.Get<{c.FullType}>({self})";

    /// <summary>The non-raising test and copy of an operand of the class's type.</summary>
    private static string TryGetOf(ClassModel c) =>
        (c.IsStruct ? R.PyStructInstance : R.PyInstance) + $".TryGet<{c.FullType}>";

    /// <summary>The new Python object of <paramref name="type"/> holding what <paramref name="construct"/>
    /// made.</summary>
    private static string NewOf(ClassModel c, string type, string construct) =>
        $"{(c.IsStruct ? R.PyStructInstance : R.PyInstance)}.New({type}, {construct})";

    /// <summary>
    /// The fields CPython reads itself: each at its offset in the struct, with its generated setter (null: read-only).
    /// </summary>
    private static void EmitStructMembers(SourceWriter w, ClassModel c)
    {
        w.Line("    [");
        foreach (PropertyModel p in c.Properties.Where(p => p.MemberCode is not null))
        {
            string doc = SourceWriter.Literal(DocstringBody.Of(p.Doc));
            string setter = p.Writable ? $"(delegate* unmanaged<PyObject*, PyObject*, void*, int>)&Set_{p.CSharpName}"
                : "null";
            w.Line($"        new({SourceWriter.Literal(p.PythonName)}, {doc}, {R.PyClassBuilder}.{p.MemberCode}, "
                + $"OffsetOf_{p.CSharpName}(), {setter}),");
        }
        w.Line("    ],");
    }

    /// <summary>Each member's offset in the struct: its field (an auto-property's backing field through an
    /// UnsafeAccessor, as C# cannot name it) measured from the start of a value.</summary>
    private static void EmitStructOffsets(SourceWriter w, ClassModel c)
    {
        const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
        foreach (PropertyModel p in c.Properties.Where(p => p.MemberCode is not null))
        {
            string type = p.Type.CSharpType;
            w.Line();
            if (p.BackingField is { } backing)
            {
                w.Line("[global::System.Runtime.CompilerServices.UnsafeAccessor("
                    + "global::System.Runtime.CompilerServices.UnsafeAccessorKind.Field, "
                    + $"Name = {SourceWriter.Literal(backing)})]");
                w.Line($"private static extern ref {type} Field_{p.CSharpName}(ref {c.FullType} self);");
                w.Line();
            }
            w.Open($"private static nint OffsetOf_{p.CSharpName}()");
            w.Line($"{c.FullType} probe = default;");
            string field = p.BackingField is null
                ? $"ref {Unsafe}.AsRef(in probe.{FunctionEmitter.Identifier(p.CSharpName)})"
                : $"ref Field_{p.CSharpName}(ref probe)";
            w.Line($"return {Unsafe}.ByteOffset(ref {Unsafe}.As<{c.FullType}, byte>(ref probe), "
                + $"ref {Unsafe}.As<{type}, byte>({field}));");
            w.Close();
        }
    }
}
