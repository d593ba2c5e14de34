using System.Runtime.CompilerServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/cpython/tupleobject.h: the macros, inlined.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint PyTuple_GET_SIZE(PyObject* t) => ((PyVarObject*)t)->ob_size;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static PyObject* PyTuple_GET_ITEM(PyObject* t, nint i) => (&((PyTupleObject*)t)->ob_item0)[i];
}
