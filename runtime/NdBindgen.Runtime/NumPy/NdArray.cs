using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.NumPy;

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
/// <see cref="ObjectDisposedException"/>. Not handed over, it is freed by <see cref="Dispose"/> or
/// its finalizer.
/// </summary>
public sealed unsafe class NdArray<T> : IDisposable where T : unmanaged
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
        if (NumPyMemory(shape))
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
    private bool NumPyMemory(ReadOnlySpan<nint> shape)
    {
        // Not loaded: numpy (or Python itself: C# unit tests of kernels) may not be there. The
        // calls into Python are in a method of their own, compiled only once they can be made
        // (a JIT resolves a method's native calls when it compiles it).
        Interop.NumPyApiTable* api = NumPyRuntime.IfLoaded;
        return api != null && NumPyMemory(api, shape);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool NumPyMemory(Interop.NumPyApiTable* api, ReadOnlySpan<nint> shape)
    {
        if (Interop.CPython.PyGILState_Check() == 0) return false;
        Interop.PyArray_Descr* descr = NpyElement<T>.NewDescr(api);
        if (descr == null) throw PythonException.Fetch();
        Interop.PyObject* array;
        fixed (nint* dims = shape)
        {
            array = api->PyArray_NewFromDescr(api->PyArray_Type, descr, _ndim, dims, null, null, 0, null);   // steals descr
        }
        if (array == null) throw PythonException.Fetch();
        var a = (Interop.PyArrayObject*)array;
        _owner = array;
        _data = a->data;
        _shape = a->dimensions;
        _strides = a->strides;
        return true;
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
    internal Interop.PyObject* DetachOwner()
    {
        Interop.PyObject* owner = _owner;
        if (owner != null)
        {
            Live();
            _owner = null;
            _data = null;
            _shape = _strides = null;
            GC.SuppressFinalize(this);
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
        return data;
    }

    internal nint* ShapePointer => _shape;

    internal static void FreeData(void* data) => NativeMemory.AlignedFree(data);

    private NdArray<T> Live()
    {
        if (_data == null) throw new ObjectDisposedException(nameof(NdArray<T>), "this NdArray was handed to Python or disposed");
        return this;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    ~NdArray() => Free();

    private void Free()
    {
        if (_owner != null)
        {
            PyRef.Release((nint)_owner);   // without the GIL (a finalizer) it waits for the next call
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
