using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.NumPy;
using NdBindgen.Core;

namespace NdBindgen;

/// <summary>
/// An n-dimensional, C-ordered array outside the GC heap. Created by a thread holding the GIL
/// once NdBindgen has loaded numpy's C API (at the first array argument or result; the usual case:
/// inside a <c>[PyFunction]</c>), it is a new
/// <c>numpy.ndarray</c> from numpy's own allocator (what a C extension's <c>PyArray_NewFromDescr</c>
/// gives: at least 16-byte aligned, huge pages for large arrays); otherwise .NET allocates the
/// memory (64-byte aligned) and hands it to numpy without a copy when it is returned. Returned from a
/// function it becomes that <c>numpy.ndarray</c>; the memory is freed when Python drops the last
/// reference. Once handed to Python this object is empty and using it throws
/// <see cref="ObjectDisposedException"/>.
/// </summary>
/// <remarks>
/// Not handed over, it is released deterministically: by <see cref="Dispose"/>, or, for an array made
/// during a call from Python, when that call returns (a temporary need not be disposed, and memory
/// stays flat however many calls make one). To keep an array beyond the call that made it (in a field,
/// to return later), call <see cref="Keep"/>; a kept array is released by <see cref="Dispose"/> or,
/// if it is dropped, by a .NET finalizer (as is one made without the GIL, in .NET memory).
/// </remarks>
public sealed unsafe class NdArray<T> : IDisposable, ICallOwnedArray where T : unmanaged
{
    private const nuint Alignment = 64;
    private const nuint HugePage = 2 * 1024 * 1024;
    private const nuint HugeThreshold = 32 * 1024 * 1024;   // below it, measured slower (8 MB: 5.8x)
    private byte* _data;
    private nint* _shape;             // .NET memory: one block, Ndim shape entries then the Ndim strides
    private nint* _strides;           // bytes
    private Interop.PyObject* _owner; // numpy memory only: the ndarray holding _data (a reference we own)
    private readonly int _ndim;
    private readonly nint _length;
    private ulong _serial;            // numpy memory owned by the call that made it: its place in CallArrays, else 0
    private nint _thread;
    private NdArrayGuard? _guard;     // what a finalizer frees if this object is dropped: .NET memory, or a kept array's owner

    private NdArray(ReadOnlySpan<nint> shape, bool zero)
    {
        if (!NumPy.NpyElement<T>.IsSupported)
            throw new NotSupportedException($"NdArray<{typeof(T).Name}>: {typeof(T).Name} is not a numpy element type");
        _ndim = shape.Length;
        nint length = 1;
        foreach (nint n in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(shape));
            length = checked(length * n);
        }
        _length = length;
        nuint bytes = checked((nuint)length * (nuint)sizeof(T));
        if (NumPyMemory(shape, bytes))
        {
            if (zero) NativeMemory.Clear(_data, bytes);
            return;
        }
        _shape = (nint*)NativeMemory.Alloc((nuint)Math.Max(1, 2 * _ndim), (nuint)sizeof(nint));
        _strides = _shape + _ndim;
        _data = (byte*)NativeMemory.AlignedAlloc(Math.Max(bytes, 1), bytes >= HugeThreshold ? HugePage : Alignment);
        // Large arrays on huge pages: one fault per 2 MiB instead of per 4 KiB (numpy does the same;
        // measured: a new 10,000,000-element array cost 4x numpy's without it).
        if (bytes >= HugeThreshold && OperatingSystem.IsLinux()) Interop.Libc.madvise(_data, bytes, Interop.Libc.MADV_HUGEPAGE);
        if (zero) NativeMemory.Clear(_data, bytes);
        // Made in a call from Python: the call's, as numpy memory is. Otherwise (a pool thread, C#
        // code without Python) a finalizer frees it if it is dropped undisposed.
        if (HoldsGil())
        {
            _thread = CallArrays.CurrentThread();
            _serial = CallArrays.Adopt(this);
        }
        else _guard = new NdArrayGuard { Data = _data, Dims = _shape };
        nint stride = sizeof(T);
        for (int d = _ndim - 1; d >= 0; d--)
        {
            _shape[d] = shape[d];
            _strides[d] = stride;
            stride *= shape[d];
        }
    }

    // With the GIL and numpy, the array is numpy's from the start: one allocation by numpy's
    // allocator (small blocks come from its cache), nothing to hand over later. Measured: a new
    // 10-element array cost 3.8x a C extension's when .NET memory was wrapped (two native
    // allocations, a capsule owner, PyArray_SetBaseObject and their frees).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool NumPyMemory(ReadOnlySpan<nint> shape, nuint bytes)
    {
        // Not loaded: numpy (or Python itself: C# unit tests of kernels) may not be there. The
        // calls into Python are in a method of their own, compiled only once they can be made
        // (a JIT resolves a method's native calls when it compiles it).
        Interop.NumPyApiTable* api = NumPyRuntime.IfLoaded;
        if (api == null)
        {
            // numpy's C API is loaded at the first array argument or result; a call that has had
            // neither yet (or module code) takes it now if Python has numpy imported.
            if (!Core.Builtins.IsInitialized) return false;
            api = ImportedNumPy();
            if (api == null) return false;
        }
        return NumPyMemory(api, shape, bytes);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Interop.NumPyApiTable* ImportedNumPy() =>
        Interop.CPython.PyGILState_Check() == 0 ? null : NumPyRuntime.IfImported();

    /// <summary>Whether this thread holds the GIL of a running interpreter (false in C# code without Python).</summary>
    private static bool HoldsGil() => Core.Builtins.IsInitialized && GilCheck();

    // Its own method: compiled (and its native call resolved) only once Python is there.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool GilCheck() => Interop.CPython.PyGILState_Check() != 0;

    /// <summary>
    /// Blocks up to this size are made without a GC transition when numpy allows it (see
    /// <c>NumPyApiTable.PyArray_NewFromDescrLeaf</c>): they come from numpy's cache or malloc, never a
    /// long wait that would hold up a collection on another thread. Measured: the transition was 45 of
    /// a new 10-element array's instructions.
    /// </summary>
    private const nuint LeafBytes = 64 * 1024;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool NumPyMemory(Interop.NumPyApiTable* api, ReadOnlySpan<nint> shape, nuint bytes)
    {
        if (Interop.CPython.PyGILState_Check() == 0) return false;
        Interop.PyArray_Descr* descr = NpyElement<T>.NewDescr(api);
        if (descr == null) throw PythonException.Fetch();
        Interop.PyObject* array;
        fixed (nint* dims = shape)
        {
            array = bytes <= LeafBytes && api->PyArray_NewFromDescrLeaf != null   // steal descr
                ? api->PyArray_NewFromDescrLeaf(api->PyArray_Type, descr, _ndim, dims, null, null, 0, null)
                : api->PyArray_NewFromDescr(api->PyArray_Type, descr, _ndim, dims, null, null, 0, null);
        }
        if (array == null) throw PythonException.Fetch();
        var a = (Interop.PyArrayObject*)array;
        _owner = array;
        _data = a->data;
        _shape = a->dimensions;
        _strides = a->strides;
        _thread = Interop.CPython.PyThreadState_Get();   // CallArrays.CurrentThread(): the GIL is held, checked above
        _serial = CallArrays.Adopt(this);
        return true;
    }

    /// <summary>
    /// Keeps this array beyond the call that made it (otherwise released when that call returns):
    /// it is then released by <see cref="Dispose"/>, when it is returned to Python, or by a .NET
    /// finalizer if dropped. Call it with the GIL held (as in any call from Python); returns this array.
    /// </summary>
    public NdArray<T> Keep()
    {
        if (_serial != 0)
        {
            CallArrays.Remove(this);
            _serial = 0;
            _guard = _owner != null ? new NdArrayGuard { Owner = _owner } : new NdArrayGuard { Data = _data, Dims = _shape };
        }
        return this;
    }

    ulong ICallOwnedArray.Serial => _serial;

    nint ICallOwnedArray.Thread => _thread;

    void ICallOwnedArray.ReleaseAtCallEnd()
    {
        _serial = 0;
        Free();
    }

    /// <summary>A new array of the given shape, every element zero.</summary>
    public static NdArray<T> Zeros(params ReadOnlySpan<nint> shape) => new(shape, zero: true);

    /// <summary>A new array of the given shape whose elements are not set: fill every one before returning it.</summary>
    public static NdArray<T> Uninitialized(params ReadOnlySpan<nint> shape) => new(shape, zero: false);

    /// <summary>A new array of the given shape filled with <paramref name="value"/>.</summary>
    public static NdArray<T> Full(T value, params ReadOnlySpan<nint> shape)
    {
        var array = new NdArray<T>(shape, zero: false);
        array.Layout.Fill(value);
        return array;
    }

    public int Ndim => _ndim;

    public ReadOnlySpan<nint> Shape => new(Live()._shape, _ndim);

    /// <summary>The number of elements.</summary>
    public nint Length => _length;

    /// <summary>All elements in C order. Arrays of more than int.MaxValue elements are reached through <see cref="AsViewMut"/>.</summary>
    public Span<T> AsSpan() => new(Live()._data, checked((int)_length));

    public ref T this[nint i] => ref Unsafe.AsRef<T>(Layout.At(i));

    public ref T this[nint i, nint j] => ref Unsafe.AsRef<T>(Layout.At(i, j));

    public ref T this[ReadOnlySpan<nint> index] => ref Unsafe.AsRef<T>(Layout.At(index));

    public NdView<T> AsView() => new(Layout);

    public NdViewMut<T> AsViewMut() => new(Layout);

    internal NumPy.NdLayout Layout
    {
        get
        {
            Live();
            return new(_data, _shape, _strides, _ndim, sizeof(T));
        }
    }

    /// <summary>The numpy array holding the data (borrowed), or null when .NET memory holds it.</summary>
    internal Interop.PyObject* Owner => _owner;

    /// <summary>The numpy array holding the data, handed to the caller (who owns the reference), or null when .NET memory holds it; this object is empty afterwards.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Interop.PyObject* DetachOwner()
    {
        Interop.PyObject* owner = _owner;
        if (owner != null)   // then live: whatever empties this object clears _owner
        {
            if (_serial != 0)
            {
                CallArrays.Remove(this);
                _serial = 0;
            }
            if (_guard is not null) DropGuard();
            _owner = null;
            _data = null;
            _shape = _strides = null;
        }
        return owner;
    }

    /// <summary>
    /// Gives the data block to the caller, who must free it with <see cref="FreeData"/>; this
    /// object is empty afterwards. The shape pointer stays valid until <see cref="Dispose"/>.
    /// </summary>
    internal byte* DetachData()
    {
        byte* data = Live()._data;
        _data = null;
        if (_guard is not null) _guard.Data = null;
        return data;
    }

    internal nint* ShapePointer => _shape;

    internal static void FreeData(void* data) => NativeMemory.AlignedFree(data);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private NdArray<T> Live()
    {
        if (_data == null) ThrowReleased();
        return this;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowReleased() =>
        throw new ObjectDisposedException(nameof(NdArray<T>), "this NdArray was handed to Python, disposed, or released when the call that made it returned (Keep() an array to use it in a later call)");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DropGuard()
    {
        GC.SuppressFinalize(_guard!);
        _guard = null;
    }

    /// <summary>Releases the array now (with the GIL held, numpy's memory at once; without it, at the next call).</summary>
    public void Dispose()
    {
        // Out of the call's table only with the GIL (which guards it); otherwise the call's end
        // finds it empty.
        if (_serial != 0 && GilCheck()) Unscope();
        Free();
    }

    private void Unscope()
    {
        if (_serial != 0)
        {
            CallArrays.Remove(this);
            _serial = 0;
        }
        if (_guard is not null)
        {
            GC.SuppressFinalize(_guard);
            _guard = null;
        }
    }

    private void Free()
    {
        if (_guard is not null)
        {
            GC.SuppressFinalize(_guard);
            _guard = null;
        }
        if (_owner != null)
        {
            PyRef.Release((nint)_owner);   // without the GIL it waits for the next call
            _owner = null;
            _data = null;
            _shape = _strides = null;
            return;
        }
        if (_data != null)
        {
            NativeMemory.AlignedFree(_data);
            _data = null;
        }
        if (_shape != null)   // .NET's block (numpy's shape goes with its array)
        {
            NativeMemory.Free(_shape);
            _shape = _strides = null;
        }
    }
}

/// <summary>
/// What a dropped <see cref="NdArray{T}"/> leaves to a .NET finalizer: its .NET memory (made without
/// the GIL), or the numpy array of one kept beyond its call. Arrays a call owns have none, so the
/// common path allocates nothing finalizable.
/// </summary>
internal sealed unsafe class NdArrayGuard
{
    internal byte* Data;                 // .NET memory: the aligned data block
    internal nint* Dims;                 // .NET memory: the shape and strides block
    internal Interop.PyObject* Owner;    // a kept array's numpy array (an owned reference)

    ~NdArrayGuard()
    {
        if (Owner != null) PyRef.Release((nint)Owner);   // no GIL here: queued for the next call
        if (Data != null) NativeMemory.AlignedFree(Data);
        if (Dims != null) NativeMemory.Free(Dims);
    }
}
