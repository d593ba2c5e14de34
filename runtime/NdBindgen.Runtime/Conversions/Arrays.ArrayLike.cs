using System;
using System.Runtime.CompilerServices;
using NdBindgen.Core;
using NdBindgen.Hosting;
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
            if (NpyElement<T>.MatchesTypeNum(a->descr->type_num) && a->descr->byteorder != (byte)'>')
            {
                if (ndim >= 0 && a->nd != ndim) throw WrongNdim(sig, index, ndim, a->nd);
                return new NdView<T>(new NdLayout(a->data, a->dimensions, a->strides, a->nd, sizeof(T)));
            }
        }
        return new NdView<T>(ConvertArrayLike<T>(o, sig, index, ref lease, ndim));
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
        if (!NpyElement<T>.MatchesTypeNum(f->descr->type_num) || f->descr->byteorder == (byte)'>' || (f->flags & Npy.NPY_ARRAY_ALIGNED) == 0)
        {
            PyArray_Descr* want = api->PyArray_DescrFromType(NpyElement<T>.TypeNum);
            if (want == null)
            {
                Py_DECREF(found);
                throw PythonException.Fetch();
            }
            if (api->PyArray_CanCastTypeTo(f->descr, want, Npy.NPY_SAFE_CASTING) == 0)
            {
                Py_DECREF((PyObject*)want);
                PythonException refused = UnsafeCast<T>(sig, index, o, found, NumPyRuntime.IsArray(api, o));
                Py_DECREF(found);
                throw refused;
            }
            array = api->PyArray_FromArray(found, want, Npy.NPY_ARRAY_ALIGNED);   // steals want
            Py_DECREF(found);
            if (array == null) throw PythonException.Fetch();
        }
        lease.Temporary = array;   // released by the lease, also when a check below throws
        var a = (PyArrayObject*)array;
        if (ndim >= 0 && a->nd != ndim) throw WrongNdim(sig, index, ndim, a->nd);
        return new NdLayout(a->data, a->dimensions, a->strides, a->nd, sizeof(T));
    }

    /// <summary>numpy could not make an array of the input (a ragged list, say): its reason, prefixed with the argument.</summary>
    private static PythonException NotAnArray<T>(PySignature sig, int index) where T : unmanaged
    {
        bool value = PyErr_ExceptionMatches(Py.ValueError) != 0;
        if (!value && PyErr_ExceptionMatches(Py.TypeError) == 0) return PythonException.Fetch();   // the object's own failure (in __array__, say)
        PyObject* type, exc, tb;
        PyErr_Fetch(&type, &exc, &tb);
        PyErr_NormalizeException(&type, &exc, &tb);
        string reason = "";
        PyObject* s = exc == null ? null : PyObject_Str(exc);
        if (s != null)
        {
            reason = Strings.ToManaged(s) ?? "";
            Py_DECREF(s);
        }
        PyErr_Clear();
        Py_XDECREF(type);
        Py_XDECREF(exc);
        Py_XDECREF(tb);
        return new PythonException(value ? Py.ValueError : Py.TypeError,
            $"{sig.ArgumentPrefix(index)} cannot be converted to an array of {NpyElement<T>.Name}: {reason}");
    }

    private static PythonException UnsafeCast<T>(PySignature sig, int index, PyObject* input, PyObject* found, bool inputIsArray) where T : unmanaged
    {
        string want = NpyElement<T>.Name;
        string name = sig.ParameterName(index);
        string dtype = DtypeName(found);
        byte kind = ((PyArrayObject*)found)->descr->kind;
        string prefix = $"{sig.ArgumentPrefix(index)} must be array-like of {want}";
        if (kind is not ((byte)'b' or (byte)'i' or (byte)'u' or (byte)'f' or (byte)'c'))   // strings, objects (None), dates: not numbers
            return new PythonException(Py.TypeError, $"{prefix}, not {Py.TypeName(input)} (numpy reads it as an array of {dtype})");
        string what = inputIsArray ? $"an array of {dtype} ({dtype}" : $"{Py.TypeName(input)} (numpy reads it as {dtype}, which";
        string fix = inputIsArray ? $"{name}.astype(numpy.{want})" : $"numpy.asarray({name}, dtype=numpy.{want})";
        return new PythonException(Py.TypeError,
            $"{prefix}, not {what} does not cast safely to {want}; if that is intended, convert it first with {fix})");
    }
}
