using System;
using NdBindgen.Interop;
using NdBindgen.NumPy;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>
/// A new numpy array of dtype <c>object</c>, every element None, to fill through
/// <see cref="AsViewMut"/> and return from a function (it becomes that <c>numpy.ndarray</c>, no
/// copy). It is a numpy array from the start (object elements are Python references, so it needs
/// the GIL and imports numpy if nothing has). Not returned, it is released as an
/// <see cref="NdArray{T}"/> is: by <see cref="Dispose"/>, or when the call (or <see cref="GilGuard"/>)
/// that made it ends, unless <see cref="Keep"/> took it beyond; no .NET finalizer on the way.
/// </summary>
public sealed unsafe class NdObjectArray : IDisposable, Core.ICallOwnedArray
{
    private PyRef? _array;
    private ulong _serial;
    private nint _thread;

    private NdObjectArray(PyRef array)
    {
        _array = array;
        _thread = Core.CallArrays.CurrentThread();
        _serial = Core.CallArrays.Adopt(this);
    }

    /// <summary>
    /// Keeps this array beyond the call that made it (otherwise released when that call returns);
    /// it is then released by <see cref="Dispose"/>, when it is returned, or by a .NET finalizer if
    /// dropped. Call it with the GIL held; returns this array.
    /// </summary>
    public NdObjectArray Keep()
    {
        if (_serial != 0)
        {
            Core.CallArrays.Remove(this);
            _serial = 0;
            if (_array is { } a) GC.ReRegisterForFinalize(a);   // the PyRef's finalizer queues the release
        }
        return this;
    }

    ulong Core.ICallOwnedArray.Serial => _serial;

    nint Core.ICallOwnedArray.Thread => _thread;

    void Core.ICallOwnedArray.ReleaseAtCallEnd()
    {
        _serial = 0;
        _array?.Dispose();
        _array = null;
    }

    /// <summary>A new object array of the given shape, every element None.</summary>
    public static NdObjectArray Create(Python py, params ReadOnlySpan<nint> shape)
    {
        foreach (nint n in shape) ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(shape));
        NumPyApiTable* api = NumPyRuntime.Require();
        PyArray_Descr* descr = api->PyArray_DescrFromType(Npy.NPY_OBJECT);
        if (descr == null) throw PythonException.Fetch();
        PyObject* array;
        fixed (nint* dims = shape)
        {
            array = api->PyArray_NewFromDescr(api->PyArray_Type, descr, shape.Length, dims, null, null, 0, null);   // steals descr
        }
        if (array == null) throw PythonException.Fetch();
        // The array's own reference, outside any open PyScope: the call's until returned, disposed or kept.
        var owned = PyRef.OwnUntracked(array);
        GC.SuppressFinalize(owned);   // released by the call's end, Dispose or hand-over   // numpy zero-fills object arrays it allocates: NULL until filled
        var result = new NdObjectArray(owned);
        NdObjects.Fill(result.Layout, Core.Builtins.None);
        return result;
    }

    public int Ndim => Array->nd;

    public ReadOnlySpan<nint> Shape => new(Array->dimensions, Array->nd);

    /// <summary>The number of elements.</summary>
    public nint Length => Layout.Length;

    /// <summary>A writable view of the elements (reads borrowed; writes through <see cref="NdObjectViewMut.Set(nint, PyBorrowed)"/>).</summary>
    public NdObjectViewMut AsViewMut() => new(Layout);

    public NdObjectView AsView() => new(Layout);

    private NdLayout Layout
    {
        get
        {
            PyArrayObject* a = Array;
            return new NdLayout(a->data, a->dimensions, a->strides, a->nd, sizeof(PyObject*));
        }
    }

    private PyArrayObject* Array =>
        (PyArrayObject*)(_array ?? throw new ObjectDisposedException(nameof(NdObjectArray), "this NdObjectArray was handed to Python, disposed, or released when the call that made it returned (Keep() an array to use it in a later call)")).Handle;

    /// <summary>The ndarray, handed to the caller (who owns the reference); this object is empty afterwards.</summary>
    internal PyObject* Detach()
    {
        _ = Array;   // throws once handed over
        Unscope();
        PyObject* detached = _array!.Detach();
        _array = null;
        return detached;
    }

    /// <summary>Releases the array now (with the GIL held at once; without it, at the next call).</summary>
    public void Dispose()
    {
        if (_serial != 0 && Interop.CPython.PyGILState_Check() != 0) Unscope();
        _array?.Dispose();
        _array = null;
    }

    private void Unscope()
    {
        if (_serial == 0) return;
        Core.CallArrays.Remove(this);
        _serial = 0;
    }
}
