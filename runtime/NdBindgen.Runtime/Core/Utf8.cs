using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
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
        // ASCII, the usual text of names and keys: the str's own buffer filled in place, no UTF-8 in between.
        int offset = Layouts.AsciiData;
        if (offset != 0 && Ascii.IsValid(value))
        {
            PyObject* str = PyUnicode_New(value.Length, 127);
            if (str == null) throw PythonException.Fetch();
            Ascii.FromUtf16(value, new Span<byte>((byte*)str + offset, value.Length), out _);
            return str;
        }
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
        if (TryAscii(o, out string? ascii)) return ascii;
        nint size;
        byte* utf8 = PyUnicode_AsUTF8AndSize(o, &size);
        return utf8 == null ? null : Encoding.UTF8.GetString(utf8, checked((int)size));
    }

    /// <summary>The longest .NET string, in UTF-16 code units (<c>string.MaxLength</c> in the runtime's sources).</summary>
    internal const int MaxNetLength = 0x3FFFFFDF;

    // PyASCIIObject's state (Include/cpython/unicodeobject.h, the same bits in 3.9-3.14): after ob_refcnt,
    // ob_type, length and hash; kind (bits 2-4) 1-byte, compact (bit 5), ascii (bit 6).
    private const int StateOffset = 32, LengthOffset = 16;
    private const byte StateMask = 0x7C, CompactAscii = 0x64;

    /// <summary>
    /// The text of a compact ASCII str (any str made from ASCII text: literals, names, keys), read from the
    /// object itself, without a call into the interpreter or UTF-8 decoding; false for any other str.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryAscii(PyObject* o, [NotNullWhen(true)] out string? text)
    {
        int offset = Layouts.AsciiData;
        byte* p = (byte*)o;
        nint length;
        if (offset == 0 || (p[StateOffset] & StateMask) != CompactAscii
            || (length = *(nint*)(p + LengthOffset)) > MaxNetLength)
        {
            text = null;
            return false;
        }
        text = length == 0 ? "" : string.Create((int)length, (nint)(p + offset), s_widen);
        return true;
    }


    private static readonly SpanAction<char, nint> s_widen =
        static (chars, data) => Ascii.ToUtf16(new ReadOnlySpan<byte>((byte*)data, chars.Length), chars, out _);

    /// <summary>
    /// Keeps <see cref="Layouts.AsciiData"/> only if a str made here really is laid out so (the C API's own
    /// pointer to its characters is where the offset says): an interpreter laid out otherwise is served
    /// correctly, through the C API, rather than misread. Called once, when the interpreter is admitted.
    /// </summary>
    internal static void CheckAsciiLayout()
    {
        int offset = Layouts.AsciiData;
        Layouts.AsciiData = 0;
        PyObject* probe = PyUnicode_FromStringAndSize(Z("ndbindgen"u8), 9);
        if (probe == null)
        {
            PyErr_Clear();
            return;
        }
        nint size;
        byte* data = PyUnicode_AsUTF8AndSize(probe, &size);
        bool laidOut = data == (byte*)probe + offset && size == 9
            && (((byte*)probe)[StateOffset] & StateMask) == CompactAscii && *(nint*)((byte*)probe + LengthOffset) == 9;
        if (data == null) PyErr_Clear();
        Py_DECREF(probe);
        if (laidOut) Layouts.AsciiData = offset;
    }
}
