using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/import.h, modsupport.h, moduleobject.h, pylifecycle.h
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyImport_ImportModule(byte* name);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyModule_Create2(PyModuleDef* def, int apiVersion);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern byte* Py_GetVersion();

    /// <summary>The module's namespace, a borrowed reference.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyModule_GetDict(PyObject* module);

    /// <summary>The module's __name__ as UTF-8, owned by the module.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern byte* PyModule_GetName(PyObject* module);
}

internal static unsafe partial class CPython
{
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyUnicode_FromString(byte* s);
}
