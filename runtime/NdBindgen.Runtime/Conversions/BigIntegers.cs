using System;
using System.ComponentModel;
using System.Numerics;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <see cref="BigInteger"/> &lt;-&gt; int of any size: int, its subclasses (bool too) and objects
/// with <c>__index__</c> in, as the fixed-width integers take them. Values that fit in 64 bits take
/// the long path; larger ones cross as little-endian two's complement bytes (PyLong_AsNativeBytes
/// and PyLong_FromNativeBytes on 3.13, _PyLong_AsByteArray and _PyLong_FromByteArray before).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class BigIntegers
{
    public static BigInteger ToBigInteger(PyObject* o, PySignature sig, int index)
    {
        if (Py_TYPE(o) == Builtins.LongType && PyLong_TryCompactValue(o, out long small)) return small;
        bool isInt = (Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) != 0;
        if (!isInt && PyIndex_Check(o) == 0) throw sig.WrongType(index, "int", o);
        if (!isInt) StackGuard.Check();   // __index__ may call the module again
        PyObject* n = PyNumber_Index(o);
        if (n == null) throw sig.ConversionError(index);
        try
        {
            return FromInt(n);
        }
        finally
        {
            Py_DECREF(n);
        }
    }

    /// <summary>The value of the exact int <paramref name="n"/>.</summary>
    internal static BigInteger FromInt(PyObject* n)
    {
        int overflow;
        long value = PyLong_AsLongLongAndOverflow(n, &overflow);
        if (value == -1 && PyErr_Occurred() != null) throw PythonException.Fetch();
        if (overflow == 0) return value;
        nint count = PyLong_ByteCount(n);
        if (count < 0) throw PythonException.Fetch();
        byte[] bytes = new byte[count];
        fixed (byte* p = bytes)
        {
            if (PyLong_AsLittleEndianBytes(n, p, count) < 0) throw PythonException.Fetch();
        }
        return new BigInteger(bytes, isUnsigned: false, isBigEndian: false);
    }

    public static PyObject* FromBigInteger(BigInteger value)
    {
        PyObject* o;
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            o = PyLong_FromLongLong((long)value);
        }
        else
        {
            byte[] bytes = value.ToByteArray(isUnsigned: false, isBigEndian: false);
            fixed (byte* p = bytes) o = PyLong_FromLittleEndianBytes(p, bytes.Length);
        }
        if (o == null) throw PythonException.Fetch();
        return o;
    }
}
