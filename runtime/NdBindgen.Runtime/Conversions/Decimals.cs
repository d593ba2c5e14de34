using System;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <c>decimal</c> &lt;-&gt; <c>decimal.Decimal</c>, exactly. In: a Decimal (read through its
/// <c>as_tuple()</c>) or an int; a value C#'s decimal cannot hold exactly (beyond
/// +-79228162514264337593543950335, more than 28 digits after the point, or more significant digits
/// than its 96-bit coefficient holds) is an OverflowError, never rounded; NaN and Infinity are a
/// ValueError; a float is refused (it is binary: Decimal(str(x)) says which decimal is meant).
/// Trailing zeros are dropped only where needed (they change no value), so the scale is kept. Out: the decimal's
/// invariant text given to Decimal(), so its scale is kept (1.50m -> Decimal('1.50')).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Decimals
{
    private const string Expected = "decimal.Decimal or int";
    private static PyObject* s_decimalType;

    /// <summary>decimal.Decimal, imported on first use and kept for the life of the process.</summary>
    internal static PyTypeObject* DecimalType
    {
        get
        {
            if (s_decimalType != null) return (PyTypeObject*)s_decimalType;
            PyObject* module = PyImport_ImportModule(Utf8.Z("decimal"u8));
            if (module == null) throw PythonException.Fetch();
            PyObject* type = PyObject_GetAttrString(module, Utf8.Z("Decimal"u8));
            Py_DECREF(module);
            if (type == null) throw PythonException.Fetch();
            s_decimalType = type;
            return (PyTypeObject*)type;
        }
    }

    internal static bool IsDecimal(PyObject* o) =>
        Py_TYPE(o) == DecimalType || PyType_IsSubtype(Py_TYPE(o), DecimalType) != 0;

    public static decimal ToDecimal(PyObject* o, PySignature sig, int index)
    {
        if ((Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) != 0)
        {
            BigInteger n = BigIntegers.FromInt(o);
            if (BigInteger.Abs(n) > new BigInteger(decimal.MaxValue)) throw OutOfRange(sig, index, o);
            return (decimal)n;
        }
        if (!IsDecimal(o)) throw sig.WrongType(index, Expected, o);
        StackGuard.Check();
        PyObject* tuple = CallMethod(o, "as_tuple"u8);
        try
        {
            return FromTuple(tuple, o, sig, index);
        }
        finally
        {
            Py_DECREF(tuple);
        }
    }

    /// <summary>DecimalTuple(sign, digits, exponent) to decimal: exact, or an error saying why not.</summary>
    private static decimal FromTuple(PyObject* tuple, PyObject* o, PySignature sig, int index)
    {
        if ((Py_TYPE(tuple)->tp_flags & PyConst.Py_TPFLAGS_TUPLE_SUBCLASS) == 0 || PyTuple_GET_SIZE(tuple) != 3)
            throw new PythonException(Builtins.TypeError, $"{sig.ArgumentPrefix(index)}: as_tuple() did not return a DecimalTuple");
        bool negative = PyObject_IsTrue(PyTuple_GET_ITEM(tuple, 0)) == 1;
        PyObject* digits = PyTuple_GET_ITEM(tuple, 1);
        PyObject* exponent = PyTuple_GET_ITEM(tuple, 2);
        if ((Py_TYPE(exponent)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) == 0)
            throw new PythonException(Builtins.ValueError,
                $"{sig.ArgumentPrefix(index)} = {Text(o)} has no decimal value (NaN or Infinity)");
        if ((Py_TYPE(digits)->tp_flags & PyConst.Py_TPFLAGS_TUPLE_SUBCLASS) == 0)
            throw new PythonException(Builtins.TypeError, $"{sig.ArgumentPrefix(index)}: as_tuple() did not return a DecimalTuple");
        long exp = PyLong_AsLongLong(exponent);
        if (exp == -1 && PyErr_Occurred() != null) throw sig.ConversionError(index);
        nint count = PyTuple_GET_SIZE(digits);
        // Trailing zeros change no value: dropped first (Decimal('1.000') is 1000E-3); as_tuple() has no
        // leading zeros but for zero itself.
        long written = -exp;   // the scale as written, kept where decimal can (Decimal('1.50') -> 1.50m)
        nint last = count - 1;
        while (last >= 0 && DigitAt(digits, last) == 0) last--;
        if (last < 0) return new decimal(0, 0, 0, negative, (byte)System.Math.Clamp(-exp, 0, 28));
        exp += count - 1 - last;
        nint significant = last + 1;
        // More than 29 significant digits never fit 96 bits: beyond the range, or too precise.
        if (significant > 29) throw significant + exp > 29 ? OutOfRange(sig, index, o) : TooPrecise(sig, index, o);
        BigInteger coefficient = BigInteger.Zero;
        for (nint i = 0; i <= last; i++) coefficient = coefficient * 10 + DigitAt(digits, i);
        if (exp > 0)
        {
            if (significant + exp > 29) throw OutOfRange(sig, index, o);
            coefficient *= BigInteger.Pow(10, (int)exp);
            exp = 0;
        }
        long scale = -exp;
        if (scale > 28) throw TooPrecise(sig, index, o);
        if (coefficient >= TwoTo96)
            throw BigInteger.Divide(coefficient, BigInteger.Pow(10, (int)scale)) > new BigInteger(decimal.MaxValue)
                ? OutOfRange(sig, index, o) : TooPrecise(sig, index, o);
        for (long want = System.Math.Min(written, 28); want > scale; want--)
        {
            BigInteger scaled = coefficient * BigInteger.Pow(10, (int)(want - scale));
            if (scaled >= TwoTo96) continue;
            coefficient = scaled;
            scale = want;
            break;
        }
        var bits = coefficient.ToByteArray(isUnsigned: true, isBigEndian: false);
        System.Span<byte> twelve = stackalloc byte[12];
        bits.AsSpan().CopyTo(twelve);
        int lo = System.BitConverter.ToInt32(twelve[..4]), mid = System.BitConverter.ToInt32(twelve[4..8]),
            hi = System.BitConverter.ToInt32(twelve[8..]);
        return new decimal(lo, mid, hi, negative, (byte)scale);
    }

    private static readonly BigInteger TwoTo96 = BigInteger.One << 96;

    private static PythonException OutOfRange(PySignature sig, int index, PyObject* o) =>
        new(Builtins.OverflowError, $"{sig.ArgumentPrefix(index)} = {Text(o)} is out of range for decimal "
            + "(-79228162514264337593543950335 to 79228162514264337593543950335)");

    private static long DigitAt(PyObject* digits, nint i)
    {
        long d = PyLong_AsLongLong(PyTuple_GET_ITEM(digits, i));
        if (d == -1 && PyErr_Occurred() != null) throw PythonException.Fetch();
        return d;
    }

    private static PythonException TooPrecise(PySignature sig, int index, PyObject* o) =>
        new(Builtins.OverflowError, $"{sig.ArgumentPrefix(index)} = {Text(o)} has more digits than decimal holds "
            + "exactly (28 after the point, 96 bits in all); round it first, e.g. with Decimal.quantize()");

    private static string Text(PyObject* o)
    {
        string text = "?";
        PyObject* s = PyObject_Str(o);
        if (s != null)
        {
            text = Utf8.FromStr(s) ?? "?";
            Py_DECREF(s);
        }
        else
        {
            PyErr_Clear();
        }
        return text.Length > 50 ? text[..25] + "..." + text[^15..] : text;
    }

    private static PyObject* CallMethod(PyObject* o, System.ReadOnlySpan<byte> name)
    {
        PyObject* method = PyObject_GetAttrString(o, Utf8.Z(name));
        if (method == null) throw PythonException.Fetch();
        PyObject* result = StackGuard.Call(method, null, 0, null);
        Py_DECREF(method);
        if (result == null) throw PythonException.Fetch();
        return result;
    }

    public static PyObject* FromDecimal(decimal value)
    {
        PyObject* text = Utf8.NewStr(value.ToString(CultureInfo.InvariantCulture));
        PyObject* result = PyObject_VectorcallDict((PyObject*)DecimalType, &text, 1, null);
        Py_DECREF(text);
        if (result == null) throw PythonException.Fetch();
        return result;
    }
}
