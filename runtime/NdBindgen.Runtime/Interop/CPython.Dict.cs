using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/dictobject.h
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyDict_New();
}
