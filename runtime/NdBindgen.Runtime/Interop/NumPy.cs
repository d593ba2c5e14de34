// numpy's C API (numpy/_core/include/numpy/ndarraytypes.h, npy_2_compat.h, __multiarray_api.h),
// reached as numpy's own extensions reach it: through the function-pointer table in the capsule
// _ARRAY_API of numpy._core.multiarray (numpy 2; numpy.core.multiarray in numpy 1). Layouts are
// declared as numpy 2's headers declare them for code that runs on both 1.x and 2.x: the array
// head and the descriptor fields up to type_num are the same in both; the descriptor fields that
// moved in numpy 2 (flags, elsize, alignment) are in the two version-specific layouts below and
// are read through NumPy/NpyDescr, which picks one from the C API version numpy reports.
using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

/// <summary>The head of <c>PyArrayObject_fields</c> (the same in numpy 1.x and 2.x).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyArrayObject
{
    public PyObject ob_base;
    public byte* data;
    public int nd;
    public nint* dimensions;
    public nint* strides;
    public PyObject* @base;
    public PyArray_Descr* descr;
    public int flags;
}

/// <summary>
/// <c>PyArray_Descr</c> as numpy 2's headers declare it for code that runs on 1.x and 2.x: only
/// the fields both share. Everything after <c>type_num</c> differs; see the two layouts below.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyArray_Descr
{
    public PyObject ob_base;
    public PyTypeObject* typeobj;
    public byte kind;
    public byte type;
    public byte byteorder;
    public byte _former_flags;   // numpy 1.x: the char flags (read them through NpyDescr.Flags)
    public int type_num;
}

/// <summary>
/// numpy 1.x's whole <c>PyArray_Descr</c> (numpy 2 keeps it as <c>PyArray_DescrProto</c>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyArray_DescrProto
{
    public PyObject ob_base;
    public PyTypeObject* typeobj;
    public byte kind;
    public byte type;
    public byte byteorder;
    public byte flags;   // char in C: read unsigned, as npy_2_compat.h's PyDataType_FLAGS does
    public int type_num;
    public int elsize;
    public int alignment;
    public void* subarray;
    public PyObject* fields;
    public PyObject* names;
    public void* f;
    public PyObject* metadata;
    public void* c_metadata;
    public nint hash;
}

/// <summary>numpy 2.x's public <c>PyArray_Descr</c>, named as in ndarraytypes.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct _PyArray_DescrNumPy2
{
    public PyObject ob_base;
    public PyTypeObject* typeobj;
    public byte kind;
    public byte type;
    public byte byteorder;
    public byte _former_flags;
    public int type_num;
    public ulong flags;
    public nint elsize;
    public nint alignment;
    public PyObject* metadata;
    public nint hash;
    public void* reserved_null_0;
    public void* reserved_null_1;
}

/// <summary>NPY_TYPES and array flags.</summary>
internal static class Npy
{
    public const int NPY_BOOL = 0, NPY_BYTE = 1, NPY_UBYTE = 2, NPY_SHORT = 3, NPY_USHORT = 4,
        NPY_INT = 5, NPY_UINT = 6, NPY_LONG = 7, NPY_ULONG = 8, NPY_LONGLONG = 9, NPY_ULONGLONG = 10,
        NPY_FLOAT = 11, NPY_DOUBLE = 12, NPY_LONGDOUBLE = 13, NPY_CFLOAT = 14, NPY_CDOUBLE = 15,
        NPY_OBJECT = 17, NPY_DATETIME = 21, NPY_TIMEDELTA = 22, NPY_HALF = 23;

    public const int NPY_ARRAY_C_CONTIGUOUS = 0x0001;
    public const int NPY_ARRAY_ALIGNED = 0x0100;
    public const int NPY_ARRAY_NOTSWAPPED = 0x0200;
    public const int NPY_ARRAY_WRITEABLE = 0x0400;
    public const int NPY_ARRAY_CARRAY = NPY_ARRAY_C_CONTIGUOUS | NPY_ARRAY_ALIGNED | NPY_ARRAY_WRITEABLE;

    /// <summary>NPY_CASTING: numpy's <c>casting='safe'</c>.</summary>
    public const int NPY_SAFE_CASTING = 2;

    /// <summary>numpy 2.0's C API feature version (npy_2_compat.h): from it on, the numpy 2 descriptor.</summary>
    public const uint NPY_2_0_API_VERSION = 0x00000012;

    /// <summary>numpy 1.7's C API feature version: 1.7 added the newest slot NdBindgen calls (282).</summary>
    public const uint NPY_1_7_API_VERSION = 0x00000007;
}

/// <summary>
/// The entries of numpy's <c>PyArray_API</c> table NdBindgen calls. The slot numbers are the same in
/// numpy 1.7 to 1.26 and 2.0 to 2.5 (numpy_api.py); the two version slots come first, since they say
/// whether the rest may be read.
/// </summary>
internal unsafe struct NumPyApiTable
{
    /// <summary>[0] NPY_ABI_VERSION: 0x01000009 for numpy 1.x, 0x02000000 for 2.x.</summary>
    public static delegate* unmanaged<uint> PyArray_GetNDArrayCVersion(void** api) =>
        (delegate* unmanaged<uint>)api[0];

    /// <summary>[211] NPY_API_VERSION, the feature version: 0x10 for numpy 1.24, 0x12 for 2.0.</summary>
    public static delegate* unmanaged<uint> PyArray_GetNDArrayCFeatureVersion(void** api) =>
        (delegate* unmanaged<uint>)api[211];

    public PyTypeObject* PyArray_Type;   // [2]

    // [45] a leaf: a built-in descriptor, one incref
    public delegate* unmanaged[SuppressGCTransition]<int, PyArray_Descr*> PyArray_DescrFromType;

    // [94] steals the descr
    public delegate* unmanaged<PyTypeObject*, PyArray_Descr*, int, nint*, nint*, void*, int, PyObject*, PyObject*>
        PyArray_NewFromDescr;

    /// <summary>
    /// [94] again, called as a leaf (no GC transition), or null: set only when ndarray is not a GC type, so
    /// making one of the exact type with numpy's own memory, a built-in descriptor and no <c>obj</c> runs no
    /// Python code and cannot start Python's cyclic GC (which may run a <c>__del__</c> that calls back into
    /// .NET). <c>NdArray</c> uses it for small blocks only, which numpy's allocator serves without a wait.
    /// </summary>
    public delegate* unmanaged[SuppressGCTransition]<PyTypeObject*, PyArray_Descr*, int, nint*, nint*, void*, int, PyObject*, PyObject*>
        PyArray_NewFromDescrLeaf;

    // [69] steals the descr
    public delegate* unmanaged<PyObject*, PyArray_Descr*, int, int, int, PyObject*, PyObject*> PyArray_FromAny;

    // [109] steals the descr
    public delegate* unmanaged<PyObject*, PyArray_Descr*, int, PyObject*> PyArray_FromArray;

    // [275] npy_bool (from, to, NPY_CASTING)
    public delegate* unmanaged<PyArray_Descr*, PyArray_Descr*, int, byte> PyArray_CanCastTypeTo;

    // [174] NPY_SUCCEED (1) with a new reference in *at, or NPY_FAIL (0) with an exception set
    public delegate* unmanaged<PyObject*, PyArray_Descr**, int> PyArray_DescrConverter;

    // [282] steals the base
    public delegate* unmanaged<PyObject*, PyObject*, int> PyArray_SetBaseObject;

    /// <summary>The entries above from numpy's table; call only once its versions were checked.</summary>
    public static NumPyApiTable FromCapsuleTable(void** api) => new()
    {
        PyArray_Type = (PyTypeObject*)api[2],
        PyArray_DescrFromType = (delegate* unmanaged[SuppressGCTransition]<int, PyArray_Descr*>)api[45],
        PyArray_NewFromDescr =
            (delegate* unmanaged<PyTypeObject*, PyArray_Descr*, int, nint*, nint*, void*, int, PyObject*, PyObject*>)
            api[94],
        PyArray_NewFromDescrLeaf = (((PyTypeObject*)api[2])->tp_flags & PySlot.Py_TPFLAGS_HAVE_GC) != 0 ? null :
            (delegate* unmanaged[SuppressGCTransition]<PyTypeObject*, PyArray_Descr*, int, nint*, nint*, void*, int, PyObject*, PyObject*>)
            api[94],
        PyArray_FromAny = (delegate* unmanaged<PyObject*, PyArray_Descr*, int, int, int, PyObject*, PyObject*>)api[69],
        PyArray_FromArray = (delegate* unmanaged<PyObject*, PyArray_Descr*, int, PyObject*>)api[109],
        PyArray_CanCastTypeTo = (delegate* unmanaged<PyArray_Descr*, PyArray_Descr*, int, byte>)api[275],
        PyArray_DescrConverter = (delegate* unmanaged<PyObject*, PyArray_Descr**, int>)api[174],
        PyArray_SetBaseObject = (delegate* unmanaged<PyObject*, PyObject*, int>)api[282],
    };
}
