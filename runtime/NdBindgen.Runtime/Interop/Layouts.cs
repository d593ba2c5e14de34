namespace NdBindgen.Interop;

/// <summary>How the running interpreter counts references (see <see cref="Layouts.RefCounts"/>).</summary>
internal enum RefCountMode : byte
{
    /// <summary>CPython 3.9-3.11 release builds: <c>ob_refcnt</c> is a plain counter.</summary>
    Plain,

    /// <summary>
    /// CPython 3.12+ release builds: immortal objects (PEP 683: None, small ints, interned
    /// strings, static types) have the sign bit of the low 32 bits set and are never counted.
    /// </summary>
    Immortal,

    /// <summary>Debug builds (python3.11-dbg): the exported functions, which also keep the total.</summary>
    Functions,
}

/// <summary>
/// The version-dependent parts of the object layouts, chosen once, when NdBindgen first meets the
/// interpreter (<see cref="Core.PythonVersions.Admit"/>), from its version: one build of a module
/// runs on every supported CPython. Hot paths read a field here (a load and a branch the CPU
/// predicts every time); a class of static fields without initializers, so reading one needs no
/// initialization check. Until then the fields describe CPython 3.9-3.11, as Interop did before.
/// </summary>
internal static class Layouts
{
    /// <summary>How <c>Py_INCREF</c>/<c>Py_DECREF</c> count (Include/object.h of each version).</summary>
    internal static RefCountMode RefCounts;

    /// <summary>
    /// CPython 3.12+: an int keeps its digit count and sign in <c>long_value.lv_tag</c> (where 3.11
    /// had the signed <c>ob_size</c>), Include/cpython/longintrepr.h.
    /// </summary>
    internal static bool TaggedLongs;

    /// <summary>
    /// Where the characters of a compact ASCII str begin: <c>sizeof(PyASCIIObject)</c>, 48 bytes in 3.9-3.11
    /// (which still had <c>wstr</c>), 40 from 3.12 (PEP 623 removed it); 0 until chosen, or when the probe in
    /// <see cref="Core.PythonVersions.Admit"/> found the interpreter laid out otherwise: then strs are read and
    /// made through the C API only (Core/Utf8).
    /// </summary>
    internal static int AsciiData;

    /// <summary>Picks the layouts of CPython 3.<paramref name="minor"/>; a debug build counts with functions.</summary>
    internal static void Select(int minor, bool debug)
    {
        RefCounts = debug ? RefCountMode.Functions : minor >= 12 ? RefCountMode.Immortal : RefCountMode.Plain;
        TaggedLongs = minor >= 12;
        AsciiData = minor >= 12 ? 40 : 48;
    }
}
