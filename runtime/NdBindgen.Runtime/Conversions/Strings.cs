using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <c>string</c> through UTF-8. A str holding lone surrogates cannot be UTF-8 and is refused with
/// CPython's UnicodeEncodeError (a ValueError) rather than silently replaced. A str longer than a
/// .NET string can be is refused with an OverflowError naming the argument.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Strings
{
    /// <summary>The longest .NET string, in UTF-16 code units (<c>string.MaxLength</c> in the runtime's sources).</summary>
    internal const int MaxNetLength = Utf8.MaxNetLength;

    public static string ToString(PyObject* o, PySignature sig, int index)
    {
        if ((Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) == 0) throw sig.WrongType(index, "str", o);
        if (Utf8.TryAscii(o, out string? ascii)) return ascii;
        nint size;
        byte* utf8 = PyUnicode_AsUTF8AndSize(o, &size);
        if (utf8 == null) throw sig.ConversionError(index);
        if (!FitsNetString(utf8, size)) throw TooLong(o, sig, index);
        return Encoding.UTF8.GetString(utf8, (int)size);
    }

    /// <summary>
    /// Whether <paramref name="size"/> bytes of UTF-8 decode to at most <paramref name="maxLength"/>
    /// UTF-16 code units (and fit the decoder's int count). Counted only when the bytes alone do not
    /// settle it: a string of more than a gigabyte.
    /// </summary>
    internal static bool FitsNetString(byte* utf8, nint size, int maxLength = MaxNetLength)
    {
        if (size <= maxLength) return true;   // a UTF-8 byte never makes more than one UTF-16 unit
        if (size > int.MaxValue) return false;
        return Encoding.UTF8.GetCharCount(utf8, (int)size) <= maxLength;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PythonException TooLong(PyObject* o, PySignature sig, int index) =>
        new(Builtins.OverflowError,
            $"{sig.ArgumentPrefix(index)} is a str of {PyUnicode_GetLength(o)} characters, too long for a .NET string " +
            $"(at most {MaxNetLength} UTF-16 code units and {int.MaxValue} bytes of UTF-8)");

    // The str helpers live in Core, which makes strs for messages and attribute names too.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* FromString(string value) => Utf8.NewStr(value);
}
