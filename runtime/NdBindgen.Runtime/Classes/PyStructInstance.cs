using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Classes;

/// <summary>
/// Implemented by the generator on every <c>[PyClass] partial struct</c>: the Python type whose instances hold the
/// struct's value inside the object (see <see cref="PyStructInstance"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public unsafe interface IPyStruct
{
    /// <summary>The Python type created for the struct at module init.</summary>
    static abstract PyTypeObject* PythonType { get; }
}

/// <summary>
/// Instances of <c>[PyClass]</c> structs: the value lives inside the Python object, as PyO3 keeps a Rust struct in
/// its object. Layout: the object header, the weak-reference list, then the struct at <see cref="Offset"/>. Nothing
/// is allocated by .NET and nothing is kept in <see cref="InstanceTable"/>: making one is tp_alloc and a copy,
/// reading a numeric field is CPython's own member descriptor, and methods get the value by reference.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PyStructInstance
{
    /// <summary>Where the struct starts: after the header and the weak-reference list (8-byte aligned, as
    /// pymalloc's blocks are 16-byte aligned and the header and list are 24 bytes).</summary>
    public const int Offset = 24;

    /// <summary>The weak-reference list, right after the header.</summary>
    internal static nint WeakListOffset => sizeof(PyObject);

    /// <summary>tp_basicsize of a struct type holding <paramref name="size"/> bytes (sizeof(T)).</summary>
    public static int BasicSize(int size) => Offset + ((size + 7) & ~7);

    /// <summary>The struct inside <paramref name="self"/>, which must be an instance of its type (or a subclass).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref T Get<T>(PyObject* self) where T : unmanaged => ref *(T*)((byte*)self + Offset);

    /// <summary>
    /// A new object of <paramref name="type"/> (the struct's type or a Python subclass) holding a copy of
    /// <paramref name="value"/>: the type's tp_alloc (a field of the type, no slot lookup) and a copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* New<T>(PyTypeObject* type, in T value) where T : unmanaged
    {
        var alloc = (delegate* unmanaged<PyTypeObject*, nint, PyObject*>)type->tp_alloc;
        PyObject* self = alloc(type, 0);
        if (self == null) throw PythonException.Fetch();
        Get<T>(self) = value;
        return self;
    }

    /// <summary>A return value: a new object of the struct's type holding a copy.</summary>
    public static PyObject* FromValue<T>(T value) where T : unmanaged, IPyStruct => New(T.PythonType, value);

    /// <summary>A classmethod's or constructor's result: a new object of <paramref name="type"/> (cls).</summary>
    public static PyObject* FromValue<T>(T value, PyTypeObject* type) where T : unmanaged, IPyStruct =>
        New(type, value);

    /// <summary>True when <paramref name="o"/> is an instance of T's Python type (or a subclass).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is<T>(PyObject* o) where T : unmanaged, IPyStruct
    {
        PyTypeObject* type = T.PythonType;
        return Py_TYPE(o) == type || PyType_IsSubtype(Py_TYPE(o), type) != 0;
    }

    /// <summary>Argument conversion: a copy of the instance's value, or a TypeError naming both types.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ToValue<T>(PyObject* o, PySignature sig, int index) where T : unmanaged, IPyStruct
    {
        if (!Is<T>(o)) throw sig.WrongType(index, Utf8.FromC(T.PythonType->tp_name), o);
        return Get<T>(o);
    }

    /// <summary>For operators: a copy of the value when <paramref name="o"/> is an instance, without raising.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGet<T>(PyObject* o, out T value) where T : unmanaged, IPyStruct
    {
        if (!Is<T>(o))
        {
            value = default;
            return false;
        }
        value = Get<T>(o);
        return true;
    }

    /// <summary>
    /// tp_dealloc of a struct type: nothing of .NET to release, only the weak references to clear (CPython's
    /// subtype_dealloc does not clear them for a type outside the cyclic GC), then tp_free and the reference
    /// every instance holds to its heap type. No managed state is touched, so it is safe in a forked child too.
    /// </summary>
    [UnmanagedCallersOnly]
    internal static void Dealloc(PyObject* self)
    {
        PyTypeObject* type = Py_TYPE(self);
        if (*(PyObject**)((byte*)self + WeakListOffset) != null) PyObject_ClearWeakRefs(self);
        ((delegate* unmanaged<void*, void>)type->tp_free)(self);
        Py_DECREF((PyObject*)type);
    }
}
