using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Classes;

/// <summary>The layout of an instance: header, the C# object's slot in <see cref="InstanceTable"/>, the weak-reference list.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyInstanceObject
{
    public PyObject ob_base;
    public nint handle;
    public PyObject* weakreflist;
}

/// <summary>Instances of <c>[PyClass]</c> types: creation, lookup, GC glue and deallocation.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe partial class PyInstance
{
    public static int BasicSize => sizeof(PyInstanceObject);

    // After the header and the handle (PyInstanceObject); no pointer arithmetic on null, which .NET checks.
    internal static nint WeakListOffset => sizeof(PyObject) + sizeof(nint);

    /// <summary>The C# object inside <paramref name="self"/>, which must be an instance of a [PyClass] type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Get<T>(PyObject* self) where T : class
    {
        nint handle = ((PyInstanceObject*)self)->handle;
        if (handle == 0) throw new InvalidOperationException("this object has been cleared or was never initialized");
        return Unsafe.As<T>(InstanceTable.Get(handle));
    }

    /// <summary>A new Python object of <paramref name="type"/> (the class or a Python subclass) wrapping <paramref name="value"/>.</summary>
    public static PyObject* New<T>(PyTypeObject* type, T value) where T : class, IPyClass
    {
        PyRef.ReleasePending();
        PyObject* self = Allocate(type);
        ((PyInstanceObject*)self)->handle = InstanceTable.Add(value);
        value.PythonObject = self;
        return self;
    }

    // CPython's PyType_GenericAlloc and PyObject_Free (object's tp_alloc and tp_free), read when the first class is
    // created: a type whose slots are these is allocated and freed without calling through them.
    private static nint s_genericAlloc, s_objectFree;

    /// <summary>Remembers object's allocator and free function (<paramref name="type"/> is any type CPython made).</summary>
    internal static void FindAllocators(PyTypeObject* type)
    {
        while (type->tp_base != null) type = type->tp_base;
        s_genericAlloc = type->tp_alloc;
        s_objectFree = type->tp_free;
    }

    /// <summary>
    /// A new instance of <paramref name="type"/>, zeroed, as its tp_alloc makes it. A type that is not a GC type and
    /// allocates with PyType_GenericAlloc (a [PyClass] without Python references, or a Python subclass of one adding
    /// no dict) gets what PyType_GenericAlloc would do for it, without the indirect call, the .NET transition around
    /// it and the memset call: PyObject_Malloc, a few stores, PyObject_Init (which counts the new reference as the
    /// interpreter's build does, and takes the heap type's reference). Neither runs Python code or collects, so both
    /// are called without the transition. Every other type: its tp_alloc, read from the type (not PyType_GetSlot).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject* Allocate(PyTypeObject* type)
    {
        nint alloc = type->tp_alloc;
        if (alloc != s_genericAlloc || (type->tp_flags & PySlot.Py_TPFLAGS_HAVE_GC) != 0 || type->tp_itemsize != 0)
            return AllocateThroughSlot(type, alloc);
        nint size = type->tp_basicsize;
        var self = (nint*)PyObject_MallocLeaf((nuint)size);
        if (self == null) throw new OutOfMemoryException();
        for (nint i = 0, words = size / sizeof(nint); i < words; i++) self[i] = 0;
        return PyObject_InitLeaf((PyObject*)self, type);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyObject* AllocateThroughSlot(PyTypeObject* type, nint alloc)
    {
        PyObject* self = ((delegate* unmanaged<PyTypeObject*, nint, PyObject*>)alloc)(type, 0);
        if (self == null) throw PythonException.Fetch();
        return self;
    }

    /// <summary>
    /// The Python object for <paramref name="value"/> (a new reference): its own wrapper if it has one, else a new one
    /// of its own class's type (a C# Derived returned as a Base is a Python Derived).
    /// </summary>
    public static PyObject* FromInstance<T>(T value) where T : class, IPyClass
    {
        if (value is null) throw new NullReferenceException($"a null {typeof(T).Name} was returned where None is not allowed");
        PyObject* existing = value.PythonObject;
        if (existing != null) return Py_NewRef(existing);
        PyTypeObject* own = value.OwnPythonType;
        return New(own != null ? own : T.PythonType, value);
    }

    /// <summary>
    /// As <see cref="FromInstance{T}(T)"/>, creating a new wrapper of <paramref name="type"/>: a classmethod's cls, or
    /// the type a constructor was called through (the class or a Python subclass).
    /// </summary>
    public static PyObject* FromInstance<T>(T value, PyTypeObject* type) where T : class, IPyClass
    {
        if (value is null) throw new NullReferenceException($"a null {typeof(T).Name} was returned where None is not allowed");
        PyObject* existing = value.PythonObject;
        if (existing != null) return Py_NewRef(existing);
        PyTypeObject* own = value.OwnPythonType;
        if (own == null) own = T.PythonType;
        return New(type == own ? own : WrapperType(own, type, T.PythonType), value);
    }

    /// <summary>
    /// The type to wrap a C# object whose own class's type is <paramref name="own"/> in, when asked for
    /// <paramref name="type"/>. A Python object may hold a C# object only if that object is an instance of every
    /// [PyClass] whose methods its type has: the nearest [PyClass] type along its bases must be <paramref name="own"/>
    /// or one of its bases (<see cref="Get{T}"/> does not check). A [PyClass] type itself gives way to the object's own
    /// class (<c>Quad.unit()</c> returning a C# Square is a Square); a Python subclass stays what it is. Else
    /// TypeError: <c>Derived.create()</c>, inherited from a factory of Base returning a C# Base, is such a case.
    /// </summary>
    private static PyTypeObject* WrapperType(PyTypeObject* own, PyTypeObject* type, PyTypeObject* declared)
    {
        if (type == declared) return own;
        PyTypeObject* nearest = PyClassBuilder.NearestClass(type);
        if (nearest != null && (nearest == own || PyType_IsSubtype(own, nearest) != 0)) return nearest == type ? own : type;
        string ownName = PyClassBuilder.Name(own);
        string needed = PyClassBuilder.Name(nearest != null ? nearest : type);
        throw new PythonException(Builtins.TypeError,
            $"cannot make a {PyClassBuilder.Name(type)} of the C# {ownName} this returned: it is not a {needed}; call it on "
            + $"{ownName}, or give {needed} a [PyClassMethod] of its own that returns a {needed}");
    }

    /// <summary>True when <paramref name="o"/> is an instance of T's Python type (or a subclass).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is<T>(PyObject* o) where T : class, IPyClass
    {
        PyTypeObject* type = T.PythonType;
        return Py_TYPE(o) == type || PyType_IsSubtype(Py_TYPE(o), type) != 0;
    }

    /// <summary>Argument conversion: the C# object of an instance, or a TypeError naming both types.</summary>
    public static T ToInstance<T>(PyObject* o, PySignature sig, int index) where T : class, IPyClass
    {
        if (!Is<T>(o)) throw sig.WrongType(index, Utf8.FromC(T.PythonType->tp_name), o);
        return Get<T>(o);
    }

    /// <summary>For operators: the C# object when <paramref name="o"/> is an instance, without raising.</summary>
    public static bool TryGet<T>(PyObject* o, out T value) where T : class, IPyClass
    {
        value = Is<T>(o) && ((PyInstanceObject*)o)->handle != 0 ? Get<T>(o) : null!;
        return value is not null;
    }

    /// <summary>An owned reference to <paramref name="value"/>'s Python object (made if needed); the GIL must be held.</summary>
    public static PyRef<T> Ref<T>(T value) where T : class, IPyClass => new(FromInstance(value));

    /// <summary>tp_dealloc for every [PyClass] type: releases the C# object and frees the Python one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dealloc(PyObject* self) => Dealloc(self, dict: false);

    /// <param name="dict">The [PyClass] has an instance dict (<c>Dict = true</c>) of its own to release.</param>
    /// <remarks>
    /// The common case, measured with callgrind (a Point: no GC, no weak reference, no dict): two loads and
    /// branches on the type and the instance, the table's slot, the link, PyObject_Free without a transition.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Dealloc(PyObject* self, bool dict)
    {
        PyTypeObject* type = Py_TYPE(self);
        // Only GC types have the header PyObject_GC_UnTrack reads (a Python subclass may be one
        // even when the [PyClass] is not); and only their C# objects may be IPyTraverse (Create).
        bool gc = (type->tp_flags & PySlot.Py_TPFLAGS_HAVE_GC) != 0;
        var instance = (PyInstanceObject*)self;
        try
        {
            if (gc) PyObject_GC_UnTrack(self);
            if (instance->weakreflist != null) PyObject_ClearWeakRefs(self);
            if (dict) ClearDict(self);
            nint handle = instance->handle;
            if (handle != 0 && !ForkGuard.Forked) ReleaseManaged(instance, handle, gc);   // in a forked child, .NET is left alone
        }
        catch (Exception e)
        {
            // Not with self: the hook would take a reference to an object being freed.
            Unraisable.Report(e, type);
        }
        nint free = type->tp_free;
        if (free == s_objectFree) PyObject_FreeLeaf(self);
        else ((delegate* unmanaged<void*, void>)free)(self);
        Py_DECREF((PyObject*)type);   // instances of heap types own a reference to their type
    }

    /// <summary>tp_traverse: the type (heap types must report it), then the C# object's owned references.</summary>
    public static int Traverse(PyObject* self, delegate* unmanaged<PyObject*, void*, int> visit, void* arg) =>
        Traverse(self, visit, arg, dict: false);

    internal static int Traverse(PyObject* self, delegate* unmanaged<PyObject*, void*, int> visit, void* arg, bool dict)
    {
        int r = visit((PyObject*)Py_TYPE(self), arg);
        if (r != 0) return r;
        if (dict && (r = VisitDict(self, visit, arg)) != 0) return r;
        nint handle = ((PyInstanceObject*)self)->handle;
        if (handle == 0 || ForkGuard.Forked) return 0;
        try
        {
            return InstanceTable.Get(handle) is IPyTraverse t ? t.Traverse(new PyVisit(visit, arg)) : 0;
        }
        catch (Exception e)
        {
            // CPython cannot take an exception from tp_traverse: report it (later: no Python code may
            // run inside a collection) and stop this traversal. References not reported keep their
            // objects alive, which is safe.
            Unraisable.ReportLater(e, Py_TYPE(self));
            return 0;
        }
    }

    /// <summary>tp_clear: drops the C# object's owned references so a cycle through it falls apart.</summary>
    public static int Clear(PyObject* self) => Clear(self, dict: false);

    internal static int Clear(PyObject* self, bool dict)
    {
        if (dict) ClearDict(self);
        nint handle = ((PyInstanceObject*)self)->handle;
        if (handle == 0 || ForkGuard.Forked) return 0;
        try
        {
            if (InstanceTable.Get(handle) is IPyTraverse t) t.Clear();
        }
        catch (Exception e)
        {
            Unraisable.Report(e, Py_TYPE(self));
        }
        return 0;
    }

    /// <summary>
    /// Lets go of the C# object and drops the Python references it owns (tp_clear's work), as a
    /// Python object drops its references when it dies. Left to .NET's finalizers, they would go
    /// only when .NET next collects, which may be never: a dropped <c>Node(value=array)</c> would
    /// keep the array, and of a cycle of two instances gc.collect() frees, the one that dies
    /// first would keep the other. C# code that keeps the C# object past its Python object
    /// therefore finds those references released.
    /// </summary>
    /// <param name="gc">The type is a GC type: only then may the C# object be IPyTraverse.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReleaseManaged(PyInstanceObject* instance, nint handle, bool gc)
    {
        instance->handle = 0;
        IPyClass? target = InstanceTable.Remove(handle);
        if (target is null || target.PythonObject != (PyObject*)instance) return;
        target.PythonObject = null;
        // Last: releasing a reference may run Python code and deallocate other objects. Releases
        // are flattened meanwhile (PyRef.BeginDeallocating), so a long chain is freed by a loop.
        if (gc && target is IPyTraverse t) ClearReferences(t);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ClearReferences(IPyTraverse t)
    {
        PyRef.BeginDeallocating();
        try
        {
            t.Clear();
        }
        finally
        {
            PyRef.EndDeallocating();
        }
    }
}
