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
}
