using System.Runtime.CompilerServices;
using NdBindgen.Interop;

namespace NdBindgen.NumPy;

/// <summary>
/// The descriptor fields numpy 2 moved, read in the layout of the running numpy, as numpy's own
/// <c>PyDataType_FLAGS</c>, <c>PyDataType_ELSIZE</c> and <c>PyDataType_ALIGNMENT</c> read them
/// (npy_2_compat.h). The fields before them (<c>kind</c>, <c>byteorder</c>, <c>type_num</c>) have
/// the same offsets in both and are read from <see cref="PyArray_Descr"/> directly, which declares
/// nothing else: a moved field cannot be read in the wrong layout by accident.
/// </summary>
internal static unsafe class NpyDescr
{
    /// <summary><c>itemsize</c>: the bytes of one element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint ElementSize(PyArray_Descr* d) => ElementSize(d, NumPyRuntime.DescrLayout);

    /// <summary><c>alignment</c>: the alignment numpy requires of an element, in bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint Alignment(PyArray_Descr* d) => Alignment(d, NumPyRuntime.DescrLayout);

    /// <summary>The descriptor's flags (<c>NPY_ITEM_REFCOUNT</c>, <c>NPY_NEEDS_PYAPI</c>, ...), unsigned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Flags(PyArray_Descr* d) => Flags(d, NumPyRuntime.DescrLayout);

    internal static nint ElementSize(PyArray_Descr* d, NpyDescrLayout layout) =>
        layout == NpyDescrLayout.NumPy2 ? ((_PyArray_DescrNumPy2*)d)->elsize : ((PyArray_DescrProto*)d)->elsize;

    internal static nint Alignment(PyArray_Descr* d, NpyDescrLayout layout) =>
        layout == NpyDescrLayout.NumPy2 ? ((_PyArray_DescrNumPy2*)d)->alignment : ((PyArray_DescrProto*)d)->alignment;

    // numpy 1.x's flags are a C char: read as unsigned (0x80 is NPY_ALIGNED_STRUCT, not a sign).
    internal static ulong Flags(PyArray_Descr* d, NpyDescrLayout layout) =>
        layout == NpyDescrLayout.NumPy2 ? ((_PyArray_DescrNumPy2*)d)->flags : ((PyArray_DescrProto*)d)->flags;
}
