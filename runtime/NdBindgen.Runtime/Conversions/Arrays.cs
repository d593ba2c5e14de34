using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using NdBindgen.NumPy;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// Holds what a view borrowed until the call ends: a buffer-protocol request, or the array numpy
/// made from an array-like; and the view's own copy of the shape and strides. A ref struct, so it
/// lives in the wrapper's stack frame and the view can point into it.
/// </summary>
/// <remarks>
/// Python code runs during a call after a view was made (a later argument's <c>__float__</c> or
/// <c>__index__</c>, an array-like's <c>__array__</c> or <c>__len__</c>, a callback, a destructor):
/// it may reshape the array, and numpy then frees the shape and strides the array had. The copy
/// keeps the view valid whatever it does. The array itself needs no reference of the lease's own:
/// a vectorcall's caller holds every argument until the call returns (the interpreter's stack, or
/// the C caller's array), so Python code cannot free it, and numpy refuses to resize an array that
/// the caller and the resizing code both refer to (<c>refcheck</c>).
/// Up to <see cref="InlineDims"/> dimensions are copied into the lease itself: no allocation.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public unsafe ref struct ArrayLease
{
    /// <summary>Dimensions whose shape and strides fit in the lease; more are copied to native memory.</summary>
    internal const int InlineDims = 4;

    /// <summary>
    /// An empty lease. Only what <see cref="Dispose"/> reads is cleared: the buffer and the inline
    /// shape and strides are written before they are read, and zeroing all of them (some 180 bytes,
    /// a call to a clearing helper) was a tenth of a 10-element call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ArrayLease()
    {
        Unsafe.SkipInit(out this);
        Active = false;
        Temporary = null;
        _heapDims = null;
        Borrowed = null;
        Held = 0;
    }

    internal Py_buffer Buffer;
    internal bool Active;
    /// <summary>An array converted from an array-like for this call (an owned reference), or null.</summary>
    internal PyObject* Temporary;
    /// <summary>The ndarray (or buffer exporter) whose memory the view reads, set by the conversion; <see cref="Arrays.Acquire{T}(PySignature, int, NdView{T}, ref ArrayLease)"/> borrows it.</summary>
    internal PyObject* Borrowed;
    /// <summary>The slot of this module's borrow table the view holds (<see cref="Held"/> 1).</summary>
    internal int BorrowSlot;
    /// <summary>What the lease holds in the borrow tracker: 0 nothing, 1 a slot of this module's table,
    /// 2 a shared borrow of another extension's table, 3 a mutable one (released through its capsule).</summary>
    internal byte Held;
    // An inline array, not a `fixed` buffer: a fixed buffer makes the wrapper's frame an unsafe
    // value type, with stack-cookie checks (measured: a 10-element in-place call 25% slower).
#pragma warning disable CS0649   // written through the pointer Dims returns
    private LeaseDims _dims;
#pragma warning restore CS0649
    private nint* _heapDims;

    /// <summary>Room for the shape and strides of an <paramref name="ndim"/>-dimensional view, owned by this lease.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal nint* Dims(int ndim)
    {
        if (ndim <= InlineDims) return (nint*)Unsafe.AsPointer(ref _dims[0]);   // a ref struct: on the stack, does not move
        return HeapDims(ndim);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private nint* HeapDims(int ndim)
    {
        if (_heapDims != null) throw new InvalidOperationException("an ArrayLease holds one array at a time");
        _heapDims = (nint*)NativeMemory.Alloc((nuint)Math.Max(1, 2 * ndim), (nuint)sizeof(nint));
        return _heapDims;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dispose()
    {
        if (Active || Temporary != null || _heapDims != null) DisposeRest();
        else if (Held != 0) ReleaseBorrow();
    }

    /// <summary>
    /// Ends the view's borrow now, before any lease of the call lets go of what it holds: dropping an
    /// array-like's temporary or releasing a buffer can run Python code (a <c>__del__</c>, an
    /// exporter's <c>__release_buffer__</c>) that may use the call's other arrays, which are free by
    /// then. Emitted for each lease of a call with two or more; <see cref="Dispose"/> does it otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndBorrow()
    {
        if (Held != 0) ReleaseBorrow();
    }

    /// <summary>Ends the view's borrow, exactly once (before the buffer or the array it reads is let go).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReleaseBorrow()
    {
        byte held = Held;
        Held = 0;
        if (held == 1) BorrowTable.Release(Borrows.OwnTable, BorrowSlot);   // created: it holds this slot
        else Arrays.ReleaseForeign(Borrowed, mutable: held == 3);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DisposeRest()
    {
        if (Held != 0) ReleaseBorrow();
        if (_heapDims != null)
        {
            NativeMemory.Free(_heapDims);
            _heapDims = null;
        }
        if (Active)
        {
            Active = false;
            fixed (Py_buffer* b = &Buffer) PyBuffer_Release(b);
        }
        if (Temporary != null)
        {
            PyObject* t = Temporary;
            Temporary = null;
            Py_DECREF(t);
        }
    }
}

[InlineArray(2 * ArrayLease.InlineDims)]
internal struct LeaseDims
{
    private nint _first;
}

/// <summary>
/// numpy arrays (and other buffer exporters) in, <see cref="NdArray{T}"/> out. numpy arrays are
/// read straight from their object (no buffer request); other exporters go through the buffer
/// protocol. Nothing is copied either way.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe partial class Arrays
{
    /// <param name="ndim">The number of dimensions the parameter demands, or -1 for any.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NdView<T> ToView<T>(PyObject* o, PySignature sig, int index, ref ArrayLease lease, int ndim = -1) where T : unmanaged
    {
        PyArrayObject* a = NumPyArgument<T>(o, sig, index, ref lease, ndim, writable: false);
        // The view's layout is built in place (see NumPyArgument).
        return a != null
            ? new(a->data, a->dimensions, a->strides, a->nd, sizeof(T), lease.Dims(a->nd), o)
            : new(BorrowBuffer<T>(o, sig, index, ref lease, ndim, writable: false), o);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static NdViewMut<T> ToViewMut<T>(PyObject* o, PySignature sig, int index, ref ArrayLease lease, int ndim = -1) where T : unmanaged
    {
        PyArrayObject* a = NumPyArgument<T>(o, sig, index, ref lease, ndim, writable: true);
        return a != null
            ? new(a->data, a->dimensions, a->strides, a->nd, sizeof(T), lease.Dims(a->nd), o)
            : new(BorrowBuffer<T>(o, sig, index, ref lease, ndim, writable: true), o);
    }

    /// <summary>
    /// The ndarray argument, checked (dtype, writable, ndim) and recorded in the lease, or null for
    /// another object (the buffer protocol's path). The caller builds the view's layout in place,
    /// from the array's fields: a layout returned by a helper and then copied into the view stalled
    /// on store forwarding (measured: a third of a 10-element in-place call).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyArrayObject* NumPyArgument<T>(PyObject* o, PySignature sig, int index, ref ArrayLease lease, int ndim, bool writable) where T : unmanaged
    {
        NumPyApiTable* api = NumPyRuntime.IfImported();
        if (api == null || !NumPyRuntime.IsArray(api, o)) return null;
        var a = (PyArrayObject*)o;
        PyArray_Descr* descr = a->descr;
        if (!NpyElement<T>.MatchesDescr(descr) || descr->byteorder == (byte)'>')
            throw WrongDtype<T>(sig, index, DtypeName(o));
        if (writable && (a->flags & Npy.NPY_ARRAY_WRITEABLE) == 0) throw ReadOnly(sig, index);
        if (ndim >= 0 && a->nd != ndim) throw WrongNdim(sig, index, ndim, a->nd);
        lease.Borrowed = o;
        return a;
    }

    private static PythonException WrongNdim(PySignature sig, int index, int expected, int actual) =>
        new(Builtins.TypeError, $"{sig.ArgumentPrefix(index)} must be a {expected}-dimensional array, not {actual}-dimensional");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static NdLayout BorrowBuffer<T>(PyObject* o, PySignature sig, int index, ref ArrayLease lease, int ndim, bool writable) where T : unmanaged
    {
        if (lease.Active) throw new InvalidOperationException("an ArrayLease holds one buffer at a time");
        Py_buffer* b = (Py_buffer*)Unsafe.AsPointer(ref lease.Buffer);   // a ref struct: on the stack, does not move
        if (PyObject_GetBuffer(o, b, PyConst.PyBUF_RECORDS_RO) < 0)
        {
            if (PyErr_ExceptionMatches(Builtins.TypeError) == 0) throw sig.ConversionError(index);
            PyErr_Clear();
            throw sig.WrongType(index, $"numpy.ndarray of {NpyElement<T>.Name}", o);
        }
        lease.Active = true;
        lease.Borrowed = b->obj != null ? b->obj : o;
        if (!NpyElement<T>.MatchesFormat(b->format, b->itemsize))
            throw WrongDtype<T>(sig, index, $"buffer format '{Utf8.FromC(b->format)}' with item size {b->itemsize}");
        if (!BufferLayout.DirectOnly(b->suboffsets, b->ndim))
            throw new PythonException(Builtins.TypeError, $"{sig.ArgumentPrefix(index)} is an indirect buffer (PIL-style, with suboffsets), which a view cannot read; pass a copy, for example numpy.array(x)");
        if (writable && b->@readonly != 0) throw ReadOnly(sig, index);
        int nd = BufferLayout.Ndim(b->shape, b->ndim);
        if (ndim >= 0 && nd != ndim) throw WrongNdim(sig, index, ndim, nd);
        return BufferLayout.Copy(b, sizeof(T), lease.Dims(nd));
    }

    /// <summary>
    /// Refuses a mutable view that shares memory with another array argument of the same call, by
    /// the borrow tracker's rule (<see cref="BorrowKey.Conflicts"/>): interleaved views that share no
    /// element (the columns of a matrix) pass. Run before the call's views are acquired, so the
    /// tracker only ever refuses a view for another call's borrow.
    /// </summary>
    public static void CheckNoOverlap<T, U>(PySignature sig, int mutableIndex, NdViewMut<T> mutable, int otherIndex, NdView<U> other)
        where T : unmanaged where U : unmanaged
    {
        if (BorrowKey.Conflicts(BorrowKey.Of(mutable.Layout, sizeof(T)), BorrowKey.Of(other.Layout, sizeof(U))))
            throw new PythonException(Builtins.ValueError,
                $"{sig.FunctionName}() arguments '{sig.ParameterName(mutableIndex)}' and '{sig.ParameterName(otherIndex)}' share memory; " +
                $"'{sig.ParameterName(mutableIndex)}' is written to, so pass a copy of one of them");
    }

    /// <summary>As above, for two mutable views (generic inference does not see NdViewMut's conversion to NdView).</summary>
    public static void CheckNoOverlap<T, U>(PySignature sig, int mutableIndex, NdViewMut<T> mutable, int otherIndex, NdViewMut<U> other)
        where T : unmanaged where U : unmanaged
        => CheckNoOverlap(sig, mutableIndex, mutable, otherIndex, other.AsReadOnly());

    // ---- generic functions: the dtype of one argument picks the instantiation ----

    /// <summary>
    /// The numpy type number of a generic function's deciding argument, which must be a numpy
    /// array (<paramref name="accepted"/> names the dtypes the function takes, for the message).
    /// </summary>
    public static int TypeNumber(PyObject* o, PySignature sig, int index, string accepted)
    {
        NumPyApiTable* api = NumPyRuntime.IfImported();
        if (api == null || !NumPyRuntime.IsArray(api, o)) throw sig.WrongType(index, $"numpy.ndarray of {accepted}", o);
        PyArray_Descr* descr = ((PyArrayObject*)o)->descr;
        if (descr->byteorder == (byte)'>') throw UnsupportedDtype(sig, index, o, accepted);
        return descr->type_num;
    }

    /// <summary>Whether type number <paramref name="typeNumber"/> is the dtype of element type <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDtype<T>(int typeNumber) where T : unmanaged => NpyElement<T>.MatchesTypeNum(typeNumber);

    /// <summary>The TypeError for an array of a dtype the generic function was not instantiated for.</summary>
    public static Exception UnsupportedDtype(PySignature sig, int index, PyObject* o, string accepted) =>
        new PythonException(Builtins.TypeError,
            $"{sig.ArgumentPrefix(index)} must be an array of {accepted}, not an array of {DtypeName(o)}");

    /// <summary>
    /// Two arrays of a generic function's element type must have the same dtype: nothing is
    /// converted behind the caller's back. A non-array is left to the conversion to refuse.
    /// </summary>
    public static void RequireSameDtype(PySignature sig, int first, PyObject* a, int other, PyObject* b)
    {
        NumPyApiTable* api = NumPyRuntime.IfImported();
        if (api == null || !NumPyRuntime.IsArray(api, b)) return;
        PyArray_Descr* x = ((PyArrayObject*)a)->descr, y = ((PyArrayObject*)b)->descr;
        if (Canonical(x->type_num) == Canonical(y->type_num) && x->byteorder != (byte)'>' && y->byteorder != (byte)'>') return;
        throw new PythonException(Builtins.TypeError,
            $"{sig.FunctionName}() arguments '{sig.ParameterName(first)}' and '{sig.ParameterName(other)}' must have the same dtype, " +
            $"not {DtypeName(a)} and {DtypeName(b)}; convert one with .astype()");
    }

    // int64 is NPY_LONG or NPY_LONGLONG depending on how the array was made; the same dtype either way.
    private static int Canonical(int typeNumber) => typeNumber switch
    {
        Npy.NPY_LONGLONG => Npy.NPY_LONG,
        Npy.NPY_ULONGLONG => Npy.NPY_ULONG,
        _ => typeNumber,
    };

    /// <summary>Hands <paramref name="array"/>'s memory to a new numpy.ndarray (a new reference); no copy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* FromArray<T>(NdArray<T> array) where T : unmanaged
    {
        PyObject* own = array.DetachOwner();   // numpy allocated it: already the ndarray
        return own != null ? own : FromNetMemory(array);
    }

    /// <summary>An array made in .NET memory (without the GIL, or before numpy was loaded): handed to a new ndarray.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyObject* FromNetMemory<T>(NdArray<T> array) where T : unmanaged
    {
        NumPyApiTable* api = NumPyRuntime.Require();
        PyArray_Descr* descr = NpyElement<T>.NewDescr(api);
        if (descr == null) throw PythonException.Fetch();
        int ndim = array.Ndim;
        byte* data = array.DetachData();
        PyObject* result = api->PyArray_NewFromDescr(api->PyArray_Type, descr, ndim, array.ShapePointer, null, data, Npy.NPY_ARRAY_CARRAY, null);
        array.Dispose();   // numpy copied the shape; the data block is ours to free until the capsule owns it
        if (result == null)
        {
            NdArray<T>.FreeData(data);
            throw PythonException.Fetch();
        }
        PyObject* owner = PyCapsule_New(data, null, &FreeCapsule);
        if (owner == null)
        {
            Py_DECREF(result);
            NdArray<T>.FreeData(data);
            throw PythonException.Fetch();
        }
        if (api->PyArray_SetBaseObject(result, owner) < 0)   // steals owner, even on failure
        {
            Py_DECREF(result);
            throw PythonException.Fetch();
        }
        return result;
    }

    [UnmanagedCallersOnly]
    private static void FreeCapsule(PyObject* capsule) => NdArray<byte>.FreeData(PyCapsule_GetPointer(capsule, null));

    private static PythonException WrongDtype<T>(PySignature sig, int index, string actual) where T : unmanaged =>
        new(Builtins.TypeError, $"{sig.ArgumentPrefix(index)} must be an array of {NpyElement<T>.Name}, not an array of {actual}");

    private static PythonException ReadOnly(PySignature sig, int index) =>
        new(Builtins.ValueError, $"{sig.ArgumentPrefix(index)} is a read-only array, but {sig.FunctionName}() writes to it; pass a writable array (for example a copy)");

    /// <param name="bigEndianHint">Whether a big-endian dtype's name says how to convert it (not where the message already gives a fix).</param>
    private static string DtypeName(PyObject* array, bool bigEndianHint = true)
    {
        PyObject* s = PyObject_Str((PyObject*)((PyArrayObject*)array)->descr);
        if (s == null)
        {
            PyErr_Clear();
            return "another dtype";
        }
        string name = Utf8.FromStr(s) ?? "another dtype";
        Py_DECREF(s);
        if (bigEndianHint && name.StartsWith('>')) name += " (big-endian; convert with arr.astype(arr.dtype.newbyteorder('=')))";
        return name;
    }
}
