using System;
using NdBindgen.Conversions;
using NdBindgen.Interop;
using NdBindgen.NumPy;

namespace NdBindgen;

/// <summary>
/// A read-only view of a numpy array that is not a parameter (a dict item, an attribute, the result
/// of a call into Python), valid until the lease is disposed: <c>using var a = item.AsNdView&lt;double&gt;(py);</c>
/// then <c>a.View</c>. It is checked as a parameter is (dtype, number of dimensions, an array at all)
/// and holds what the view borrowed (a buffer request, an array converted from an array-like) until
/// <see cref="Dispose"/>. The object itself must stay alive meanwhile: the PyRef it came from does that.
/// </summary>
public unsafe ref struct NdViewLease<T> where T : unmanaged
{
    internal ArrayLease Lease;
    internal NdLayout Layout;
    internal PyObject* Owner;
    internal nint[]? Keep;
    private bool _disposed;

    public NdViewLease()
    {
        Lease = new ArrayLease();
        Layout = default;
        Owner = null;
        Keep = null;
        _disposed = false;
    }

    /// <summary>The view; it may be returned from a [PyFunction] (its owner is the object).</summary>
    public readonly NdView<T> View => Keep != null && !_disposed
        ? new NdView<T>(Layout, Owner, Keep)
        : throw new ObjectDisposedException(nameof(NdViewLease<T>), "this array lease was disposed (or never made)");

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Lease.Dispose();
    }
}

/// <summary>As <see cref="NdViewLease{T}"/>, writable: a read-only array is refused when the lease is made.</summary>
public unsafe ref struct NdViewMutLease<T> where T : unmanaged
{
    internal ArrayLease Lease;
    internal NdLayout Layout;
    internal PyObject* Owner;
    internal nint[]? Keep;
    private bool _disposed;

    public NdViewMutLease()
    {
        Lease = new ArrayLease();
        Layout = default;
        Owner = null;
        Keep = null;
        _disposed = false;
    }

    /// <summary>The view; writes land in the object's memory.</summary>
    public readonly NdViewMut<T> View => Keep != null && !_disposed
        ? new NdViewMut<T>(Layout, Owner, Keep)
        : throw new ObjectDisposedException(nameof(NdViewMutLease<T>), "this array lease was disposed (or never made)");

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Lease.Dispose();
    }
}

/// <summary>
/// Typed views of arrays that are not parameters: <c>using var a = dict["x"].AsNdView&lt;double&gt;(py);</c>.
/// The checks and errors are a parameter's (TypeError for a non-array or a wrong dtype or number of
/// dimensions, ValueError for a read-only array viewed as writable), worded about "the object".
/// </summary>
public static unsafe class NdViewExtensions
{
    /// <summary>A read-only view of the array <paramref name="o"/> refers to, until the lease is disposed.</summary>
    /// <param name="ndim">The number of dimensions required, or -1 for any.</param>
    public static NdViewLease<T> AsNdView<T>(this PyRef o, Python py, int ndim = -1) where T : unmanaged
        => Arrays.LeaseView<T>(o.Handle, ndim, arrayLike: false);

    /// <summary>A writable view of the array <paramref name="o"/> refers to, until the lease is disposed.</summary>
    public static NdViewMutLease<T> AsNdViewMut<T>(this PyRef o, Python py, int ndim = -1) where T : unmanaged
        => Arrays.LeaseViewMut<T>(o.Handle, ndim);

    /// <summary>
    /// A read-only view of anything numpy.asarray accepts (a list, a scalar, an array of another
    /// dtype that casts safely): converted by numpy into a new array (a copy) that the lease holds;
    /// an array of <typeparamref name="T"/>'s dtype is viewed without a copy.
    /// </summary>
    public static NdViewLease<T> AsArrayLikeNdView<T>(this PyRef o, Python py, int ndim = -1) where T : unmanaged
        => Arrays.LeaseView<T>(o.Handle, ndim, arrayLike: true);

    public static NdViewLease<T> AsNdView<T>(this PyBorrowed o, Python py, int ndim = -1) where T : unmanaged
        => Arrays.LeaseView<T>(o.Handle, ndim, arrayLike: false);

    public static NdViewMutLease<T> AsNdViewMut<T>(this PyBorrowed o, Python py, int ndim = -1) where T : unmanaged
        => Arrays.LeaseViewMut<T>(o.Handle, ndim);

    public static NdViewLease<T> AsArrayLikeNdView<T>(this PyBorrowed o, Python py, int ndim = -1) where T : unmanaged
        => Arrays.LeaseView<T>(o.Handle, ndim, arrayLike: true);
}
