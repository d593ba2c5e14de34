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

    /// <summary>
    /// Takes ownership of a new reference without giving it to the open <see cref="PyScope"/>: for
    /// references the runtime makes for a call (arguments, exceptions), whose owner is the call and
    /// not whatever scope C# code further up this thread's stack has open.
    /// </summary>
    private protected unsafe PyRef(PyObject* owned, bool untracked) => _object = (nint)owned;

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

    /// <summary>A new owned reference to a borrowed argument, owned by the call (not by an open <see cref="PyScope"/>).</summary>
    internal static unsafe PyRef FromArgument(PyObject* borrowed)
    {
        ReleasePending();
        Py_INCREF(borrowed);
        return new PyRef(borrowed, untracked: true);
    }

    /// <summary>Takes ownership of <paramref name="owned"/> outside any <see cref="PyScope"/>.</summary>
    internal static unsafe PyRef OwnUntracked(PyObject* owned) => new(owned, untracked: true);

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
        // A plain static read first: the thread-local depth is looked at only while some thread deallocates.
        else if (s_deallocatingThreads != 0 && t_deallocDepth > 0) (t_deferred ??= new Stack<nint>()).Push(o);
        else Py_DECREF((PyObject*)o);
    }

    // Instances being deallocated on this thread: meanwhile its releases are deferred, and the
    // outermost deallocation makes them one after another, so a long chain of instances is freed by
    // a loop and not by a recursion that overflows the stack (CPython's trashcan idea). Per thread:
    // a deallocation that runs Python code may release the GIL (a __del__ that sleeps), and another
    // thread's releases must not wait for it, nor run on it. s_deallocatingThreads counts the
    // threads with a depth above 0 (changed under the GIL), so a release on no such thread pays no
    // thread-local lookup.
    private static int s_deallocatingThreads;
    [ThreadStatic] private static int t_deallocDepth;
    [ThreadStatic] private static Stack<nint>? t_deferred;

    /// <summary>
    /// An instance's tp_clear work while it is deallocated begins: this thread's releases are deferred
    /// until the matching <see cref="EndDeallocating"/> (call it in a finally); the GIL must be held.
    /// </summary>
    internal static void BeginDeallocating()
    {
        if (t_deallocDepth++ == 0) s_deallocatingThreads++;
    }

    /// <summary>Ends what <see cref="BeginDeallocating"/> began; the outermost end makes the deferred releases.</summary>
    internal static unsafe void EndDeallocating()
    {
        // Still counted as deallocating: instances freed by these releases defer theirs to this loop.
        if (t_deallocDepth == 1 && t_deferred is { } deferred)
        {
            while (deferred.TryPop(out nint o)) Py_DECREF((PyObject*)o);
        }
        if (--t_deallocDepth == 0) s_deallocatingThreads--;
    }

    /// <summary>How many releases this thread has deferred until its deallocation ends (tests).</summary>
    internal static int DeferredOnThisThread => t_deferred?.Count ?? 0;

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
