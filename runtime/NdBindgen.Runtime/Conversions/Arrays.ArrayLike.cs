using System;
using System.Runtime.CompilerServices;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using NdBindgen.NumPy;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

// [ArrayLike] NdView<T> parameters: anything numpy.asarray accepts, converted at most once.
public static unsafe partial class Arrays
{
    /// <summary>
    /// A read-only view of an array-like: an ndarray of T's dtype is borrowed as <see cref="ToView{T}"/>
    /// borrows it; anything else goes through numpy (<c>PyArray_FromAny</c>) and, when the dtype
    /// numpy finds is not T's, is cast if numpy's safe casting allows it. A new array is owned by
    /// <paramref name="lease"/> until the call ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NdView<T> ToArrayLikeView<T>(PyObject* o, PySignature sig, int index, ref ArrayLease lease, int ndim = -1) where T : unmanaged
    {
        NumPyApiTable* api = NumPyRuntime.IfImported();
        if (api != null && NumPyRuntime.IsArray(api, o))
        {
            var a = (PyArrayObject*)o;
            if (NpyElement<T>.MatchesDescr(a->descr) && a->descr->byteorder != (byte)'>')
            {
                if (ndim >= 0 && a->nd != ndim) throw WrongNdim(sig, index, ndim, a->nd);
                lease.Borrowed = o;
                // As Borrow: the shape and strides are copied into the lease.
                return new NdView<T>(new NdLayout(a->data, a->dimensions, a->strides, a->nd, sizeof(T), lease.Dims(a->nd)), o);
            }
        }
        NdLayout converted = ConvertArrayLike<T>(o, sig, index, ref lease, ndim);
        return new NdView<T>(converted, lease.Temporary);   // owner: numpy's array made for the call, if it made one
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static NdLayout ConvertArrayLike<T>(PyObject* o, PySignature sig, int index, ref ArrayLease lease, int ndim) where T : unmanaged
    {
        if (lease.Active || lease.Temporary != null) throw new InvalidOperationException("an ArrayLease holds one array at a time");
        NumPyApiTable* api = NumPyRuntime.Require();   // a list needs numpy even when nothing imported it yet

        // numpy's own reading of the input, in the dtype it finds there: an ndarray itself, a view
        // of a buffer exporter's memory, or one conversion of a (nested) sequence or scalar.
        PyObject* found = api->PyArray_FromAny(o, null, 0, 0, 0, null);
        if (found == null) throw NotAnArray<T>(sig, index);
        var f = (PyArrayObject*)found;
        PyObject* array = found;
        if (!NpyElement<T>.MatchesDescr(f->descr) || f->descr->byteorder == (byte)'>' || (f->flags & Npy.NPY_ARRAY_ALIGNED) == 0)
        {
            PyArray_Descr* want = NpyElement<T>.NewDescr(api);
            if (want == null)
            {
                Py_DECREF(found);
                throw sig.ConversionError(index);
            }
            if (api->PyArray_CanCastTypeTo(f->descr, want, Npy.NPY_SAFE_CASTING) != 0)
            {
                array = api->PyArray_FromArray(found, want, Npy.NPY_ARRAY_ALIGNED);   // steals want
            }
            else
            {
                Py_DECREF((PyObject*)want);
                bool inputIsArray = NumPyRuntime.IsArray(api, o);
                try
                {
                    // Python numbers carry no dtype of their own: their values decide (as a scalar argument's do).
                    array = inputIsArray || !HoldsPythonNumbers(o) ? null : FromPythonNumbers<T>(api, f, sig, index);
                }
                catch
                {
                    Py_DECREF(found);
                    throw;
                }
                if (array == null)
                {
                    PythonException refused = UnsafeCast<T>(sig, index, o, found, inputIsArray);
                    Py_DECREF(found);
                    throw refused;
                }
            }
            Py_DECREF(found);
            if (array == null) throw sig.ConversionError(index);
        }
        lease.Temporary = array;   // released by the lease, also when a check below throws
        lease.Borrowed = array;
        var a = (PyArrayObject*)array;
        if (ndim >= 0 && a->nd != ndim) throw WrongNdim(sig, index, ndim, a->nd);
        // Copied: __array__ may have handed out an array its object keeps and reshapes later.
        return new NdLayout(a->data, a->dimensions, a->strides, a->nd, sizeof(T), lease.Dims(a->nd));
    }

    /// <summary>
    /// Whether numpy read <paramref name="o"/> from Python numbers (a list or tuple, possibly nested,
    /// or an int or float), which have no dtype of their own, rather than from a typed source (an
    /// ndarray, a buffer, a numpy scalar, an <c>__array__</c> object).
    /// </summary>
    private static bool HoldsPythonNumbers(PyObject* o)
    {
        PyTypeObject* t = Py_TYPE(o);
        const ulong flags = PyConst.Py_TPFLAGS_LONG_SUBCLASS | PyConst.Py_TPFLAGS_LIST_SUBCLASS | PyConst.Py_TPFLAGS_TUPLE_SUBCLASS;
        return (t->tp_flags & flags) != 0 || t == Builtins.FloatType || PyType_IsSubtype(t, Builtins.FloatType) != 0;
    }

    /// <summary>
    /// Python numbers numpy read as int64, uint64 or float64, converted to T by value, with the rules
    /// of a scalar argument of T: an int must fit an integer T (else OverflowError naming the value and
    /// where it is); ints and floats round to a float32/float16 T (beyond its range, infinity). Null
    /// when these dtypes do not meet that way (a float into an integer T stays refused). An empty list
    /// (float64 to numpy) converts to any T.
    /// </summary>
    private static PyObject* FromPythonNumbers<T>(NumPyApiTable* api, PyArrayObject* found, PySignature sig, int index) where T : unmanaged
    {
        int from = found->descr->type_num;
        bool ints = from is Npy.NPY_LONG or Npy.NPY_LONGLONG or Npy.NPY_ULONG or Npy.NPY_ULONGLONG;
        bool toFloat = typeof(T) == typeof(float) || typeof(T) == typeof(Half);
        bool toInt = IsInteger<T>();
        nint count = 1;
        for (int d = 0; d < found->nd; d++) count *= found->dimensions[d];
        bool empty = count == 0 && from == Npy.NPY_DOUBLE;   // numpy's dtype for [] and [[], []]: nothing to convert
        bool bigInts = from == Npy.NPY_OBJECT && (toInt || toFloat || typeof(T) == typeof(double));   // ints numpy could not fit in 64 bits
        if (!(toFloat && (ints || from == Npy.NPY_DOUBLE)) && !(toInt && ints) && !empty && !bigInts) return null;
        const int fresh = Npy.NPY_ARRAY_C_CONTIGUOUS | Npy.NPY_ARRAY_ALIGNED;
        if ((found->flags & fresh) != fresh || found->descr->byteorder == (byte)'>') return null;   // numpy made it from a list: always so
        PyArray_Descr* descr = api->PyArray_DescrFromType(NpyElement<T>.TypeNum);
        if (descr == null) throw sig.ConversionError(index);
        PyObject* result = api->PyArray_NewFromDescr(api->PyArray_Type, descr, found->nd, found->dimensions, null, null, 0, null);   // steals descr
        if (result == null) throw sig.ConversionError(index);
        T* to = (T*)((PyArrayObject*)result)->data;
        bool unsigned = from is Npy.NPY_ULONG or Npy.NPY_ULONGLONG;
        if (bigInts)
        {
            for (nint i = 0; i < count; i++)
            {
                PyObject* item = ((PyObject**)found->data)[i];
                if ((Py_TYPE(item)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) == 0)
                {
                    Py_DECREF(result);
                    return null;   // not only ints (None, a str...): refused as numpy's object array
                }
            }
            for (nint i = 0; i < count; i++)
            {
                PyObject* item = ((PyObject**)found->data)[i];
                if (!TryFromPythonInt(item, out to[i]))
                {
                    Py_DECREF(result);
                    if (PyErr_Occurred() != null)   // beyond float64 (2**1024): int too large to convert to float
                    {
                        PyErr_Clear();
                        throw new PythonException(Builtins.OverflowError,
                            $"{sig.ArgumentPrefix(index)} holds {Ints.Text(item)}{Where(found, i)}, too large to convert to {NpyElement<T>.Name}");
                    }
                    throw IntOutOfRange<T>(sig, index, Ints.Text(item), found, i);
                }
            }
            return result;
        }
        for (nint i = 0; i < count; i++)
        {
            if (from == Npy.NPY_DOUBLE)
            {
                to[i] = FromDouble<T>(((double*)found->data)[i]);
            }
            else if (!(unsigned ? TryFromUInt(((ulong*)found->data)[i], out to[i]) : TryFromInt(((long*)found->data)[i], out to[i])))
            {
                string value = unsigned ? ((ulong*)found->data)[i].ToString() : ((long*)found->data)[i].ToString();
                Py_DECREF(result);
                throw IntOutOfRange<T>(sig, index, value, found, i);
            }
        }
        return result;
    }

    /// <summary>An integer T's range (its minimum as a long, its maximum as a ulong).</summary>
    private static (long Min, ulong Max) IntRange<T>() where T : unmanaged => NpyElement<T>.TypeNum switch
    {
        Npy.NPY_BYTE => (sbyte.MinValue, (ulong)sbyte.MaxValue),
        Npy.NPY_UBYTE => (0, byte.MaxValue),
        Npy.NPY_SHORT => (short.MinValue, (ulong)short.MaxValue),
        Npy.NPY_USHORT => (0, ushort.MaxValue),
        Npy.NPY_INT => (int.MinValue, int.MaxValue),
        Npy.NPY_UINT => (0, uint.MaxValue),
        Npy.NPY_LONG => (long.MinValue, long.MaxValue),
        _ => (0, ulong.MaxValue),
    };

    private static bool IsInteger<T>() where T : unmanaged => NpyElement<T>.TypeNum is >= Npy.NPY_BYTE and <= Npy.NPY_ULONG;

    /// <summary>A double as a float T (double, float32, float16), rounded as the scalar conversions do.</summary>
    private static T FromDouble<T>(double d) where T : unmanaged =>
        typeof(T) == typeof(double) ? (T)(object)d : typeof(T) == typeof(float) ? (T)(object)(float)d : (T)(object)(Half)d;

    // An integer in T's range is its own low bytes (little-endian), whatever T's width and sign.
    private static bool TryFromInt<T>(long v, out T value) where T : unmanaged
    {
        if (!IsInteger<T>())
        {
            value = FromDouble<T>(v);
            return true;
        }
        (long min, ulong max) = IntRange<T>();
        value = Unsafe.As<long, T>(ref v);
        return v >= min && (v < 0 || (ulong)v <= max);
    }

    private static bool TryFromUInt<T>(ulong v, out T value) where T : unmanaged
    {
        if (v <= long.MaxValue) return TryFromInt((long)v, out value);
        if (!IsInteger<T>())
        {
            value = FromDouble<T>(v);
            return true;
        }
        value = Unsafe.As<ulong, T>(ref v);
        return v <= IntRange<T>().Max;
    }

    /// <summary>A Python int beyond 64 bits (or a 64-bit one beside it): false when it does not fit T, with a Python error set only beyond float64.</summary>
    private static bool TryFromPythonInt<T>(PyObject* item, out T value) where T : unmanaged
    {
        value = default;
        if (!IsInteger<T>())
        {
            double d = PyLong_AsDouble(item);
            if (d == -1.0 && PyErr_Occurred() != null) return false;
            value = FromDouble<T>(d);
            return true;
        }
        int overflow;
        long v = PyLong_AsLongLongAndOverflow(item, &overflow);
        if (overflow == 0) return TryFromInt(v, out value);
        if (overflow < 0) return false;
        ulong u = PyLong_AsUnsignedLongLong(item);
        if (u == ulong.MaxValue && PyErr_Occurred() != null)
        {
            PyErr_Clear();
            return false;
        }
        return TryFromUInt(u, out value);
    }

    /// <summary>" at [i, j]": where the C-order element <paramref name="flat"/> is ("" in a 0-d array).</summary>
    private static string Where(PyArrayObject* found, nint flat)
    {
        if (found->nd == 0) return "";
        var at = new System.Text.StringBuilder();
        for (int d = found->nd - 1; d >= 0; d--)
        {
            nint n = found->dimensions[d];
            at.Insert(0, d == 0 ? $"{flat % n}" : $", {flat % n}");
            flat /= n;
        }
        return $" at [{at}]";
    }

    private static PythonException IntOutOfRange<T>(PySignature sig, int index, string value, PyArrayObject* found, nint flat) where T : unmanaged
    {
        (long min, ulong max) = IntRange<T>();
        return new PythonException(Builtins.OverflowError,
            $"{sig.ArgumentPrefix(index)} holds {value}{Where(found, flat)}, out of range for {NpyElement<T>.Name} ({min} to {max})");
    }

    /// <summary>numpy could not make an array of the input (a ragged list, say): its reason, prefixed with the argument.</summary>
    private static PythonException NotAnArray<T>(PySignature sig, int index) where T : unmanaged
    {
        bool value = PyErr_ExceptionMatches(Builtins.ValueError) != 0;
        if (!value && PyErr_ExceptionMatches(Builtins.TypeError) == 0) return sig.ConversionError(index);   // the object's own failure (in __array__, say)
        PyObject* type, exc, tb;
        PyErr_Fetch(&type, &exc, &tb);
        PyErr_NormalizeException(&type, &exc, &tb);
        string reason = "";
        PyObject* s = exc == null ? null : PyObject_Str(exc);
        if (s != null)
        {
            reason = Utf8.FromStr(s) ?? "";
            Py_DECREF(s);
        }
        PyErr_Clear();
        Py_XDECREF(type);
        Py_XDECREF(exc);
        Py_XDECREF(tb);
        return new PythonException(value ? Builtins.ValueError : Builtins.TypeError,
            $"{sig.ArgumentPrefix(index)} cannot be converted to an array of {NpyElement<T>.Name}: {reason}");
    }

    private static PythonException UnsafeCast<T>(PySignature sig, int index, PyObject* input, PyObject* found, bool inputIsArray) where T : unmanaged
    {
        string want = NpyElement<T>.Name;
        string name = sig.ParameterName(index);
        string dtype = DtypeName(found, bigEndianHint: false);   // the message's own fix (astype) converts the byte order too
        byte kind = ((PyArrayObject*)found)->descr->kind;
        string prefix = $"{sig.ArgumentPrefix(index)} must be array-like of {want}";
        if (kind is not ((byte)'b' or (byte)'i' or (byte)'u' or (byte)'f' or (byte)'c'))   // strings, objects (None), dates: not numbers
            return new PythonException(Builtins.TypeError, $"{prefix}, not {PyFormat.TypeName(input)} (numpy reads it as an array of {dtype})");
        string what = inputIsArray ? $"an array of {dtype} ({dtype}" : $"{PyFormat.TypeName(input)} (numpy reads it as {dtype}, which";
        string fix = inputIsArray ? $"{name}.astype(numpy.{want})" : $"numpy.asarray({name}, dtype=numpy.{want})";
        return new PythonException(Builtins.TypeError,
            $"{prefix}, not {what} does not cast safely to {want}; if that is intended, convert it first with {fix})");
    }
}
