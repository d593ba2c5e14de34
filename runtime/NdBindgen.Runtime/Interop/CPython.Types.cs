using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/object.h, objimpl.h, weakrefobject.h, modsupport.h, dictobject.h: building types and instances.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyType_FromSpecWithBases(PyType_Spec* spec, PyObject* bases);

    // A leaf (see CPython.Number.cs): it unlinks the object from its GC list, nothing else.
    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern void PyObject_GC_UnTrack(void* o);

    // Include/objimpl.h: the allocator a type frees its tp_doc with.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void* PyObject_Malloc(nuint size);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyObject_Free(void* p);

    // The allocation and release of an instance that PyType_GenericAlloc and a type's tp_free would do (Classes/PyInstance.cs):
    // leaves, as neither runs Python code or a collection (PyObject_Malloc is not the GC allocator; a hook installed
    // with PyMem_SetAllocator, as tracemalloc's, is C), so they are called without the .NET transition.
    [DllImport(Lib, EntryPoint = "PyObject_Malloc", ExactSpelling = true), SuppressGCTransition]
    internal static extern void* PyObject_MallocLeaf(nuint size);

    [DllImport(Lib, EntryPoint = "PyObject_Free", ExactSpelling = true), SuppressGCTransition]
    internal static extern void PyObject_FreeLeaf(void* p);

    /// <summary>Sets the type (taking a reference to a heap type) and the first reference of a new object.</summary>
    [DllImport(Lib, EntryPoint = "PyObject_Init", ExactSpelling = true), SuppressGCTransition]
    internal static extern PyObject* PyObject_InitLeaf(PyObject* o, PyTypeObject* type);

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
