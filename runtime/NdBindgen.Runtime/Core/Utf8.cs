using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace NdBindgen.Core;

/// <summary>UTF-8 text for the C API.</summary>
internal static unsafe class Utf8
{
    /// <summary>
    /// A C string for a u8 literal. The compiler stores u8 literals with a trailing NUL in the
    /// image's read-only data, which never moves, so the pointer stays valid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte* Z(ReadOnlySpan<byte> literal) =>
        (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(literal));

    /// <summary>A NUL-terminated copy in native memory that lives as long as the process (names, docs).</summary>
    internal static byte* AllocPermanent(string? s)
    {
        if (s is null) return null;
        int n = Encoding.UTF8.GetByteCount(s);
        byte* p = (byte*)NativeMemory.Alloc((nuint)n + 1);
        Encoding.UTF8.GetBytes(s, new Span<byte>(p, n));
        p[n] = 0;
        return p;
    }

    internal static string FromC(byte* s) => s == null ? "" : Marshal.PtrToStringUTF8((nint)s) ?? "";
}
