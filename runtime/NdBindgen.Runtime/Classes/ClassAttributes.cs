using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Classes;

/// <summary>
/// A class attribute of a <c>[PyClass]</c>: a static <c>[PyProperty]</c> (read on each access) or a
/// <c>[PyConstant]</c> inside the class (<paramref name="constant"/>: read once, when the type is made).
/// </summary>
/// <param name="member">The C# member ("Color.Red"), for the ImportError when a constant cannot be read.</param>
/// <param name="read">The generated reader: the member's value as a new reference.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct ClassAttributeExport(string name, string member, string? doc, delegate*<PyObject*> read,
    bool constant)
{
    public string Name { get; } = name;
    public string Member { get; } = member;
    public string? Doc { get; } = doc;
    public delegate*<PyObject*> Read { get; } = read;
    public bool Constant { get; } = constant;
}

/// <summary>The layout of a class attribute descriptor: its reader and names, in permanent memory.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ClassAttributeObject
{
    public PyObject ob_base;
    public delegate*<PyObject*> read;
    public byte* name;
    public byte* owner;
    public byte* doc;
}

/// <summary>
/// Class attributes on a <c>[PyClass]</c> type. A static property is a descriptor in the type's dict whose
/// <c>__get__</c> runs the C# getter each time (for <c>Point.count</c> and <c>p.count</c> alike), so Python
/// sees the value as it is now; CPython has no such descriptor of its own (a getset reads an instance, and
/// <c>classmethod</c> over <c>property</c> is gone in 3.13). It is read-only: <c>Point.count = 3</c> goes to
/// <c>type.__setattr__</c>, which asks only the metaclass, and a metaclass of our own would clash with any
/// other one in a Python subclass (ABCMeta, a framework's); on an instance its <c>__set__</c> refuses.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class ClassAttributes
{
    private static PyTypeObject* s_descriptorType;

    /// <summary>Adds <paramref name="attributes"/> to <paramref name="type"/> (when the module is imported).</summary>
    public static void Add(PyTypeObject* type, ReadOnlySpan<ClassAttributeExport> attributes)
    {
        string owner = Utf8.FromC(type->tp_name);
        owner = owner[(owner.LastIndexOf('.') + 1)..];
        foreach (ClassAttributeExport a in attributes)
        {
            PyObject* value = a.Constant ? ReadConstant(owner, a) : NewDescriptor(owner, a);
            byte* name = Utf8.AllocPermanent(a.Name);
            int r = PyObject_SetAttrString((PyObject*)type, name, value);
            NativeMemory.Free(name);
            Py_DECREF(value);
            if (r < 0) throw PythonException.Fetch();
        }
    }

    /// <summary>A constant's value, or an ImportError that says which one could not be read and why.</summary>
    private static PyObject* ReadConstant(string owner, ClassAttributeExport a)
    {
        try
        {
            return a.Read();
        }
        catch (Exception e)
        {
            Exception cause = e is TypeInitializationException { InnerException: { } inner } ? inner : e;
            string why = cause is PythonException pe ? $"{pe.PythonTypeName}: {pe.Message}"
                : $"{cause.GetType().FullName}: {cause.Message}";
            throw new PythonException(Builtins.ImportError,
                $"class attribute {owner}.{a.Name} ({a.Member}) could not be read: {why}");
        }
    }

    private static PyObject* NewDescriptor(string owner, ClassAttributeExport a)
    {
        PyTypeObject* type = DescriptorType();
        var alloc = (delegate* unmanaged<PyTypeObject*, nint, PyObject*>)PyType_GetSlot(type, PySlot.tp_alloc);
        var d = (ClassAttributeObject*)alloc(type, 0);
        if (d == null) throw PythonException.Fetch();
        d->read = a.Read;
        d->name = Utf8.AllocPermanent(a.Name);
        d->owner = Utf8.AllocPermanent(owner);
        d->doc = Utf8.AllocPermanent(a.Doc);
        return (PyObject*)d;
    }

    /// <summary>The descriptor type, made on first use; one per module (each NativeAOT module has its own runtime).</summary>
    private static PyTypeObject* DescriptorType()
    {
        if (s_descriptorType != null) return s_descriptorType;
        var members = (PyMemberDef*)NativeMemory.AllocZeroed(2, (nuint)sizeof(PyMemberDef));
        members[0].name = Utf8.AllocPermanent("__doc__");
        members[0].type = PySlot.T_STRING;
        members[0].offset = Marshal.OffsetOf<ClassAttributeObject>(nameof(ClassAttributeObject.doc));
        members[0].flags = PySlot.READONLY;
        var slots = (PyType_Slot*)NativeMemory.AllocZeroed(7, (nuint)sizeof(PyType_Slot));
        slots[0] = new PyType_Slot { slot = PySlot.tp_dealloc, pfunc = (delegate* unmanaged<PyObject*, void>)&Dealloc };
        slots[1] = new PyType_Slot
        {
            slot = PySlot.tp_descr_get,
            pfunc = (delegate* unmanaged<PyObject*, PyObject*, PyObject*, PyObject*>)&Get,
        };
        slots[2] = new PyType_Slot
        {
            slot = PySlot.tp_descr_set,
            pfunc = (delegate* unmanaged<PyObject*, PyObject*, PyObject*, int>)&Set,
        };
        slots[3] = new PyType_Slot { slot = PySlot.tp_repr, pfunc = (delegate* unmanaged<PyObject*, PyObject*>)&Repr };
        slots[4] = new PyType_Slot { slot = PySlot.tp_members, pfunc = members };
        var spec = (PyType_Spec*)NativeMemory.AllocZeroed((nuint)sizeof(PyType_Spec));
        spec->name = Utf8.AllocPermanent("ndbindgen.class_attribute");
        spec->basicsize = sizeof(ClassAttributeObject);
        spec->flags = PySlot.Py_TPFLAGS_DEFAULT;
        spec->slots = slots;
        var type = (PyTypeObject*)PyType_FromSpecWithBases(spec, null);
        if (type == null) throw PythonException.Fetch();
        s_descriptorType = type;   // kept for the life of the process, as the classes are
        return type;
    }

    /// <summary><c>__get__</c>: the C# value now, on the class and on an instance alike.</summary>
    [UnmanagedCallersOnly]
    private static PyObject* Get(PyObject* self, PyObject* instance, PyObject* owner)
    {
        if (ForkGuard.Forked) return ForkGuard.Raise();
        try
        {
            return ((ClassAttributeObject*)self)->read();
        }
        catch (Exception e)
        {
            return PyErrors.Raise(e);
        }
    }

    /// <summary><c>__set__</c>/<c>__delete__</c> through an instance: refused, as a read-only attribute's are.</summary>
    [UnmanagedCallersOnly]
    private static int Set(PyObject* self, PyObject* instance, PyObject* value)
    {
        if (ForkGuard.Forked) return ForkGuard.RaiseStatus();
        try
        {
            var d = (ClassAttributeObject*)self;
            string what = $"class attribute '{Utf8.FromC(d->name)}' of '{Utf8.FromC(d->owner)}'";
            throw new PythonException(Builtins.AttributeError, value == null
                ? $"cannot delete {what}"
                : $"{what} is read-only");
        }
        catch (Exception e)
        {
            return PyErrors.RaiseStatus(e);
        }
    }

    [UnmanagedCallersOnly]
    private static PyObject* Repr(PyObject* self)
    {
        if (ForkGuard.Forked) return ForkGuard.Raise();
        try
        {
            var d = (ClassAttributeObject*)self;
            return Utf8.NewStr($"<class attribute '{Utf8.FromC(d->name)}' of '{Utf8.FromC(d->owner)}'>");
        }
        catch (Exception e)
        {
            return PyErrors.Raise(e);
        }
    }

    /// <summary>Only when the attribute is replaced or deleted on the class: its text stays (permanent, a few bytes).</summary>
    [UnmanagedCallersOnly]
    private static void Dealloc(PyObject* self)
    {
        PyTypeObject* type = Py_TYPE(self);
        var free = (delegate* unmanaged<void*, void>)PyType_GetSlot(type, PySlot.tp_free);
        free(self);
        Py_DECREF((PyObject*)type);   // instances of heap types own a reference to their type
    }
}
