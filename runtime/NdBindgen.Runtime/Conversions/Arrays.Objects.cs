using System;
using System.Runtime.CompilerServices;
using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using NdBindgen.NumPy;

namespace NdBindgen.Conversions;

// numpy arrays of dtype object: NdObjectView and NdObjectViewMut in, NdObjectArray out. Only numpy
// arrays are read (a buffer exporter's 'O' format says nothing about who owns the references).
public static unsafe partial class Arrays
{
    public static NdObjectView ToObjectView(PyObject* o, PySignature sig, int index, ref ArrayLease lease, int ndim = -1)
        => new(BorrowObjects(o, sig, index, ref lease, ndim, writable: false));

    public static NdObjectViewMut ToObjectViewMut(PyObject* o, PySignature sig, int index, ref ArrayLease lease, int ndim = -1)
        => new(BorrowObjects(o, sig, index, ref lease, ndim, writable: true));

    private static NdLayout BorrowObjects(PyObject* o, PySignature sig, int index, ref ArrayLease lease, int ndim, bool writable)
    {
        NumPyApiTable* api = NumPyRuntime.IfImported();
        if (api == null || !NumPyRuntime.IsArray(api, o)) throw NotAnObjectArray(o, sig, index);
        var a = (PyArrayObject*)o;
        if (a->descr->type_num != Npy.NPY_OBJECT)
            throw new PythonException(Builtins.TypeError, $"{sig.ArgumentPrefix(index)} must be an array of object, not an array of {DtypeName(o)}");
        if (writable && (a->flags & Npy.NPY_ARRAY_WRITEABLE) == 0) throw ReadOnly(sig, index);
        if (ndim >= 0 && a->nd != ndim) throw WrongNdim(sig, index, ndim, a->nd);
        lease.Borrowed = o;   // tracked as any ndarray (Arrays.Borrows.cs)
        return new NdLayout(a->data, a->dimensions, a->strides, a->nd, sizeof(PyObject*), lease.Dims(a->nd));
    }

    // Another buffer exporter is refused as a view of numbers is refused a wrong format: its format
    // named. Even an 'O' buffer: it says nothing about who owns the references in it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Exception NotAnObjectArray(PyObject* o, PySignature sig, int index)
    {
        Py_buffer b;
        if (CPython.PyObject_CheckBuffer(o) == 0 || CPython.PyObject_GetBuffer(o, &b, PyConst.PyBUF_RECORDS_RO) < 0)
        {
            CPython.PyErr_Clear();
            return sig.WrongType(index, "numpy.ndarray of object", o);
        }
        string format = Utf8.FromC(b.format == null ? (byte*)Utf8.Z("B"u8) : b.format);
        nint itemsize = b.itemsize;
        CPython.PyBuffer_Release(&b);
        return new PythonException(Builtins.TypeError,
            $"{sig.ArgumentPrefix(index)} must be an array of object, not an array of buffer format '{format}' with item size {itemsize}");
    }

    /// <summary>Hands the object array to Python (a new reference; no copy).</summary>
    public static PyObject* FromObjectArray(NdObjectArray array) => array.Detach();

    /// <summary>Registers an object view for the rest of the call, as <see cref="Acquire{T}(PySignature, int, NdView{T}, ref ArrayLease)"/>.</summary>
    public static void Acquire(PySignature sig, int index, NdObjectView view, ref ArrayLease lease)
    {
        if (lease.Borrowed != null)
            Acquire(sig, index, view.Layout.Data, view.Layout.Shape, view.Layout.Strides, view.Layout.Ndim, sizeof(PyObject*), ref lease, mutable: false);
    }

    /// <summary>Registers a mutable object view for the rest of the call.</summary>
    public static void Acquire(PySignature sig, int index, NdObjectViewMut view, ref ArrayLease lease)
    {
        if (lease.Borrowed != null)
            Acquire(sig, index, view.Layout.Data, view.Layout.Shape, view.Layout.Strides, view.Layout.Ndim, sizeof(PyObject*), ref lease, mutable: true);
    }

    // Overlap checks of the generated wrappers, for object views beside any other view.
    public static void CheckNoOverlap<U>(PySignature sig, int mutableIndex, NdObjectViewMut mutable, int otherIndex, NdView<U> other) where U : unmanaged
        => Overlap(sig, mutableIndex, mutable.Layout, sizeof(PyObject*), otherIndex, other.Layout, sizeof(U));
    public static void CheckNoOverlap<U>(PySignature sig, int mutableIndex, NdObjectViewMut mutable, int otherIndex, NdViewMut<U> other) where U : unmanaged
        => Overlap(sig, mutableIndex, mutable.Layout, sizeof(PyObject*), otherIndex, other.AsReadOnly().Layout, sizeof(U));
    public static void CheckNoOverlap(PySignature sig, int mutableIndex, NdObjectViewMut mutable, int otherIndex, NdObjectView other)
        => Overlap(sig, mutableIndex, mutable.Layout, sizeof(PyObject*), otherIndex, other.Layout, sizeof(PyObject*));
    public static void CheckNoOverlap(PySignature sig, int mutableIndex, NdObjectViewMut mutable, int otherIndex, NdObjectViewMut other)
        => Overlap(sig, mutableIndex, mutable.Layout, sizeof(PyObject*), otherIndex, other.Layout, sizeof(PyObject*));
    public static void CheckNoOverlap<T>(PySignature sig, int mutableIndex, NdViewMut<T> mutable, int otherIndex, NdObjectView other) where T : unmanaged
        => Overlap(sig, mutableIndex, mutable.AsReadOnly().Layout, sizeof(T), otherIndex, other.Layout, sizeof(PyObject*));
    public static void CheckNoOverlap<T>(PySignature sig, int mutableIndex, NdViewMut<T> mutable, int otherIndex, NdObjectViewMut other) where T : unmanaged
        => Overlap(sig, mutableIndex, mutable.AsReadOnly().Layout, sizeof(T), otherIndex, other.Layout, sizeof(PyObject*));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Overlap(PySignature sig, int mutableIndex, NdLayout mutable, int mutableSize, int otherIndex, NdLayout other, int otherSize)
    {
        var (a0, a1) = mutable.Extent(mutableSize);
        var (b0, b1) = other.Extent(otherSize);
        if (a0 < b1 && b0 < a1)
            throw new PythonException(Builtins.ValueError,
                $"{sig.FunctionName}() arguments '{sig.ParameterName(mutableIndex)}' and '{sig.ParameterName(otherIndex)}' share memory; " +
                $"'{sig.ParameterName(mutableIndex)}' is written to, so pass a copy of one of them");
    }
}

public static unsafe partial class ArgMatches
{
    public static ArgMatch ToObjectView(PyObject* o, int ndim = -1) => ObjectArray(o, ndim, writable: false);

    public static ArgMatch ToObjectViewMut(PyObject* o, int ndim = -1) => ObjectArray(o, ndim, writable: true);

    private static ArgMatch ObjectArray(PyObject* o, int ndim, bool writable)
    {
        NumPyApiTable* api = NumPyRuntime.IfImported();
        if (api == null || !NumPyRuntime.IsArray(api, o)) return ArgMatch.No;
        var a = (PyArrayObject*)o;
        bool fits = a->descr->type_num == Npy.NPY_OBJECT
            && (!writable || (a->flags & Npy.NPY_ARRAY_WRITEABLE) != 0)
            && (ndim < 0 || a->nd == ndim);
        return fits ? ArgMatch.Exact : ArgMatch.No;
    }
}
