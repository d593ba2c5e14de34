using System.ComponentModel;
using System.Runtime.CompilerServices;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// Integers of every width. Accepts int, its subclasses (bool included, as CPython does) and
/// objects with <c>__index__</c>; refuses float as CPython does. A value outside the C# type's
/// range is an OverflowError naming the range.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Ints
{
    public static sbyte ToSByte(PyObject* o, PySignature sig, int index) => (sbyte)ToSigned(o, sig, index, sbyte.MinValue, sbyte.MaxValue, "int8");
    public static short ToInt16(PyObject* o, PySignature sig, int index) => (short)ToSigned(o, sig, index, short.MinValue, short.MaxValue, "int16");
    public static int ToInt32(PyObject* o, PySignature sig, int index) => (int)ToSigned(o, sig, index, int.MinValue, int.MaxValue, "int32");
    public static long ToInt64(PyObject* o, PySignature sig, int index) => ToSigned(o, sig, index, long.MinValue, long.MaxValue, "int64");
    public static byte ToByte(PyObject* o, PySignature sig, int index) => (byte)ToUnsigned(o, sig, index, byte.MaxValue, "uint8");
    public static ushort ToUInt16(PyObject* o, PySignature sig, int index) => (ushort)ToUnsigned(o, sig, index, ushort.MaxValue, "uint16");
    public static uint ToUInt32(PyObject* o, PySignature sig, int index) => (uint)ToUnsigned(o, sig, index, uint.MaxValue, "uint32");
    public static ulong ToUInt64(PyObject* o, PySignature sig, int index) => ToUnsigned(o, sig, index, ulong.MaxValue, "uint64");

    /// <summary>For operators: an int as long, without raising for other types; an int out of range is an OverflowError.</summary>
    public static bool TryToInt64(PyObject* o, out long value)
    {
        value = 0;
        if ((Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) == 0) return false;
        value = PyLong_AsLongLong(o);
        if (value == -1 && PyErr_Occurred() != null) throw PythonException.Fetch();
        return true;
    }

    public static bool TryToInt32(PyObject* o, out int value)
    {
        value = 0;
        if (!TryToInt64(o, out long wide)) return false;
        if (wide < int.MinValue || wide > int.MaxValue) throw new PythonException(Builtins.OverflowError, $"{wide} is out of range for int32");
        value = (int)wide;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* FromInt64(long value) => Check(PyLong_FromLongLong(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* FromUInt64(ulong value) => Check(PyLong_FromUnsignedLongLong(value));

    private static long ToSigned(PyObject* o, PySignature sig, int index, long min, long max, string typeName)
    {
        if (TrySmall(o, out long small) && small >= min && small <= max) return small;
        PyObject* n = AsIndex(o, sig, index);
        long value = PyLong_AsLongLong(n);
        bool overflow = value == -1 && PyErr_Occurred() != null;
        if (overflow) PyErr_Clear();   // replaced by the message below, which names the range
        try
        {
            if (overflow || value < min || value > max) throw OutOfRange(n, sig, index, typeName, min.ToString(), max.ToString());
            return value;
        }
        finally
        {
            Py_DECREF(n);
        }
    }

    private static ulong ToUnsigned(PyObject* o, PySignature sig, int index, ulong max, string typeName)
    {
        if (TrySmall(o, out long small) && small >= 0 && (ulong)small <= max) return (ulong)small;
        PyObject* n = AsIndex(o, sig, index);
        try
        {
            if (PyLong_IsNegative(n)) throw OutOfRange(n, sig, index, typeName, "0", max.ToString());
            ulong value = PyLong_AsUnsignedLongLong(n);
            bool overflow = value == ulong.MaxValue && PyErr_Occurred() != null;
            if (overflow) PyErr_Clear();
            if (overflow || value > max) throw OutOfRange(n, sig, index, typeName, "0", max.ToString());
            return value;
        }
        finally
        {
            Py_DECREF(n);
        }
    }

    /// <summary>Exact ints of at most one 30-bit digit: read from the object (the running version's layout).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TrySmall(PyObject* o, out long value)
    {
        if (Py_TYPE(o) == Builtins.LongType) return PyLong_TryCompactValue(o, out value);
        value = 0;
        return false;
    }

    /// <summary>The int value of <paramref name="o"/> as a new reference (int itself or <c>__index__</c>'s result).</summary>
    private static PyObject* AsIndex(PyObject* o, PySignature sig, int index)
    {
        bool isInt = (Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) != 0;
        if (!isInt && PyIndex_Check(o) == 0) throw sig.WrongType(index, "int", o);
        if (!isInt) StackGuard.Check();   // __index__ may call the module again
        PyObject* n = PyNumber_Index(o);
        if (n == null) throw sig.ConversionError(index);
        return n;
    }

    private static PythonException OutOfRange(PyObject* n, PySignature sig, int index, string typeName, string min, string max) =>
        new(Builtins.OverflowError, $"{sig.ArgumentPrefix(index)} = {Text(n)} is out of range for {typeName} ({min} to {max})");

    /// <summary>An int as an error message shows it: its digits, a long one shortened to its ends.</summary>
    internal static string Text(PyObject* n)
    {
        string text = "?";
        PyObject* s = PyObject_Str(n);
        if (s == null)
        {
            PyErr_Clear();   // beyond sys.get_int_max_str_digits(), which limits decimal only: in hex
            s = PyNumber_ToBase(n, 16);
        }
        if (s != null)
        {
            text = Utf8.FromStr(s) ?? "?";
            Py_DECREF(s);
        }
        else
        {
            PyErr_Clear();
        }
        return text.Length > 40 ? text[..20] + "..." + text[^10..] : text;
    }

    private static PyObject* Check(PyObject* o)
    {
        if (o == null) throw PythonException.Fetch();
        return o;
    }
}
