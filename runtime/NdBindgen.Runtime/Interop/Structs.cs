// Object layouts of CPython 3.9-3.13 (x86_64; default GIL builds, release or debug without
// Py_TRACE_REFS), mirroring Include/object.h, Include/cpython/*.h and Include/methodobject.h /
// moduleobject.h. Every offset declared here is the same in all five versions (checked with
// offsetof against each version's headers) except where a comment says otherwise: PyLongObject's
// size field, read through CPython.Long.cs by Layouts.TaggedLongs, and PyTypeObject's tail, which
// NdBindgen never allocates or copies. Reference counting differs too (Layouts.RefCounts).
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

/// <summary><c>PyObject</c>: the header every Python object starts with.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyObject
{
    public nint ob_refcnt;
    public PyTypeObject* ob_type;
}

/// <summary><c>PyVarObject</c>: header of variable-size objects (tuple, int, ...).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyVarObject
{
    public PyObject ob_base;
    public nint ob_size;
}

/// <summary>
/// <c>PyTypeObject</c>, function slots as addresses: the fields of 3.9-3.13 up to
/// <c>tp_vectorcall</c> (3.12 adds <c>tp_watched</c>, 3.13 <c>tp_versions_used</c> after it, so
/// <c>sizeof</c> differs: only ever used through pointers to types CPython made).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyTypeObject
{
    public PyVarObject ob_base;
    public byte* tp_name;
    public nint tp_basicsize;
    public nint tp_itemsize;
    public nint tp_dealloc;
    public nint tp_vectorcall_offset;
    public nint tp_getattr;
    public nint tp_setattr;
    public nint tp_as_async;
    public nint tp_repr;
    public PyNumberMethods* tp_as_number;
    public nint tp_as_sequence;
    public nint tp_as_mapping;
    public nint tp_hash;
    public nint tp_call;
    public nint tp_str;
    public nint tp_getattro;
    public nint tp_setattro;
    public PyBufferProcs* tp_as_buffer;
    public ulong tp_flags;
    public byte* tp_doc;
    public nint tp_traverse;
    public nint tp_clear;
    public nint tp_richcompare;
    public nint tp_weaklistoffset;
    public nint tp_iter;
    public nint tp_iternext;
    public nint tp_methods;
    public nint tp_members;
    public nint tp_getset;
    public PyTypeObject* tp_base;
    public PyObject* tp_dict;
    public nint tp_descr_get;
    public nint tp_descr_set;
    public nint tp_dictoffset;
    public nint tp_init;
    public nint tp_alloc;
    public nint tp_new;
    public nint tp_free;
    public nint tp_is_gc;
    public PyObject* tp_bases;
    public PyObject* tp_mro;
    public PyObject* tp_cache;
    public PyObject* tp_subclasses;
    public PyObject* tp_weaklist;
    public nint tp_del;
    public uint tp_version_tag;
    public nint tp_finalize;
    public nint tp_vectorcall;
}

/// <summary><c>PyFloatObject</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public struct PyFloatObject
{
    public PyObject ob_base;
    public double ob_fval;
}

/// <summary>
/// <c>PyLongObject</c>: the header, the size word, then 30-bit digits. The size word is
/// <c>ob_size</c> (the signed digit count) in 3.9-3.11 and <c>long_value.lv_tag</c> (digit count
/// &lt;&lt; 3 | sign: 0 positive, 1 zero, 2 negative) in 3.12+; the digits start at the same offset.
/// Read through CPython.PyLong_IsNegative and CPython.PyLong_TryCompactValue (CPython.Long.cs).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Explicit)]
public struct PyLongObject
{
    [FieldOffset(0)] public PyObject ob_base;
    /// <summary>3.9-3.11: the digit count, negative for a negative int.</summary>
    [FieldOffset(16)] public nint ob_size;
    /// <summary>3.12+: <c>long_value.lv_tag</c>.</summary>
    [FieldOffset(16)] public nuint lv_tag;
    [FieldOffset(24)] public uint ob_digit0;
}

/// <summary><c>PyNumberMethods</c> (Include/cpython/object.h), slots as addresses.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public struct PyNumberMethods
{
    public nint nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod, nb_power, nb_negative,
        nb_positive, nb_absolute, nb_bool, nb_invert, nb_lshift, nb_rshift, nb_and, nb_xor, nb_or,
        nb_int, nb_reserved, nb_float, nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply,
        nb_inplace_remainder, nb_inplace_power, nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and,
        nb_inplace_xor, nb_inplace_or, nb_floor_divide, nb_true_divide, nb_inplace_floor_divide,
        nb_inplace_true_divide, nb_index, nb_matrix_multiply, nb_inplace_matrix_multiply;
}

/// <summary><c>PyBufferProcs</c> (Include/cpython/object.h).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public struct PyBufferProcs
{
    public nint bf_getbuffer;
    public nint bf_releasebuffer;
}

/// <summary><c>PyListObject</c>: header, the item array (moved when the list grows) and its capacity.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyListObject
{
    public PyVarObject ob_base;
    public PyObject** ob_item;
    public nint allocated;
}

/// <summary><c>PyTupleObject</c>: header followed by the item pointers.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyTupleObject
{
    public PyVarObject ob_base;
    public PyObject* ob_item0;
}

/// <summary><c>Py_buffer</c> (Include/cpython/object.h).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct Py_buffer
{
    public void* buf;
    public PyObject* obj;
    public nint len;
    public nint itemsize;
    public int @readonly;
    public int ndim;
    public byte* format;
    public nint* shape;
    public nint* strides;
    public nint* suboffsets;
    public void* @internal;
}

/// <summary><c>PyMethodDef</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyMethodDef
{
    public byte* ml_name;
    public void* ml_meth;
    public int ml_flags;
    public byte* ml_doc;
}

/// <summary><c>PyModuleDef</c> including its <c>PyModuleDef_Base</c> head.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyModuleDef
{
    public PyObject m_base_ob_base;
    public void* m_base_m_init;
    public nint m_base_m_index;
    public PyObject* m_base_m_copy;
    public byte* m_name;
    public byte* m_doc;
    public nint m_size;
    public PyMethodDef* m_methods;
    public void* m_slots;
    public void* m_traverse;
    public void* m_clear;
    public void* m_free;
}

/// <summary>Flag values from the C headers.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PyConst
{
    public const int METH_VARARGS = 0x0001;
    public const int METH_KEYWORDS = 0x0002;
    public const int METH_NOARGS = 0x0004;
    public const int METH_O = 0x0008;
    public const int METH_CLASS = 0x0010;
    public const int METH_STATIC = 0x0020;
    public const int METH_COEXIST = 0x0040;
    public const int METH_FASTCALL = 0x0080;
    public const int PYTHON_API_VERSION = 1013;
    public const long PY_VECTORCALL_ARGUMENTS_OFFSET = long.MinValue;
    public const ulong Py_TPFLAGS_HEAPTYPE = 1UL << 9;
    public const ulong Py_TPFLAGS_METHOD_DESCRIPTOR = 1UL << 17;
    public const ulong Py_TPFLAGS_VALID_VERSION_TAG = 1UL << 19;
    public const ulong Py_TPFLAGS_LONG_SUBCLASS = 1UL << 24;
    public const ulong Py_TPFLAGS_LIST_SUBCLASS = 1UL << 25;
    public const ulong Py_TPFLAGS_TUPLE_SUBCLASS = 1UL << 26;
    public const ulong Py_TPFLAGS_BYTES_SUBCLASS = 1UL << 27;
    public const ulong Py_TPFLAGS_UNICODE_SUBCLASS = 1UL << 28;
    public const ulong Py_TPFLAGS_DICT_SUBCLASS = 1UL << 29;
    public const int PyBUF_SIMPLE = 0;
    public const int PyBUF_FULL_RO = 0x0100 | PyBUF_STRIDES | PyBUF_FORMAT;   // PyBUF_INDIRECT | PyBUF_FORMAT
    public const int PyBUF_WRITABLE = 0x0001;
    public const int PyBUF_FORMAT = 0x0004;
    public const int PyBUF_ND = 0x0008;
    public const int PyBUF_STRIDES = 0x0010 | PyBUF_ND;
    public const int PyBUF_RECORDS_RO = PyBUF_STRIDES | PyBUF_FORMAT;
    public const int PyBUF_RECORDS = PyBUF_RECORDS_RO | PyBUF_WRITABLE;
    /// <summary>CPython stores 30 bits per digit of an int on 64-bit platforms.</summary>
    public const int PyLong_SHIFT = 30;
}
