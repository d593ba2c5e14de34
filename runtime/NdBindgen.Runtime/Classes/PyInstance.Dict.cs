using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Classes;

/// <summary>
/// The instance dict of a <c>[PyClass(Dict = true)]</c>: one pointer after the weak-reference list, found
/// by CPython through tp_dictoffset (<c>__dictoffset__</c>) on every version. Not 3.12's
/// Py_TPFLAGS_MANAGED_DICT: visiting and clearing a managed dict needs PyObject_VisitManagedDict and
/// PyObject_ClearManagedDict, public only from 3.13. A Python subclass sees the base's dict offset and
/// adds none of its own, so the base's traverse, clear and dealloc below are the only ones to touch it.
/// </summary>
public static unsafe partial class PyInstance
{
    /// <summary>The size of an instance of a class with a dict.</summary>
    public static int BasicSizeWithDict => sizeof(PyInstanceObject) + sizeof(nint);

    /// <summary>Where the dict pointer is: right after <see cref="PyInstanceObject"/>.</summary>
    internal static nint DictOffset => sizeof(PyInstanceObject);

    private static PyObject** DictSlot(PyObject* self) => (PyObject**)((byte*)self + DictOffset);

    private static int VisitDict(PyObject* self, delegate* unmanaged<PyObject*, void*, int> visit, void* arg)
    {
        PyObject* dict = *DictSlot(self);
        return dict == null ? 0 : visit(dict, arg);
    }

    /// <summary>Py_CLEAR of the dict: the slot is emptied before the release, which may run Python code.</summary>
    private static void ClearDict(PyObject* self)
    {
        PyObject** slot = DictSlot(self);
        PyObject* dict = *slot;
        if (dict == null) return;
        *slot = null;
        Py_DECREF(dict);
    }
}
