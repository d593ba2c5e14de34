// Type creation from a spec (Include/object.h PyType_Spec/PyType_Slot, descrobject.h PyGetSetDef,
// structmember.h PyMemberDef) and the slot ids of Include/typeslots.h.
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyType_Slot
{
    public int slot;
    public void* pfunc;
}

[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyType_Spec
{
    public byte* name;
    public int basicsize;
    public int itemsize;
    public uint flags;
    public PyType_Slot* slots;
}

[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyGetSetDef
{
    public byte* name;
    public void* get;
    public void* set;
    public byte* doc;
    public void* closure;
}

[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyMemberDef
{
    public byte* name;
    public int type;
    public nint offset;
    public int flags;
    public byte* doc;
}

/// <summary>Slot ids (typeslots.h), type flags and comparison ops.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PySlot
{
    public const int mp_ass_subscript = 3, mp_length = 4, mp_subscript = 5, nb_add = 7,
        nb_multiply = 29, nb_negative = 30, nb_subtract = 36, nb_true_divide = 37, sq_length = 45,
        tp_alloc = 47, tp_clear = 51, tp_dealloc = 52, tp_doc = 56, tp_hash = 59, tp_iter = 62,
        tp_iternext = 63, tp_methods = 64, tp_new = 65, tp_repr = 66, tp_richcompare = 67,
        tp_str = 70, tp_traverse = 71, tp_members = 72, tp_getset = 73, tp_free = 74;
    public const int tp_descr_get = 54, tp_descr_set = 55;

    // The rest of the number protocol (nb_add, nb_multiply, nb_negative, nb_subtract, nb_true_divide above).
    public const int nb_absolute = 6, nb_and = 8, nb_bool = 9, nb_divmod = 10, nb_float = 11, nb_floor_divide = 12,
        nb_index = 13, nb_inplace_add = 14, nb_inplace_and = 15, nb_inplace_floor_divide = 16, nb_inplace_lshift = 17,
        nb_inplace_multiply = 18, nb_inplace_or = 19, nb_inplace_power = 20, nb_inplace_remainder = 21,
        nb_inplace_rshift = 22, nb_inplace_subtract = 23, nb_inplace_true_divide = 24, nb_inplace_xor = 25,
        nb_int = 26, nb_invert = 27, nb_lshift = 28, nb_or = 31, nb_positive = 32, nb_power = 33, nb_remainder = 34,
        nb_rshift = 35, nb_xor = 38, nb_matrix_multiply = 75, nb_inplace_matrix_multiply = 76;
    // Containers and callables (typeslots.h).
    public const int sq_contains = 41, tp_call = 50;

    public const uint Py_TPFLAGS_BASETYPE = 1u << 10;
    public const uint Py_TPFLAGS_HAVE_GC = 1u << 14;
    // 3.9's Py_TPFLAGS_DEFAULT, Py_TPFLAGS_HAVE_VERSION_TAG; 3.10+ define the bit still and ignore it.
    public const uint Py_TPFLAGS_DEFAULT = 1u << 18;

    public const int T_PYSSIZET = 19;
    public const int T_STRING = 5;
    public const int READONLY = 1;

    public const int Py_LT = 0, Py_LE = 1, Py_EQ = 2, Py_NE = 3, Py_GT = 4, Py_GE = 5;
}
