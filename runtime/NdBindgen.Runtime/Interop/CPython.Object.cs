using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

/// <summary>
/// Whether the interpreter counts every reference (a debug build, such as python3.11-dbg: its
/// <c>sys.gettotalrefcount()</c> sums the counting macros' work). There the exported functions
/// count, so the total comes back to where it was when nothing leaked. Set once, when NdBindgen
/// first meets the interpreter (<see cref="Core.Builtins.Initialize"/>); a class of its own so reading it
/// needs no initialisation check.
/// </summary>
internal static class RefCounting
{
    internal static bool Debug;
}

internal static unsafe partial class CPython
{
    // Include/object.h: the reference-count macros, inlined as CPython inlines them in a release
    // build; in a debug build, the exported functions, which also keep _Py_RefTotal.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Py_INCREF(PyObject* o)
    {
        if (RefCounting.Debug) Py_IncRef(o);
        else o->ob_refcnt++;
    }

    /// <summary>Py_NewRef (3.10+): <paramref name="o"/> with one more reference, which the caller owns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static PyObject* Py_NewRef(PyObject* o)
    {
        Py_INCREF(o);
        return o;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Py_DECREF(PyObject* o)
    {
        if (RefCounting.Debug) Py_DecRef(o);
        else if (--o->ob_refcnt == 0) _Py_Dealloc(o);
    }

    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern void Py_IncRef(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void Py_DecRef(PyObject* o);

    /// <summary>A borrowed reference to sys.<paramref name="name"/>, or null (no exception) when it is missing.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PySys_GetObject(byte* name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Py_XDECREF(PyObject* o)
    {
        if (o != null) Py_DECREF(o);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static PyTypeObject* Py_TYPE(PyObject* o) => o->ob_type;

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void _Py_Dealloc(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyObject_GetAttrString(PyObject* o, byte* name);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyObject_Str(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyObject_Repr(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyObject_IsTrue(PyObject* o);

    // A leaf: a walk over a's MRO tuple (or base chain), no Python code.
    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern int PyType_IsSubtype(PyTypeObject* a, PyTypeObject* b);

    /// <summary>A slot of a type by its <c>Py_*</c> id (typeslots.h), or NULL when the type does not fill it. A leaf: it only reads the type.</summary>
    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern void* PyType_GetSlot(PyTypeObject* type, int slot);
}
