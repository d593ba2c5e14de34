using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Core;

/// <summary>
/// The CPython versions one build of a module runs on: the one place that says so. The runtime
/// reads the running interpreter's version when it first meets it (<see cref="Admit"/>, from
/// <c>PyInit</c> or an embedding host) and picks its object layouts from it; the generated module
/// exports <see cref="Listed"/> as <c>ndbindgen_python_versions</c>, so tools (the wheel builder)
/// read the set from the built library instead of keeping their own copy.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PythonVersions
{
    public const int Major = 3;

    /// <summary>The oldest minor version: 3.9 (3.8 lacks functions the runtime calls: CPython.Resolved.cs).</summary>
    public const int OldestMinor = 9;

    /// <summary>The newest minor version whose object layouts the runtime knows (3.14 changes the header).</summary>
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

    /// <summary>The running interpreter's minor version once <see cref="Admit"/> accepted it, else 0.</summary>
    internal static int RunningMinor { get; private set; }

    /// <summary>
    /// Why NdBindgen cannot run in the interpreter whose <c>Py_GetVersion()</c> is
    /// <paramref name="version"/> and whose <c>sys.abiflags</c> is <paramref name="abiflags"/>, or
    /// null when it can (then <paramref name="minor"/> is its minor version). The object header and
    /// reference counting differ in a free-threaded build (abiflags 't', PEP 703: the ABI flag is
    /// what names that ABI), so only the default (GIL) builds run, debug builds ('d') included.
    /// </summary>
    internal static string? Refusal(string version, string abiflags, out int minor)
    {
        minor = 0;
        string number = version.Split(' ', 2)[0];
        string supported = $"the default (GIL) builds of CPython {Text.Replace(" ", ", ")}";
        if (version.Contains("PyPy", StringComparison.Ordinal))
            return $"PyPy {number} is not CPython; NdBindgen modules run on {supported}";
        string[] parts = number.Split('.');
        if (parts.Length < 2 || !int.TryParse(parts[0], out int major) || !int.TryParse(Digits(parts[1]), out int m))
            return $"the interpreter's version '{version}' is not a CPython version; "
                + $"NdBindgen modules run on {supported}";
        if (major != Major || m < OldestMinor || m > NewestMinor)
            return $"NdBindgen modules run on {supported}, not on CPython {number}";
        if (abiflags.Contains('t'))
            return $"CPython {number} is a free-threaded build (sys.abiflags '{abiflags}'); "
                + $"NdBindgen modules run on {supported}";
        minor = m;
        return null;
    }

    // "13" of "3.13.0", "14" of "3.14.0a1" (a pre-release's minor has its letters after the patch)
    private static string Digits(string s)
    {
        int n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[n])) n++;
        return s[..n];
    }

    /// <summary>
    /// Meets the running interpreter (the GIL held): refuses it with the reason, or accepts it and
    /// picks its layouts (<see cref="Layouts.Select"/>). Touches no reference count before it has
    /// decided: <c>Py_INCREF</c> itself depends on the decision. Returns null when accepted.
    /// </summary>
    internal static string? Admit()
    {
        if (RunningMinor != 0) return null;
        string version = Utf8.FromC(Py_GetVersion());
        PyObject* flags = PySys_GetObject(Utf8.Z("abiflags"u8));   // borrowed
        byte* text = flags == null ? null : PyUnicode_AsUTF8AndSize(flags, null);
        if (flags != null && text == null) PyErr_Clear();
        string? refusal = Refusal(version, Utf8.FromC(text), out int minor);
        if (refusal is not null) return refusal;
        bool debug = PySys_GetObject(Utf8.Z("gettotalrefcount"u8)) != null;
        Layouts.Select(minor, debug);
        Utf8.CheckAsciiLayout();
        RunningMinor = minor;
        return null;
    }
}
