using System.Collections.Generic;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Classes;

/// <summary>The type-side parts of an instance dict (<c>[PyClass(Dict = true)]</c>); the layout is in PyInstance.Dict.cs.</summary>
public static unsafe partial class PyClassBuilder
{
    /// <summary>tp_dealloc, tp_traverse and tp_clear that also release, visit and clear the dict (so the type is a GC type).</summary>
    private static void AddDictSlots(List<PyType_Slot> all)
    {
        all.Add(Slot(PySlot.tp_dealloc, (delegate* unmanaged<PyObject*, void>)&DeallocWithDict));
        all.Add(Slot(PySlot.tp_traverse,
            (delegate* unmanaged<PyObject*, delegate* unmanaged<PyObject*, void*, int>, void*, int>)&TraverseWithDict));
        all.Add(Slot(PySlot.tp_clear, (delegate* unmanaged<PyObject*, int>)&ClearWithDict));
    }

    /// <summary><c>__dictoffset__</c>: how PyType_FromSpec learns tp_dictoffset (as <c>__weaklistoffset__</c>).</summary>
    private static PyMemberDef DictOffsetMember() => new()
    {
        name = Utf8.AllocPermanent("__dictoffset__"),
        type = PySlot.T_PYSSIZET,
        offset = PyInstance.DictOffset,
        flags = PySlot.READONLY,
    };

    /// <summary>
    /// <c>obj.__dict__</c> (get and replace), which a class statement adds by itself and PyType_FromSpec does
    /// not; attribute lookup finds the dict through tp_dictoffset either way.
    /// </summary>
    private static PyGetSetDef DictGetSet() => new()
    {
        name = Utf8.AllocPermanent("__dict__"),
        get = (delegate* unmanaged<PyObject*, void*, PyObject*>)&GetDict,
        set = (delegate* unmanaged<PyObject*, PyObject*, void*, int>)&SetDict,
        doc = null,
    };

    // CPython's own generic functions, called through entry points of ours: neither runs managed code.
    [UnmanagedCallersOnly]
    private static PyObject* GetDict(PyObject* self, void* closure) => PyObject_GenericGetDict(self, closure);

    [UnmanagedCallersOnly]
    private static int SetDict(PyObject* self, PyObject* value, void* closure) =>
        PyObject_GenericSetDict(self, value, closure);

    [UnmanagedCallersOnly]
    private static void DeallocWithDict(PyObject* self) => PyInstance.Dealloc(self, dict: true);

    [UnmanagedCallersOnly]
    private static int TraverseWithDict(PyObject* self, delegate* unmanaged<PyObject*, void*, int> visit, void* arg) =>
        PyInstance.Traverse(self, visit, arg, dict: true);

    [UnmanagedCallersOnly]
    private static int ClearWithDict(PyObject* self) => PyInstance.Clear(self, dict: true);
}
