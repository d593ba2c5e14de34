using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/listobject.h
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyList_New(nint size);

    /// <summary>Steals <paramref name="item"/>.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyList_SetItem(PyObject* list, nint index, PyObject* item);

    /// <summary>Does not steal <paramref name="item"/>.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyList_Append(PyObject* list, PyObject* item);

    // Include/cpython/listobject.h: the macros, inlined.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint PyList_GET_SIZE(PyObject* list) => ((PyVarObject*)list)->ob_size;

    /// <summary>Borrowed; <paramref name="i"/> must be below the current size (the item array moves as the list grows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static PyObject* PyList_GET_ITEM(PyObject* list, nint i) => ((PyListObject*)list)->ob_item[i];

    /// <summary>Steals <paramref name="o"/>; only for a list just made by PyList_New.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void PyList_SET_ITEM(PyObject* list, nint i, PyObject* o) => ((PyListObject*)list)->ob_item[i] = o;
}
