using System;
using NdBindgen.Interop;
using NdBindgen.NumPy;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>
/// A new numpy array of dtype <c>object</c>, every element None, to fill through
/// <see cref="AsViewMut"/> and return from a function (it becomes that <c>numpy.ndarray</c>, no
/// copy). It is a numpy array from the start (object elements are Python references, so it needs
/// the GIL and imports numpy if nothing has). Not returned, it is released by <see cref="Dispose"/>
/// or, like a <see cref="PyRef"/>, when .NET finalizes it.
/// </summary>
public sealed unsafe class NdObjectArray : IDisposable
{
    private PyRef? _array;

    private NdObjectArray(PyRef array) => _array = array;

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
        // The array's own reference, outside any open PyScope: it lives until returned or disposed.
        var owned = PyRef.OwnUntracked(array);   // numpy zero-fills object arrays it allocates: NULL until filled
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
        (PyArrayObject*)(_array ?? throw new ObjectDisposedException(nameof(NdObjectArray), "this NdObjectArray was handed to Python or disposed")).Handle;

    /// <summary>The ndarray, handed to the caller (who owns the reference); this object is empty afterwards.</summary>
    internal PyObject* Detach()
    {
        _ = Array;   // throws once handed over
        PyObject* detached = _array!.Detach();
        _array = null;
        return detached;
    }

    public void Dispose()
    {
        _array?.Dispose();
        _array = null;
    }
}
