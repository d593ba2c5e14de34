using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

// The checks of Bytes, BigIntegers, Decimals and DateTimes (same rules as the other ArgMatches).
public static unsafe partial class ArgMatches
{
    /// <summary>byte[]: bytes exactly; another buffer exporter (bytearray, memoryview, ...) by conversion; never str.</summary>
    public static ArgMatch ToByteArray(PyObject* o) =>
        (Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_BYTES_SUBCLASS) != 0 ? ArgMatch.Exact
        : (Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) == 0 && PyObject_CheckBuffer(o) != 0
            ? ArgMatch.Convertible : ArgMatch.No;

    public static ArgMatch ToReadOnlyMemory(PyObject* o) => ToByteArray(o);

    /// <summary>BigInteger: an int exactly (of any size); <c>__index__</c> by conversion.</summary>
    public static ArgMatch ToBigInteger(PyObject* o) =>
        (Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) != 0 ? ArgMatch.Exact
        : PyIndex_Check(o) != 0 && !IsArrayOfValues(o) ? ArgMatch.Convertible : ArgMatch.No;

    /// <summary>decimal: a decimal.Decimal exactly, an int by conversion (the range is checked on conversion).</summary>
    public static ArgMatch ToDecimal(PyObject* o) =>
        Decimals.IsDecimal(o) ? ArgMatch.Exact
        : (Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) != 0 ? ArgMatch.Convertible : ArgMatch.No;

    public static ArgMatch ToDateTime(PyObject* o) => Is(o, DateTimes.Api->DateTimeType);

    public static ArgMatch ToDateTimeOffset(PyObject* o) => Is(o, DateTimes.Api->DateTimeType);

    public static ArgMatch ToDateOnly(PyObject* o) =>
        Is(o, DateTimes.Api->DateTimeType) == ArgMatch.Exact ? ArgMatch.No : Is(o, DateTimes.Api->DateType);

    public static ArgMatch ToTimeOnly(PyObject* o) => Is(o, DateTimes.Api->TimeType);

    public static ArgMatch ToTimeSpan(PyObject* o) => Is(o, DateTimes.Api->DeltaType);

    /// <summary>An enum: a member of its class exactly; an int of a defined value by conversion; never another enum's member.</summary>
    public static ArgMatch ToEnum<T>(PyObject* o) where T : unmanaged, System.Enum
    {
        if ((PyObject*)Py_TYPE(o) == EnumClass<T>.Type) return ArgMatch.Exact;
        if (Enums.IsEnumMember(o) || (Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) == 0) return ArgMatch.No;
        bool defined = EnumClass<T>.TryDefined(o, out _);
        PyErr_Clear();
        return defined ? ArgMatch.Convertible : ArgMatch.No;
    }

    private static ArgMatch Is(PyObject* o, PyTypeObject* type) =>
        Py_TYPE(o) == type || PyType_IsSubtype(Py_TYPE(o), type) != 0 ? ArgMatch.Exact : ArgMatch.No;
}
