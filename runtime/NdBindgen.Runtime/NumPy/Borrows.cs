using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.NumPy;

/// <summary>
/// One live borrow in a <see cref="BorrowTable"/>: the base object, how many views hold it (n &gt; 0
/// shared views of that key, -1 one mutable view, 0 a free slot), and what it borrows: a view's
/// layout (its data pointer, and the shape and strides its call's lease holds until the borrow
/// ends), whose key is computed only when another borrow of the same base needs it; or, for a
/// borrow made through the capsule's functions, the key itself (<see cref="Shape"/> null).
/// </summary>
internal unsafe struct BorrowEntry
{
    internal nint Base;
    internal nint Count;
    internal byte* Data;
    internal nint* Shape;
    internal nint* Strides;
    internal nint Ndim;
    internal nint ItemSize;
    internal BorrowKey Key;

    /// <summary>The entry's key, computed from its layout the first time it is asked for.</summary>
    internal static ref BorrowKey KeyOf(BorrowEntry* e)
    {
        if (e->Shape != null)
        {
            BorrowKey.Write(&e->Key, e->Data, e->Shape, e->Strides, (int)e->Ndim, e->ItemSize);
            e->Shape = null;
        }
        return ref e->Key;
    }
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
    /// Borrows the view of <paramref name="data"/>, <paramref name="shape"/> and
    /// <paramref name="strides"/> (which must stay valid until the borrow is released: a lease's
    /// copy). Fast when no live borrow has the same base (the common case): the layout is stored,
    /// no key is computed, nothing is compared. The slot, or -1 when a conflicting borrow is held.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Acquire(BorrowTable* t, nint @base, byte* data, nint* shape, nint* strides, int ndim, nint itemSize, bool mutable)
    {
        int top = t->Top, free = -1;
        BorrowEntry* e = t->Entries;
        for (int i = 0; i < top; i++)
        {
            if (e[i].Count != 0)
            {
                if (e[i].Base == @base) return AcquireSameBase(t, @base, data, shape, strides, ndim, itemSize, mutable);
            }
            else if (free < 0)
            {
                free = i;
            }
        }
        if (free < 0)
        {
            if (top == t->Capacity) return AcquireSameBase(t, @base, data, shape, strides, ndim, itemSize, mutable);   // grows
            free = top;
            t->Top = top + 1;
        }
        BorrowEntry* slot = e + free;
        slot->Base = @base;
        slot->Count = mutable ? -1 : 1;
        slot->Data = data;
        slot->Shape = shape;
        slot->Strides = strides;
        slot->Ndim = ndim;
        slot->ItemSize = itemSize;
        return free;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AcquireSameBase(BorrowTable* t, nint @base, byte* data, nint* shape, nint* strides, int ndim, nint itemSize, bool mutable) =>
        Acquire(t, @base, BorrowKey.Of(data, shape, strides, ndim, itemSize), mutable);

    /// <summary>
    /// rust-numpy's rule (BorrowFlags::acquire and acquire_mut): a shared view coexists with other
    /// shared views; a mutable one with no view whose key conflicts. The slot of the borrow (to
    /// release it by), or -1 when a conflicting borrow is held.
    /// </summary>
    internal static int Acquire(BorrowTable* t, nint @base, in BorrowKey key, bool mutable)
    {
        int free = -1, same = -1;
        for (int i = 0, top = t->Top; i < top; i++)
        {
            BorrowEntry* e = t->Entries + i;
            if (e->Count == 0)
            {
                if (free < 0) free = i;
                continue;
            }
            if (e->Base != @base) continue;
            ref BorrowKey other = ref BorrowEntry.KeyOf(e);
            if (other.SameAs(key))
            {
                if (mutable || e->Count < 0) return -1;
                same = i;
            }
            else if ((mutable || e->Count < 0) && BorrowKey.Conflicts(other, key))
            {
                return -1;
            }
        }
        if (same >= 0)
        {
            t->Entries[same].Count++;
            return same;
        }
        if (free < 0)
        {
            if (t->Top == t->Capacity) Grow(t);
            free = t->Top++;
        }
        BorrowEntry* slot = t->Entries + free;
        slot->Base = @base;
        slot->Count = mutable ? -1 : 1;
        slot->Shape = null;   // the key below is the entry's
        slot->Key = key;
        return free;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Grow(BorrowTable* t)
    {
        int capacity = t->Capacity * 2;
        t->Entries = (BorrowEntry*)NativeMemory.Realloc(t->Entries, (nuint)capacity * (nuint)sizeof(BorrowEntry));
        t->Capacity = capacity;
    }

    /// <summary>Ends one view's borrow of <paramref name="slot"/> (the slot an Acquire returned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Release(BorrowTable* t, int slot)
    {
        BorrowEntry* e = t->Entries + slot;
        nint count = e->Count;
        count = count < 0 ? 0 : count - 1;
        e->Count = count;
        if (count == 0 && slot == t->Top - 1) Shrink(t, slot);
    }

    /// <summary>Drops the free slots at the end (Top is one past the last live one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Shrink(BorrowTable* t, int top)
    {
        while (top > 0 && t->Entries[top - 1].Count == 0) top--;
        t->Top = top;
    }

    /// <summary>The slot that holds <paramref name="key"/> of <paramref name="base"/>, or -1.</summary>
    internal static int Find(BorrowTable* t, nint @base, in BorrowKey key)
    {
        for (int i = 0; i < t->Top; i++)
        {
            BorrowEntry* e = t->Entries + i;
            if (e->Count != 0 && e->Base == @base && BorrowEntry.KeyOf(e).SameAs(key)) return i;
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
    /// <summary>True once ndarrays are tracked in this module's own table (<see cref="Resolve"/> found no other).</summary>
    private static bool s_ours;

    /// <summary>Whether ndarrays go to <see cref="OwnTable"/> (resolved, and no other extension's capsule).</summary>
    internal static bool Ours
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => s_ours;
    }

    /// <summary>This module's table, once created (<see cref="Own"/> creates it).</summary>
    internal static BorrowTable* OwnTable
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => s_own;
    }

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
        s_ours = true;   // unless another extension's capsule is found below
        PyObject* module;
        try
        {
            module = NumPyRuntime.ImportedMultiarray();
        }
        catch (PythonException)
        {
            module = null;
        }
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
            s_ours = s_foreign == null;   // an unusable capsule: our own table, shared with no one
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
