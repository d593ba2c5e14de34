using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NdBindgen.Modules;

/// <summary>
/// The CPython versions one build of a module runs on: the one place that says so. The runtime
/// reads the running interpreter's version at import and picks its object layouts from it; the
/// generated module exports <see cref="Listed"/> as <c>ndbindgen_python_versions</c>, so tools
/// (the wheel builder) read the set from the built library instead of keeping their own copy.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PythonVersions
{
    public const int Major = 3;

    /// <summary>The oldest minor version: 3.9 (3.8 lacks functions the runtime calls).</summary>
    public const int OldestMinor = 9;

    /// <summary>The newest minor version whose object layouts the runtime knows.</summary>
    public const int NewestMinor = 13;

    /// <summary>
    /// "3.9 3.10 3.11 3.12 3.13": the supported versions, oldest first, separated by one space.
    /// A u8 literal, so the export can hand out a pointer into read-only data (the compiler adds
    /// the trailing NUL); a unit test checks it lists <see cref="OldestMinor"/> to
    /// <see cref="NewestMinor"/>.
    /// </summary>
    public static ReadOnlySpan<byte> Listed => "3.9 3.10 3.11 3.12 3.13"u8;

    /// <summary>The supported versions as text, for messages.</summary>
    public static string Text => System.Text.Encoding.UTF8.GetString(Listed);

    /// <summary><see cref="Listed"/> as a NUL-terminated C string that lives as long as the library.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* ListedZ() => (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(Listed));
}
