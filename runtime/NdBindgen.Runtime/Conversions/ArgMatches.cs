using System.ComponentModel;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Classes;
using NdBindgen.Interop;
using NdBindgen.NumPy;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>How well a Python argument fits a parameter, for choosing among overloads.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum ArgMatch : byte
{
    /// <summary>The parameter's conversion would refuse it.</summary>
    No = 0,
    /// <summary>It converts, through a conversion: int -> float, <c>__index__</c>, <c>__float__</c>, bool -> int, numpy.bool_, a buffer exporter.</summary>
    Convertible = 1,
    /// <summary>It is the parameter's own Python type: float for double, int for the integers, an array of the exact dtype, ...</summary>
    Exact = 2,
}

/// <summary>
/// The non-raising twin of every argument conversion, for overload resolution: would the
/// conversion accept this object, and without a conversion? <c>ArgMatches.ToX</c> answers for the
/// conversion <c>ToX</c> (<see cref="Floats.ToDouble"/>, <see cref="Arrays.ToView{T}"/>, ...), so the
/// generator finds the check by the conversion's name. A check runs no Python code, leaves no
/// Python error set and keeps no reference or buffer, so an overload that does not match leaves
/// nothing behind. Values are checked as far as that allows: an int out of the parameter's range
/// does not match; an object's <c>__index__</c> or <c>__float__</c> result is only known when the
/// chosen overload converts it (and a failure there is that call's error).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe partial class ArgMatches
{
    /// <summary>bool: True/False exactly; numpy.bool_ by conversion. Never ints (see <see cref="Bools"/>).</summary>
    public static ArgMatch ToBool(PyObject* o) =>
        o == Builtins.True || o == Builtins.False ? ArgMatch.Exact
        : Bools.IsNumpyBool(o) ? ArgMatch.Convertible
        : ArgMatch.No;

    public static ArgMatch ToSByte(PyObject* o) => Signed(o, sbyte.MinValue, sbyte.MaxValue);
    public static ArgMatch ToInt16(PyObject* o) => Signed(o, short.MinValue, short.MaxValue);
    public static ArgMatch ToInt32(PyObject* o) => Signed(o, int.MinValue, int.MaxValue);
    public static ArgMatch ToInt64(PyObject* o) => Signed(o, long.MinValue, long.MaxValue);
    public static ArgMatch ToByte(PyObject* o) => Unsigned(o, byte.MaxValue);
    public static ArgMatch ToUInt16(PyObject* o) => Unsigned(o, ushort.MaxValue);
    public static ArgMatch ToUInt32(PyObject* o) => Unsigned(o, uint.MaxValue);
    public static ArgMatch ToUInt64(PyObject* o) => Unsigned(o, ulong.MaxValue);

    /// <summary>double: a float (numpy.float64 is one) exactly; ints, <c>__float__</c> and <c>__index__</c> by conversion.</summary>
    public static ArgMatch ToDouble(PyObject* o)
    {
        PyTypeObject* type = Py_TYPE(o);
        if (type == Builtins.FloatType || PyType_IsSubtype(type, Builtins.FloatType) != 0) return ArgMatch.Exact;
        // What Floats.ToDouble accepts beyond floats.
        bool number = Floats.HasFloat(type) || PyIndex_Check(o) != 0;
        return number && !IsArrayOfValues(o) ? ArgMatch.Convertible : ArgMatch.No;
    }

    public static ArgMatch ToSingle(PyObject* o) => ToDouble(o);

    public static ArgMatch ToHalf(PyObject* o) => ToDouble(o);

    /// <summary>Complex: a complex exactly; what Floats.ToComplex accepts beyond it (floats, ints, __complex__/__float__/__index__) by conversion.</summary>
    public static ArgMatch ToComplex(PyObject* o)
    {
        PyTypeObject* type = Py_TYPE(o);
        if (type == Builtins.ComplexType || PyType_IsSubtype(type, Builtins.ComplexType) != 0) return ArgMatch.Exact;
        return ToDouble(o) != ArgMatch.No || !IsArrayOfValues(o) && Floats.HasComplexMethod(o) ? ArgMatch.Convertible : ArgMatch.No;
    }

    /// <summary>string: a str exactly; nothing converts.</summary>
    public static ArgMatch ToString(PyObject* o) =>
        (Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) != 0 ? ArgMatch.Exact : ArgMatch.No;

    /// <summary>NdView&lt;T&gt;: a numpy array of T's dtype exactly; another buffer exporter of T's format by conversion.</summary>
    /// <param name="ndim">The dimensions the parameter demands ([Ndim]), or -1 for any.</param>
    public static ArgMatch ToView<T>(PyObject* o, int ndim = -1) where T : unmanaged => Array<T>(o, ndim, writable: false);

    /// <summary>NdViewMut&lt;T&gt;: as <see cref="ToView{T}"/>, and the array must be writable.</summary>
    public static ArgMatch ToViewMut<T>(PyObject* o, int ndim = -1) where T : unmanaged => Array<T>(o, ndim, writable: true);

    /// <summary>A [PyClass] parameter: an instance of the class (or a subclass).</summary>
    public static ArgMatch ToInstance<T>(PyObject* o) where T : class, IPyClass => PyInstance.Is<T>(o) ? ArgMatch.Exact : ArgMatch.No;

    /// <summary>PyRef: any object.</summary>
    public static ArgMatch ToRef(PyObject* o) => ArgMatch.Exact;

    /// <summary>PyRef&lt;T&gt;: an instance of the [PyClass] T.</summary>
    public static ArgMatch ToRef<T>(PyObject* o) where T : class, IPyClass => ToInstance<T>(o);

    /// <summary>PyBorrowed: any object.</summary>
    public static ArgMatch ToBorrowed(PyObject* o) => ArgMatch.Exact;

    /// <summary>A callback (Func or Action): any callable (its arguments and result are converted when it is called).</summary>
    public static ArgMatch ToCallable(PyObject* o) => PyCallable_Check(o) != 0 ? ArgMatch.Exact : ArgMatch.No;

    /// <summary>
    /// An int (not bool) in range exactly; bool (an int subclass, as CPython has it) in range, and
    /// objects with <c>__index__</c>, by conversion. Floats never: Ints refuses them.
    /// </summary>
    private static ArgMatch Signed(PyObject* o, long min, long max)
    {
        if (!IsInt(o)) return PyIndex_Check(o) != 0 && !IsArrayOfValues(o) ? ArgMatch.Convertible : ArgMatch.No;
        int overflow;
        long value = PyLong_AsLongLongAndOverflow(o, &overflow);   // an int object: no Python code, no error
        if (overflow != 0 || value < min || value > max) return ArgMatch.No;
        return IntMatch(o);
    }

    private static ArgMatch Unsigned(PyObject* o, ulong max)
    {
        if (!IsInt(o)) return PyIndex_Check(o) != 0 && !IsArrayOfValues(o) ? ArgMatch.Convertible : ArgMatch.No;
        if (PyLong_IsNegative(o)) return ArgMatch.No;
        int overflow;
        long value = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow == 0) return (ulong)value <= max ? IntMatch(o) : ArgMatch.No;
        if (max != ulong.MaxValue) return ArgMatch.No;
        PyLong_AsUnsignedLongLong(o);   // beyond long: fits ulong only below 2**64
        if (PyErr_Occurred() == null) return IntMatch(o);
        PyErr_Clear();
        return ArgMatch.No;
    }

    /// <summary>
    /// A numpy array of one or more dimensions: it has <c>__index__</c> and <c>__float__</c>, which
    /// work for one element only, so it never counts as a scalar (a 0-d array does).
    /// </summary>
    private static bool IsArrayOfValues(PyObject* o)
    {
        NumPyApiTable* api = NumPyRuntime.IfImported();
        return api != null && NumPyRuntime.IsArray(api, o) && ((PyArrayObject*)o)->nd > 0;
    }

    private static bool IsInt(PyObject* o) => (Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) != 0;

    private static ArgMatch IntMatch(PyObject* o) => o == Builtins.True || o == Builtins.False ? ArgMatch.Convertible : ArgMatch.Exact;

    private static ArgMatch Array<T>(PyObject* o, int ndim, bool writable) where T : unmanaged
    {
        NumPyApiTable* api = NumPyRuntime.IfImported();
        if (api != null && NumPyRuntime.IsArray(api, o))
        {
            var a = (PyArrayObject*)o;
            bool fits = NpyElement<T>.MatchesDescr(a->descr) && a->descr->byteorder != (byte)'>'
                && (!writable || (a->flags & Npy.NPY_ARRAY_WRITEABLE) != 0)
                && (ndim < 0 || a->nd == ndim);
            return fits ? ArgMatch.Exact : ArgMatch.No;
        }
        if (PyObject_CheckBuffer(o) == 0) return ArgMatch.No;
        Py_buffer b;
        if (PyObject_GetBuffer(o, &b, PyConst.PyBUF_RECORDS_RO) < 0)
        {
            PyErr_Clear();
            return ArgMatch.No;
        }
        bool ok = NpyElement<T>.MatchesFormat(b.format, b.itemsize) && b.suboffsets == null
            && (!writable || b.@readonly == 0) && (ndim < 0 || b.ndim == ndim);
        PyBuffer_Release(&b);
        return ok ? ArgMatch.Convertible : ArgMatch.No;
    }
}
