using System.Runtime.CompilerServices;
using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using NdBindgen.NumPy;

namespace NdBindgen.Conversions;

// Borrow tracking across calls, threads and extensions (rust-numpy's shared borrow checker; see
// NumPy/Borrows.cs). A wrapper converts every argument, checks its own views against each other
// (CheckNoOverlap), then acquires each view here; the lease releases it when the call ends.
public static unsafe partial class Arrays
{
    /// <summary>Registers a read-only view for the rest of the call: a BufferError if another call holds a mutable view of the same memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Acquire<T>(PySignature sig, int index, NdView<T> view, ref ArrayLease lease) where T : unmanaged
    {
        if (lease.Borrowed != null) Acquire(sig, index, view.Layout.Data, view.Layout.Shape, view.Layout.Strides, view.Layout.Ndim, sizeof(T), ref lease, mutable: false);
    }

    /// <summary>Registers a mutable view for the rest of the call: a BufferError if another call holds any view of the same memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Acquire<T>(PySignature sig, int index, NdViewMut<T> view, ref ArrayLease lease) where T : unmanaged
    {
        if (lease.Borrowed != null) Acquire(sig, index, view.Layout.Data, view.Layout.Shape, view.Layout.Strides, view.Layout.Ndim, sizeof(T), ref lease, mutable: true);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Acquire(PySignature sig, int index, byte* data, nint* shape, nint* strides, int ndim, nint itemSize, ref ArrayLease lease, bool mutable)
    {
        if (lease.Active || !Borrows.Ours)
        {
            AcquireOther(sig, index, data, shape, strides, ndim, itemSize, ref lease, mutable);
            return;
        }
        // Our table: the key is the view's own layout (what the function reads), not the array's
        // shape now, which Python code run by a later argument's conversion may have changed.
        var a = (PyArrayObject*)lease.Borrowed;
        nint @base = a->@base == null ? (nint)a : Borrows.BaseOf(NumPyRuntime.IfLoaded, a);
        int slot = BorrowTable.Acquire(Borrows.OwnTable, @base, data, shape, strides, ndim, itemSize, mutable);
        if (slot < 0) throw InUse(sig, index, mutable);
        lease.BorrowSlot = slot;
        lease.Held = 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AcquireOwn(PySignature sig, int index, byte* data, nint* shape, nint* strides, int ndim, nint itemSize, ref ArrayLease lease, bool mutable) =>
        Acquire(sig, index, data, shape, strides, ndim, itemSize, ref lease, mutable);

    /// <summary>A buffer exporter, the first ndarray (the capsule is looked up), or another extension's table.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AcquireOther(PySignature sig, int index, byte* data, nint* shape, nint* strides, int ndim, nint itemSize, ref ArrayLease lease, bool mutable)
    {
        if (lease.Active)
        {
            AcquireExporter(sig, index, data, shape, strides, ndim, itemSize, ref lease, mutable);
            return;
        }
        SharedBorrowApi* foreign = Borrows.Foreign;   // resolves the capsule the first time
        if (foreign == null)
        {
            AcquireOwn(sig, index, data, shape, strides, ndim, itemSize, ref lease, mutable);
            return;
        }
        AcquireForeign(sig, index, foreign, ref lease, mutable);
    }

    /// <summary>Through the capsule of the extension that installed it (rust-numpy's or another NdBindgen module's).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AcquireForeign(PySignature sig, int index, SharedBorrowApi* api, ref ArrayLease lease, bool mutable)
    {
        var a = (PyArrayObject*)lease.Borrowed;
        int rc = mutable ? api->AcquireMut(api->Flags, a) : api->AcquireShared(api->Flags, a);
        if (rc == -2) throw ReadOnly(sig, index);
        if (rc != 0) throw InUse(sig, index, mutable);
        lease.Held = mutable ? (byte)3 : (byte)2;
    }

    /// <summary>
    /// A buffer exporter that is not an ndarray (bytearray, array.array, memoryview, ...): tracked
    /// by the exporter object (or, for an ndarray's buffer, its base) in this module's own table,
    /// because the shared capsule's functions take ndarrays only.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AcquireExporter(PySignature sig, int index, byte* data, nint* shape, nint* strides, int ndim, nint itemSize, ref ArrayLease lease, bool mutable)
    {
        PyObject* o = lease.Borrowed;
        NumPyApiTable* api = NumPyRuntime.IfLoaded;
        nint @base = api != null && NumPyRuntime.IsArray(api, o) ? Borrows.BaseOf(api, (PyArrayObject*)o) : (nint)o;
        int slot = BorrowTable.Acquire(Borrows.Own, @base, data, shape, strides, ndim, itemSize, mutable);
        if (slot < 0) throw InUse(sig, index, mutable);
        lease.BorrowSlot = slot;
        lease.Held = 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ReleaseForeign(PyObject* array, bool mutable)
    {
        SharedBorrowApi* api = Borrows.Foreign;
        if (mutable) api->ReleaseMut(api->Flags, (PyArrayObject*)array);
        else api->ReleaseShared(api->Flags, (PyArrayObject*)array);
    }

    /// <summary>The BufferError for a view another call (this thread's outer call, another thread, another extension) holds a conflicting borrow of.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PythonException InUse(PySignature sig, int index, bool mutable) =>
        new(Builtins.BufferError, mutable
            ? $"{sig.ArgumentPrefix(index)} is in use by another call, which holds a view of the same memory, and {sig.FunctionName}() writes to it; " +
              "wait for that call to end, or pass a copy"
            : $"{sig.ArgumentPrefix(index)} is in use by another call, which writes to the same memory (it holds a writable view of it); " +
              "wait for that call to end, or pass a copy");
}
