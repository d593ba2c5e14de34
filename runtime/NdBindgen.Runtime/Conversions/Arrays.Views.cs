using System;
using System.ComponentModel;
using NdBindgen.Core;
using NdBindgen.Interop;
using NdBindgen.NumPy;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

// Views returned to Python, and views of objects that are not parameters (NdViewLease).
public static unsafe partial class Arrays
{
    /// <summary>
    /// A view returned from a function: a read-only numpy array over the same memory, whose
    /// <c>base</c> is the view's owner (numpy collapses it to the owner's own base when the owner is
    /// itself a view), so the memory lives as long as the result. Nothing is copied.
    /// </summary>
    public static PyObject* FromView<T>(NdView<T> view) where T : unmanaged
        => ViewToPython(view.Layout, view.Owner, NpyElement<T>.TypeNum, writable: false);

    /// <summary>As <see cref="FromView{T}"/>, writable: writes to the result land in the owner's memory.</summary>
    public static PyObject* FromViewMut<T>(NdViewMut<T> view) where T : unmanaged
        => ViewToPython(view.Layout, view.Owner, NpyElement<T>.TypeNum, writable: true);

    private static PyObject* ViewToPython(in NdLayout layout, PyObject* owner, int typeNum, bool writable)
    {
        if (owner == null)
            throw new PythonException(Builtins.ValueError,
                "cannot return a view of memory no Python object owns (an NdArray made in the call, or a view of one); " +
                "return the NdArray itself instead");
        NumPyApiTable* api = NumPyRuntime.Require();
        if (!NumPyRuntime.IsArray(api, owner))
            throw new PythonException(Builtins.TypeError,
                $"cannot return a view of a {PyFormat.TypeName(owner)}: only views of numpy arrays can be returned " +
                "(numpy keeps them alive as the result's base); pass numpy.asarray(x), which shares the memory, instead");
        PyArray_Descr* descr = api->PyArray_DescrFromType(typeNum);
        if (descr == null) throw PythonException.Fetch();
        PyObject* result = api->PyArray_NewFromDescr(api->PyArray_Type, descr, layout.Ndim, layout.Shape, layout.Strides,
            layout.Data, writable ? Npy.NPY_ARRAY_WRITEABLE : 0, null);   // steals descr; flags other than writable are computed
        if (result == null) throw PythonException.Fetch();
        Py_INCREF(owner);
        if (api->PyArray_SetBaseObject(result, owner) < 0)   // steals owner, even on failure
        {
            Py_DECREF(result);
            throw PythonException.Fetch();
        }
        return result;
    }

    private static readonly Binding.PySignature s_viewOf = Binding.PySignature.ForObject("AsNdView");
    private static readonly Binding.PySignature s_viewMutOf = Binding.PySignature.ForObject("AsNdViewMut");
    private static readonly Binding.PySignature s_arrayLikeOf = Binding.PySignature.ForObject("AsArrayLikeNdView");

    internal static NdViewLease<T> LeaseView<T>(PyObject* o, int ndim, bool arrayLike) where T : unmanaged
    {
        var lease = new NdViewLease<T>();
        try
        {
            NdView<T> view = arrayLike
                ? ToArrayLikeView<T>(o, s_arrayLikeOf, 0, ref lease.Lease, ndim)
                : ToView<T>(o, s_viewOf, 0, ref lease.Lease, ndim);
            lease.Layout = OwnCopy(view.Layout, sizeof(T), out lease.Keep);
            lease.Owner = view.Owner;
            return lease;
        }
        catch
        {
            lease.Lease.Dispose();
            throw;
        }
    }

    internal static NdViewMutLease<T> LeaseViewMut<T>(PyObject* o, int ndim) where T : unmanaged
    {
        var lease = new NdViewMutLease<T>();
        try
        {
            NdViewMut<T> view = ToViewMut<T>(o, s_viewMutOf, 0, ref lease.Lease, ndim);
            lease.Layout = OwnCopy(view.Layout, sizeof(T), out lease.Keep);
            lease.Owner = view.Owner;
            return lease;
        }
        catch
        {
            lease.Lease.Dispose();
            throw;
        }
    }

    // The lease is returned by value (a copy): its layout must not point into itself, so the shape
    // and strides move to pinned storage the view holds (NdDerive.NewStorage).
    private static NdLayout OwnCopy(in NdLayout layout, nint itemSize, out nint[] keep)
    {
        nint* storage = NdDerive.NewStorage(layout.Ndim, out keep);
        return new NdLayout(layout.Data, layout.Shape, layout.Strides, layout.Ndim, itemSize, storage);
    }
}
