// numpy's C API (numpy/ndarraytypes.h, __multiarray_api.h for numpy 1.x), reached as numpy's own
// extensions reach it: through the function-pointer table in the capsule
// numpy.core.multiarray._ARRAY_API. Struct layouts are those of numpy 1.x; the fields read here
// (data, nd, dimensions, strides, descr, flags; descr type_num and byteorder) keep their offsets in
// numpy 2 as well.
using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

/// <summary>The head of <c>PyArrayObject_fields</c>.</summary>
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

/// <summary>The head of <c>PyArray_Descr</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyArray_Descr
{
    public PyObject ob_base;
    public PyTypeObject* typeobj;
    public byte kind;
    public byte type;
    public byte byteorder;
    public byte flags;
    public int type_num;
}

/// <summary>NPY_TYPES and array flags.</summary>
internal static class Npy
{
    public const int NPY_BOOL = 0, NPY_BYTE = 1, NPY_UBYTE = 2, NPY_SHORT = 3, NPY_USHORT = 4,
        NPY_INT = 5, NPY_UINT = 6, NPY_LONG = 7, NPY_ULONG = 8, NPY_LONGLONG = 9, NPY_ULONGLONG = 10,
        NPY_FLOAT = 11, NPY_DOUBLE = 12, NPY_LONGDOUBLE = 13, NPY_CFLOAT = 14, NPY_CDOUBLE = 15,
        NPY_OBJECT = 17, NPY_HALF = 23;

    public const int NPY_ARRAY_C_CONTIGUOUS = 0x0001;
    public const int NPY_ARRAY_ALIGNED = 0x0100;
    public const int NPY_ARRAY_NOTSWAPPED = 0x0200;
    public const int NPY_ARRAY_WRITEABLE = 0x0400;
    public const int NPY_ARRAY_CARRAY = NPY_ARRAY_C_CONTIGUOUS | NPY_ARRAY_ALIGNED | NPY_ARRAY_WRITEABLE;

    /// <summary>NPY_CASTING: numpy's <c>casting='safe'</c>.</summary>
    public const int NPY_SAFE_CASTING = 2;
}

/// <summary>The entries of numpy's <c>PyArray_API</c> table NdBindgen calls.</summary>
internal unsafe struct NumPyApiTable
{
    public PyTypeObject* PyArray_Type;                                     // [2]
    public delegate* unmanaged[SuppressGCTransition]<int, PyArray_Descr*> PyArray_DescrFromType;  // [45] a leaf: a built-in descriptor, one incref
    public delegate* unmanaged<PyTypeObject*, PyArray_Descr*, int, nint*, nint*, void*, int, PyObject*, PyObject*> PyArray_NewFromDescr; // [94]
    public delegate* unmanaged<PyObject*, PyArray_Descr*, int, int, int, PyObject*, PyObject*> PyArray_FromAny; // [69] steals the descr
    public delegate* unmanaged<PyObject*, PyArray_Descr*, int, PyObject*> PyArray_FromArray;  // [109] steals the descr
    public delegate* unmanaged<PyArray_Descr*, PyArray_Descr*, int, byte> PyArray_CanCastTypeTo; // [275] npy_bool (from, to, NPY_CASTING)
    public delegate* unmanaged<PyObject*, PyObject*, int> PyArray_SetBaseObject; // [282]

    public static NumPyApiTable FromCapsuleTable(void** api) => new()
    {
        PyArray_Type = (PyTypeObject*)api[2],
        PyArray_DescrFromType = (delegate* unmanaged[SuppressGCTransition]<int, PyArray_Descr*>)api[45],
        PyArray_NewFromDescr = (delegate* unmanaged<PyTypeObject*, PyArray_Descr*, int, nint*, nint*, void*, int, PyObject*, PyObject*>)api[94],
        PyArray_FromAny = (delegate* unmanaged<PyObject*, PyArray_Descr*, int, int, int, PyObject*, PyObject*>)api[69],
        PyArray_FromArray = (delegate* unmanaged<PyObject*, PyArray_Descr*, int, PyObject*>)api[109],
        PyArray_CanCastTypeTo = (delegate* unmanaged<PyArray_Descr*, PyArray_Descr*, int, byte>)api[275],
        PyArray_SetBaseObject = (delegate* unmanaged<PyObject*, PyObject*, int>)api[282],
    };
}
