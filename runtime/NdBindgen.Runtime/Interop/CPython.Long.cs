using System.Runtime.CompilerServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/cpython/longintrepr.h: an int's size word, in the layout of the running version
    // (Layouts.TaggedLongs). The overloads taking the layout are what unit tests reach.

    /// <summary>Whether the int <paramref name="o"/> is below zero (3.12 _PyLong_IsNegative; ob_size &lt; 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool PyLong_IsNegative(PyObject* o) => PyLong_IsNegative(o, Layouts.TaggedLongs);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool PyLong_IsNegative(PyObject* o, bool tagged) =>
        tagged
            ? (((PyLongObject*)o)->lv_tag & _PyLong_SIGN_MASK) == _PyLong_SIGN_NEGATIVE
            : ((PyLongObject*)o)->ob_size < 0;

    /// <summary>
    /// The value of the int <paramref name="o"/> when it has at most one digit (|value| &lt; 2**30),
    /// read from the object without a call: _PyLong_IsCompact and _PyLong_CompactValue of 3.12,
    /// and their ob_size equivalent before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool PyLong_TryCompactValue(PyObject* o, out long value) =>
        PyLong_TryCompactValue(o, Layouts.TaggedLongs, out value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool PyLong_TryCompactValue(PyObject* o, bool tagged, out long value)
    {
        var n = (PyLongObject*)o;
        if (tagged)
        {
            nuint tag = n->lv_tag;
            if (tag < (2 << _PyLong_NON_SIZE_BITS))
            {
                value = (1 - (long)(tag & _PyLong_SIGN_MASK)) * n->ob_digit0;
                return true;
            }
        }
        else
        {
            nint size = n->ob_size;
            if (size == 0) { value = 0; return true; }
            if (size == 1) { value = n->ob_digit0; return true; }
            if (size == -1) { value = -(long)n->ob_digit0; return true; }
        }
        value = 0;
        return false;
    }

    private const int _PyLong_SIGN_MASK = 3, _PyLong_SIGN_NEGATIVE = 2, _PyLong_NON_SIZE_BITS = 3;
}
