using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/object.h: the reference-count macros, inlined as CPython inlines them in a release
    // build of the running version (Layouts.RefCounts); in a debug build, the exported functions,
    // which also keep _Py_RefTotal (sys.gettotalrefcount() then comes back to where it was when
    // nothing leaked).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Py_INCREF(PyObject* o) => IncRef(o, Layouts.RefCounts);

    /// <summary>Py_NewRef (3.10+): <paramref name="o"/> with one more reference, which the caller owns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static PyObject* Py_NewRef(PyObject* o)
    {
        Py_INCREF(o);
        return o;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Py_DECREF(PyObject* o) => DecRef(o, Layouts.RefCounts);

    /// <summary>Py_INCREF as CPython counting by <paramref name="mode"/> does it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void IncRef(PyObject* o, RefCountMode mode)
    {
        if (mode == RefCountMode.Plain)
        {
            o->ob_refcnt++;
        }
        else if (mode == RefCountMode.Immortal)
        {
            // 3.12/3.13, 64-bit: a saturating add on the low 32 bits; an immortal object's are all set.
            uint* low = (uint*)&o->ob_refcnt;   // little-endian: ob_refcnt_split[0]
            uint count = *low + 1;
            if (count != 0) *low = count;
        }
        else
        {
            Py_IncRef(o);
        }
    }

    /// <summary>Py_DECREF as CPython counting by <paramref name="mode"/> does it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void DecRef(PyObject* o, RefCountMode mode)
    {
        if (mode == RefCountMode.Plain)
        {
            if (--o->ob_refcnt == 0) _Py_Dealloc(o);
        }
        else if (mode == RefCountMode.Immortal)
        {
            // 3.12/3.13 _Py_IsImmortal, 64-bit: the low 32 bits, read as an int32, are negative.
            if ((int)o->ob_refcnt >= 0 && --o->ob_refcnt == 0) _Py_Dealloc(o);
        }
        else
        {
            Py_DecRef(o);
        }
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
    internal static extern nint PyObject_Hash(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyObject_IsTrue(PyObject* o);

    // A leaf: a walk over a's MRO tuple (or base chain), no Python code.
    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern int PyType_IsSubtype(PyTypeObject* a, PyTypeObject* b);

    /// <summary>
    /// A slot of a type by its <c>Py_*</c> id (typeslots.h), or NULL when the type does not fill it.
    /// A leaf: it only reads the type. Heap types only: 3.9 raises SystemError for a static type.
    /// </summary>
    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern void* PyType_GetSlot(PyTypeObject* type, int slot);
}
