using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.NumPy;

/// <summary>One live borrow in a <see cref="BorrowTable"/>: the base object, the key, and how many
/// views hold it (n &gt; 0 shared views of that key, -1 one mutable view, 0 a free slot).</summary>
internal struct BorrowEntry
{
    internal nint Base;
    internal BorrowKey Key;
    internal nint Count;
}

/// <summary>
/// The borrows of every view alive in the process: a small array scanned linearly (the common case
/// is one or two live borrows, for which a scan beats a hash map), in native memory because the
/// capsule that shares it with rust-numpy and other NdBindgen modules points to it. Guarded by the
/// GIL: every function here runs with it held; views live on with it released.
/// </summary>
internal unsafe struct BorrowTable
{
    internal BorrowEntry* Entries;
    /// <summary>One past the last used slot; slots below it may be free (Count 0).</summary>
    internal int Top;
    internal int Capacity;

    /// <summary>A new, empty table in native memory that lives as long as the process (a capsule may point to it).</summary>
    internal static BorrowTable* Create()
    {
        var t = (BorrowTable*)NativeMemory.AllocZeroed((nuint)sizeof(BorrowTable));
        t->Capacity = 8;
        t->Entries = (BorrowEntry*)NativeMemory.AllocZeroed((nuint)t->Capacity, (nuint)sizeof(BorrowEntry));
        return t;
    }

    /// <summary>
    /// rust-numpy's rule (BorrowFlags::acquire and acquire_mut): a shared view coexists with other
    /// shared views; a mutable one with no view whose key conflicts. The slot of the borrow (to
    /// release it by), or -1 when a conflicting borrow is held.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Acquire(BorrowTable* t, nint @base, in BorrowKey key, bool mutable)
    {
        int free = -1, same = -1;
        BorrowEntry* e = t->Entries;
        for (int i = 0, top = t->Top; i < top; i++, e++)
        {
            if (e->Count == 0)
            {
                if (free < 0) free = i;
                continue;
            }
            if (e->Base != @base) continue;
            if (e->Key.SameAs(key))
            {
                if (mutable || e->Count < 0) return -1;
                same = i;
            }
            else if ((mutable || e->Count < 0) && BorrowKey.Conflicts(e->Key, key))
            {
                return -1;
            }
        }
        if (same >= 0)
        {
            t->Entries[same].Count++;
            return same;
        }
        return Insert(t, free, @base, key, mutable ? -1 : 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Insert(BorrowTable* t, int free, nint @base, in BorrowKey key, nint count)
    {
        if (free < 0)
        {
            if (t->Top == t->Capacity) Grow(t);
            free = t->Top++;
        }
        BorrowEntry* e = t->Entries + free;
        e->Base = @base;
        e->Key = key;
        e->Count = count;
        return free;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Grow(BorrowTable* t)
    {
        int capacity = t->Capacity * 2;
        t->Entries = (BorrowEntry*)NativeMemory.Realloc(t->Entries, (nuint)capacity * (nuint)sizeof(BorrowEntry));
        t->Capacity = capacity;
    }

    /// <summary>Ends one view's borrow of <paramref name="slot"/> (the slot <see cref="Acquire"/> returned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Release(BorrowTable* t, int slot)
    {
        BorrowEntry* e = t->Entries + slot;
        e->Count = e->Count < 0 ? 0 : e->Count - 1;
        if (e->Count == 0 && slot == t->Top - 1)
        {
            int top = slot;
            while (top > 0 && t->Entries[top - 1].Count == 0) top--;
            t->Top = top;
        }
    }

    /// <summary>The slot that holds <paramref name="key"/> of <paramref name="base"/>, or -1.</summary>
    internal static int Find(BorrowTable* t, nint @base, in BorrowKey key)
    {
        for (int i = 0; i < t->Top; i++)
        {
            BorrowEntry* e = t->Entries + i;
            if (e->Count != 0 && e->Base == @base && e->Key.SameAs(key)) return i;
        }
        return -1;
    }

    /// <summary>How many borrows are live (for tests).</summary>
    internal static int Live(BorrowTable* t)
    {
        int n = 0;
        for (int i = 0; i < t->Top; i++) if (t->Entries[i].Count != 0) n++;
        return n;
    }
}

/// <summary>
/// rust-numpy's shared borrow-checking API, version 1 (src/borrow/shared.rs, <c>struct Shared</c>):
/// what the capsule <c>_RUST_NUMPY_BORROW_CHECKING_API</c> in numpy's multiarray module points to.
/// Later versions only add fields at the end, so a version of 1 or more is one we speak.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SharedBorrowApi
{
    internal ulong Version;
    internal void* Flags;
    /// <summary>0, or -1 when a conflicting borrow is held.</summary>
    internal delegate* unmanaged<void*, PyArrayObject*, int> AcquireShared;
    /// <summary>0, -1 when a conflicting borrow is held, -2 when the array is not writeable.</summary>
    internal delegate* unmanaged<void*, PyArrayObject*, int> AcquireMut;
    internal delegate* unmanaged<void*, PyArrayObject*, void> ReleaseShared;
    internal delegate* unmanaged<void*, PyArrayObject*, void> ReleaseMut;
}

/// <summary>
/// Where this module's borrows are tracked. At the first array borrowed, the capsule numpy's
/// multiarray module holds (rust-numpy's, another NdBindgen module's) is used when its version is
/// one we speak; without one, this module installs its own table behind the same ABI, so that an
/// extension loaded later shares it. One already there is never replaced.
/// </summary>
internal static unsafe class Borrows
{
    internal const string CapsuleName = "_RUST_NUMPY_BORROW_CHECKING_API";
    private static ReadOnlySpan<byte> CapsuleNameZ => "_RUST_NUMPY_BORROW_CHECKING_API\0"u8;

    /// <summary>This module's table: the shared one when this module installed the capsule; else it
    /// tracks only what the capsule's ABI cannot carry (buffer exporters that are not ndarrays).</summary>
    private static BorrowTable* s_own;
    /// <summary>The capsule's API when another extension installed it; null when ours is used (or not resolved yet).</summary>
    private static SharedBorrowApi* s_foreign;
    private static bool s_resolved;

    internal static BorrowTable* Own
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => s_own != null ? s_own : CreateOwn();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static BorrowTable* CreateOwn() => s_own = BorrowTable.Create();

    /// <summary>The capsule's API if another extension owns the table ndarrays are tracked in, else null (ours).</summary>
    internal static SharedBorrowApi* Foreign
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (!s_resolved) Resolve();
            return s_foreign;
        }
    }

    /// <summary>
    /// Looks the capsule up in numpy's multiarray module (numpy is imported: an ndarray exists),
    /// or installs ours there. Anything unexpected there (not a capsule of that name, a version
    /// below 1) leaves this module with a table of its own, shared with no one.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Resolve()
    {
        BorrowTable* own = Own;
        s_resolved = true;
        PyObject* module = NumPyRuntime.ImportedMultiarray();
        if (module == null)
        {
            PyErr_Clear();
            return;
        }
        PyObject* capsule = PyObject_GetAttrString(module, Utf8.Z(CapsuleNameZ));
        if (capsule != null)
        {
            var api = (SharedBorrowApi*)PyCapsule_GetPointer(capsule, Utf8.Z(CapsuleNameZ));
            if (api == null || api->Version < 1) PyErr_Clear();
            else if (api->Flags != own) s_foreign = api;
            // The capsule's reference is kept (never released), as rust-numpy keeps it: the pointer stays valid.
            if (api == null || api->Version < 1) Py_DECREF(capsule);
            Py_DECREF(module);
            return;
        }
        PyErr_Clear();
        var shared = (SharedBorrowApi*)NativeMemory.AllocZeroed((nuint)sizeof(SharedBorrowApi));
        shared->Version = 1;
        shared->Flags = own;
        shared->AcquireShared = &AcquireSharedEntry;
        shared->AcquireMut = &AcquireMutEntry;
        shared->ReleaseShared = &ReleaseEntry;
        shared->ReleaseMut = &ReleaseEntry;
        // No destructor: the table outlives any module that may still hold a pointer into it.
        PyObject* ours = PyCapsule_New(shared, Utf8.Z(CapsuleNameZ), null);
        if (ours == null || PyObject_SetAttrString(module, Utf8.Z(CapsuleNameZ), ours) < 0) PyErr_Clear();
        if (ours != null) Py_DECREF(ours);
        Py_DECREF(module);
    }

    /// <summary>
    /// The object a view's memory belongs to, as rust-numpy finds it: follow <c>base</c> while it
    /// is an ndarray; the last ndarray if it has none, else the non-array base (a bytes, an mmap,
    /// a capsule that owns the memory).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint BaseOf(NumPyApiTable* api, PyArrayObject* a)
    {
        while (true)
        {
            PyObject* b = a->@base;
            if (b == null) return (nint)a;
            if (!NumPyRuntime.IsArray(api, b)) return (nint)b;
            a = (PyArrayObject*)b;
        }
    }

    /// <summary>The key of an ndarray as it is now (what a foreign caller of our capsule functions passes).</summary>
    internal static BorrowKey KeyOf(PyArrayObject* a) =>
        BorrowKey.Of(a->data, a->dimensions, a->strides, a->nd, NpyDescr.ElementSize(a->descr));

    // ---- the capsule's functions: what rust-numpy or another NdBindgen module calls, with the GIL held ----

    [UnmanagedCallersOnly]
    private static int AcquireSharedEntry(void* flags, PyArrayObject* a)
    {
        NumPyApiTable* api = NumPyRuntime.IfLoaded;
        return BorrowTable.Acquire((BorrowTable*)flags, BaseOf(api, a), KeyOf(a), mutable: false) < 0 ? -1 : 0;
    }

    [UnmanagedCallersOnly]
    private static int AcquireMutEntry(void* flags, PyArrayObject* a)
    {
        if ((a->flags & Npy.NPY_ARRAY_WRITEABLE) == 0) return -2;
        NumPyApiTable* api = NumPyRuntime.IfLoaded;
        return BorrowTable.Acquire((BorrowTable*)flags, BaseOf(api, a), KeyOf(a), mutable: true) < 0 ? -1 : 0;
    }

    // Shared and mutable borrows are released alike (a mutable one's count is -1). An array that no
    // longer has the key it was borrowed with (reshaped in place meanwhile) is left alone, not a crash.
    [UnmanagedCallersOnly]
    private static void ReleaseEntry(void* flags, PyArrayObject* a)
    {
        var t = (BorrowTable*)flags;
        int slot = BorrowTable.Find(t, BaseOf(NumPyRuntime.IfLoaded, a), KeyOf(a));
        if (slot >= 0) BorrowTable.Release(t, slot);
    }
}
