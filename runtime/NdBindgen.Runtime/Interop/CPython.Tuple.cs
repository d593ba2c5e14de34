using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/cpython/tupleobject.h: the macros, inlined.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint PyTuple_GET_SIZE(PyObject* t) => ((PyVarObject*)t)->ob_size;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static PyObject* PyTuple_GET_ITEM(PyObject* t, nint i) => (&((PyTupleObject*)t)->ob_item0)[i];

    /// <summary>Steals <paramref name="o"/>; only for a tuple just made by PyTuple_New.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void PyTuple_SET_ITEM(PyObject* t, nint i, PyObject* o) => (&((PyTupleObject*)t)->ob_item0)[i] = o;

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyTuple_New(nint size);
}
