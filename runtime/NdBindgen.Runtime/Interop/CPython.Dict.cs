using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/dictobject.h
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyDict_New();

    /// <summary>Does not steal <paramref name="key"/> or <paramref name="value"/>.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyDict_SetItem(PyObject* dict, PyObject* key, PyObject* value);
}
