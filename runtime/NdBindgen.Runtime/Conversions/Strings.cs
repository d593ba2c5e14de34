using System.ComponentModel;
using System.Text;
using NdBindgen.Core;
using NdBindgen.Hosting;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <c>string</c> through UTF-8. A str holding lone surrogates cannot be UTF-8 and is refused with
/// CPython's UnicodeEncodeError (a ValueError) rather than silently replaced.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Strings
{
    public static string ToString(PyObject* o, PySignature sig, int index)
    {
        if ((Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) == 0) throw sig.WrongType(index, "str", o);
        return ToManaged(o) ?? throw PythonException.Fetch();
    }

    /// <summary>A str object's text, or null with the Python error set (lone surrogates).</summary>
    internal static string? ToManaged(PyObject* o)
    {
        nint size;
        byte* utf8 = PyUnicode_AsUTF8AndSize(o, &size);
        return utf8 == null ? null : Encoding.UTF8.GetString(utf8, checked((int)size));
    }

    public static PyObject* FromString(string value)
    {
        // .NET strings may hold lone surrogates too; UTF8 encoding replaces them with U+FFFD.
        int n = Encoding.UTF8.GetByteCount(value);
        byte[]? heap = n > 1024 ? new byte[n] : null;
        System.Span<byte> buffer = heap ?? stackalloc byte[n];
        Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* p = buffer)
        {
            PyObject* s = PyUnicode_FromStringAndSize(p, n);
            if (s == null) throw PythonException.Fetch();
            return s;
        }
    }
}
