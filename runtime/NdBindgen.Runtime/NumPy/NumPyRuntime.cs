using System.Runtime.CompilerServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.NumPy;

/// <summary>
/// numpy's C API table, loaded on first need. Reading arrays only uses it when numpy is already
/// imported (an ndarray cannot exist otherwise), so modules never import numpy by surprise;
/// creating arrays imports it.
/// </summary>
internal static unsafe class NumPyRuntime
{
    private static NumPyApiTable* s_api;   // native memory: a pointer to it stays valid

    /// <summary>The table if NdBindgen has loaded it already (no call into Python), else null.</summary>
    internal static NumPyApiTable* IfLoaded => s_api;

    /// <summary>The table if numpy is imported in this interpreter, else null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static NumPyApiTable* IfImported() => s_api != null ? s_api : LoadIfImported();

    private static NumPyApiTable* LoadIfImported()
    {
        PyObject* name = PyUnicode_FromString(Utf8.Z("numpy.core.multiarray"u8));
        if (name == null) throw PythonException.Fetch();
        PyObject* module = PyImport_GetModule(name);
        Py_DECREF(name);
        if (module == null)
        {
            if (PyErr_Occurred() != null) throw PythonException.Fetch();
            return null;
        }
        Py_DECREF(module);
        return Require();
    }

    /// <summary>The table, importing numpy if needed; an ImportError if numpy is not installed.</summary>
    internal static NumPyApiTable* Require()
    {
        if (s_api != null) return s_api;
        PyObject* module = PyImport_ImportModule(Utf8.Z("numpy.core.multiarray"u8));
        if (module == null) throw PythonException.Fetch();
        PyObject* capsule = PyObject_GetAttrString(module, Utf8.Z("_ARRAY_API"u8));
        Py_DECREF(module);
        if (capsule == null) throw PythonException.Fetch();
        void** api = (void**)PyCapsule_GetPointer(capsule, null);
        Py_DECREF(capsule);   // the module keeps the capsule, and the table, alive
        if (api == null) throw PythonException.Fetch();
        var table = (NumPyApiTable*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)sizeof(NumPyApiTable));
        *table = NumPyApiTable.FromCapsuleTable(api);
        s_api = table;
        return table;
    }

    /// <summary>True when <paramref name="o"/> is a numpy.ndarray or a subclass of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsArray(NumPyApiTable* api, PyObject* o)
    {
        PyTypeObject* t = Py_TYPE(o);
        return t == api->PyArray_Type || PyType_IsSubtype(t, api->PyArray_Type) != 0;
    }
}
