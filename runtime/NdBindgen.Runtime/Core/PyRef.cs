using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>
/// An owned (strong) reference to any Python object, which C# code may keep in fields, lists and
/// arrays beyond the call that produced it. A <c>[PyClass]</c> holding <see cref="PyRef"/>s reports
/// them to Python's cyclic garbage collector (generated tp_traverse/tp_clear), so cycles through
/// C# objects are collected, and releases them when its Python object dies. Dispose it with the
/// GIL held (any code called from Python holds it) to release it at once; a reference finalized
/// by .NET is queued and released the next time NdBindgen runs with the GIL.
/// </summary>
public partial class PyRef : IDisposable
{
    private nint _object;   // PyObject*, owned; 0 once released

    private static readonly ConcurrentQueue<nint> s_pendingReleases = new();
    private static int s_pendingCount;   // a cheap "anything queued?" for the call path (the queue's IsEmpty is not)

    /// <summary>Takes ownership of a new reference.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public unsafe PyRef(PyObject* owned)
    {
        if (owned == null) throw new ArgumentNullException(nameof(owned));
        _object = (nint)owned;
        PyScope.Track(this);
    }

    /// <summary>Takes ownership of a new reference a C API call returned; NULL means its error is thrown.</summary>
    internal static unsafe PyRef Own(PyObject* result)
    {
        if (result == null) throw PythonException.Fetch();
        return new PyRef(result);
    }

    /// <summary>Gives up ownership: returns the object, whose reference the caller now owns; this PyRef is empty afterwards.</summary>
    internal unsafe PyObject* Detach()
    {
        PyObject* o = Handle;
        _object = 0;
        PyScope.Untrack(this);
        GC.SuppressFinalize(this);
        return o;
    }

    /// <summary>Takes this reference out of the open <see cref="PyScope"/>, so it outlives it; returns it.</summary>
    public PyRef Keep()
    {
        PyScope.Untrack(this);
        return this;
    }

    /// <summary>A new owned reference to a borrowed object (increments its count).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static unsafe PyRef FromBorrowed(PyObject* borrowed)
    {
        ReleasePending();
        Py_INCREF(borrowed);
        return new PyRef(borrowed);
    }

    // PyRef.Of(instance), the reference to a [PyClass] instance's Python object, and PyRef<T>: Classes/PyRef.Instances.cs.

    /// <summary>The object, borrowed: valid while this reference is alive.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public unsafe PyObject* Handle =>
        _object != 0 ? (PyObject*)_object : throw new ObjectDisposedException(nameof(PyRef), "this Python reference was released");

    /// <summary>False once the reference was released (disposed, or cleared by the garbage collector).</summary>
    public bool IsAlive => _object != 0;

    /// <summary>Reports the reference to Python's GC (tp_traverse). Returns visit's result.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public unsafe int Visit(delegate* unmanaged<PyObject*, void*, int> visit, void* arg) =>
        _object != 0 ? visit((PyObject*)_object, arg) : 0;

    /// <summary>
    /// Releases the reference: at once when this thread holds the GIL, else queued for the next
    /// time NdBindgen runs with it (never touching the object without the GIL).
    /// </summary>
    public unsafe void Dispose()
    {
        nint o = _object;
        _object = 0;
        if (o != 0) Release(o);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the owned reference <paramref name="o"/>: at once with the GIL, else queued.</summary>
    internal static unsafe void Release(nint o)
    {
        if (PyGILState_Check() == 0) Queue(o);
        else if (s_deallocDepth > 0) s_deferred.Push(o);
        else Py_DECREF((PyObject*)o);
    }

    // Instances being deallocated (the GIL guards both fields): meanwhile releases are deferred, and
    // the outermost deallocation makes them one after another, so a long chain of instances is
    // freed by a loop and not by a recursion that overflows the stack (CPython's trashcan idea).
    private static int s_deallocDepth;
    private static readonly Stack<nint> s_deferred = new();

    /// <summary>
    /// An instance's tp_clear work while it is deallocated begins: releases are deferred until the
    /// matching <see cref="EndDeallocating"/> (call it in a finally); the GIL must be held.
    /// </summary>
    internal static void BeginDeallocating() => s_deallocDepth++;

    /// <summary>Ends what <see cref="BeginDeallocating"/> began; the outermost end makes the deferred releases.</summary>
    internal static unsafe void EndDeallocating()
    {
        // Still counted as deallocating: instances freed by these releases defer theirs to this loop.
        if (s_deallocDepth == 1)
        {
            while (s_deferred.TryPop(out nint o)) Py_DECREF((PyObject*)o);
        }
        s_deallocDepth--;
    }

    ~PyRef()
    {
        // No GIL on the finalizer thread: only queue the release.
        nint o = _object;
        _object = 0;
        if (o != 0) Queue(o);
    }

    private static void Queue(nint o)
    {
        s_pendingReleases.Enqueue(o);
        System.Threading.Interlocked.Increment(ref s_pendingCount);
    }

    /// <summary>How many releases wait for the GIL (finalized references, or disposed without the GIL).</summary>
    public static int PendingReleases => System.Threading.Volatile.Read(ref s_pendingCount);

    /// <summary>Releases references queued by finalizers; the GIL must be held.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static void ReleasePending()
    {
        if (System.Threading.Volatile.Read(ref s_pendingCount) != 0) DrainPending();
    }

    private static unsafe void DrainPending()
    {
        while (s_pendingReleases.TryDequeue(out nint o))
        {
            System.Threading.Interlocked.Decrement(ref s_pendingCount);
            Py_DECREF((PyObject*)o);
        }
    }
}
