using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/object.h, objimpl.h, weakrefobject.h, modsupport.h, dictobject.h: building types and instances.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyType_FromSpecWithBases(PyType_Spec* spec, PyObject* bases);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyObject_GC_UnTrack(void* o);

    // Include/objimpl.h: the allocator a type frees its tp_doc with.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void* PyObject_Malloc(nuint size);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyObject_Free(void* p);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyObject_ClearWeakRefs(PyObject* o);

    // Include/object.h: an instance dict found through tp_dictoffset (both in the stable ABI since 3.3).
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyObject_GenericGetDict(PyObject* o, void* context);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyObject_GenericSetDict(PyObject* o, PyObject* value, void* context);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyObject_SetAttrString(PyObject* o, byte* name, PyObject* value);

    // A leaf (see CPython.Number.cs): it reads the table, nothing else.
    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern int PyDict_Next(PyObject* dict, nint* pos, PyObject** key, PyObject** value);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern nint PyDict_Size(PyObject* dict);

    // Include/cpython/object.h: an attribute through the MRO, as attribute lookup finds it (borrowed, no error
    // set; the type's method cache makes a repeated lookup a hash probe). Exported by every CPython 3.x.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* _PyType_Lookup(PyTypeObject* type, PyObject* name);
}
