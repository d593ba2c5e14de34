using System.ComponentModel;
using System.Runtime.CompilerServices;
using NdBindgen.Core;
using NdBindgen.Binding;
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
        return Utf8.FromStr(o) ?? throw PythonException.Fetch();
    }

    // The str helpers live in Core, which makes strs for messages and attribute names too.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* FromString(string value) => Utf8.NewStr(value);
}
