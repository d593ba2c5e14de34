using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Core;

/// <summary>UTF-8 text for the C API, and str objects made from and read into .NET strings.</summary>
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

    /// <summary>A new str holding <paramref name="value"/>, the whole of it (NULs included); throws the Python error on failure.</summary>
    internal static PyObject* NewStr(string value)
    {
        // .NET strings may hold lone surrogates too; UTF8 encoding replaces them with U+FFFD.
        int n = Encoding.UTF8.GetByteCount(value);
        byte[]? heap = n > 1024 ? new byte[n] : null;
        Span<byte> buffer = heap ?? stackalloc byte[n];
        Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* p = buffer)
        {
            PyObject* s = PyUnicode_FromStringAndSize(p, n);
            if (s == null) throw PythonException.Fetch();
            return s;
        }
    }

    /// <summary>A str object's text, or null with the Python error set (lone surrogates).</summary>
    internal static string? FromStr(PyObject* o)
    {
        nint size;
        byte* utf8 = PyUnicode_AsUTF8AndSize(o, &size);
        return utf8 == null ? null : Encoding.UTF8.GetString(utf8, checked((int)size));
    }
}
