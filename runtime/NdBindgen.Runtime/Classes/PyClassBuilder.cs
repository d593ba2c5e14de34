using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Classes;

/// <summary>A method of a class as its method table lists it (flags: METH_FASTCALL|METH_KEYWORDS, plus METH_STATIC or METH_CLASS).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct MethodExport(string name, string? doc, void* entry, int flags)
{
    public string Name { get; } = name;
    public string? Doc { get; } = doc;
    public void* Entry { get; } = entry;
    public int Flags { get; } = flags;
}

/// <summary>An attribute: getter, and setter or null for read-only; the closure both get (a struct's field).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct PropertyExport(string name, string? doc, void* getter, void* setter, void* closure = null)
{
    public void* Closure { get; } = closure;
    public string Name { get; } = name;
    public string? Doc { get; } = doc;
    public void* Getter { get; } = getter;
    public void* Setter { get; } = setter;
}

/// <summary>A protocol slot (typeslots.h id) and the function that fills it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct SlotExport(int slot, void* function)
{
    public int Slot { get; } = slot;
    public void* Function { get; } = function;
}

/// <summary>Creates the heap type of a <c>[PyClass]</c> from a spec and adds it to the module.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe partial class PyClassBuilder
{
    /// <param name="subclassable">Py_TPFLAGS_BASETYPE: false for sealed C# classes.</param>
    /// <param name="gc">The class owns Python references: Py_TPFLAGS_HAVE_GC with tp_traverse/tp_clear.</param>
    /// <param name="unhashable">Equality without a matching hash: <c>__hash__ = None</c>, as Python does for __eq__ without __hash__.</param>
    /// <param name="vectorcall">The type's own vectorcall (calling the class; subclasses are called through tp_new, as tp_vectorcall is not inherited).</param>
    /// <param name="dict">Instances have a <c>__dict__</c> (<c>[PyClass(Dict = true)]</c>): a GC type (see PyClassBuilder.Dict.cs).</param>
    /// <returns>The type (a reference kept for the life of the process).</returns>
    public static PyTypeObject* Create(PyObject* module, string qualifiedName, string? doc, bool subclassable, bool gc, bool unhashable,
        delegate* unmanaged<PyObject*, PyObject**, nuint, PyObject*, PyObject*> vectorcall,
        ReadOnlySpan<MethodExport> methods, ReadOnlySpan<PropertyExport> properties, ReadOnlySpan<SlotExport> slots,
        bool dict = false) =>
        Create(module, qualifiedName, doc, subclassable, gc, unhashable, default, vectorcall, methods, properties, slots,
            dict);

    /// <remarks>
    /// The instance: <see cref="PyInstanceObject"/>, then the dict pointer when the class or a base has a dict
    /// (at the same offset at every level), then one unused word per level of [PyClass] inheritance
    /// (PyClassBuilder.Inheritance.cs), so every C# class is a layout of its own.
    /// </remarks>
    private static PyTypeObject* Create(PyObject* module, string qualifiedName, string? doc, bool subclassable, bool gc,
        bool unhashable, PyClassLineage lineage, delegate* unmanaged<PyObject*, PyObject**, nuint, PyObject*, PyObject*> vectorcall,
        ReadOnlySpan<MethodExport> methods, ReadOnlySpan<PropertyExport> properties, ReadOnlySpan<SlotExport> slots,
        bool dict, StructShape? shape = null)
    {
        // A base's dict is the derived class's too: its dealloc, traverse and clear must know it.
        dict |= lineage.Base != null && lineage.Base->tp_dictoffset != 0;
        gc |= dict;
        var all = new List<PyType_Slot>();
        if (lineage.NewSlot != null) all.Add(Slot(PySlot.tp_new, lineage.NewSlot));
        if (dict)
        {
            AddDictSlots(all);
        }
        else
        {
            all.Add(Slot(PySlot.tp_dealloc, shape is null ? (delegate* unmanaged<PyObject*, void>)&Dealloc : shape.Dealloc));
            if (gc)
            {
                all.Add(Slot(PySlot.tp_traverse, (delegate* unmanaged<PyObject*, delegate* unmanaged<PyObject*, void*, int>, void*, int>)&Traverse));
                all.Add(Slot(PySlot.tp_clear, (delegate* unmanaged<PyObject*, int>)&Clear));
            }
        }
        if (doc is not null) all.Add(new PyType_Slot { slot = PySlot.tp_doc, pfunc = Utf8.AllocPermanent(doc) });
        foreach (SlotExport s in slots) all.Add(new PyType_Slot { slot = s.Slot, pfunc = s.Function });

        // Tables CPython keeps pointers into: permanent native memory.
        var methodDefs = (PyMethodDef*)NativeMemory.AllocZeroed((nuint)(methods.Length + 1), (nuint)sizeof(PyMethodDef));
        for (int i = 0; i < methods.Length; i++)
        {
            methodDefs[i].ml_name = Utf8.AllocPermanent(methods[i].Name);
            methodDefs[i].ml_meth = methods[i].Entry;
            methodDefs[i].ml_flags = methods[i].Flags;
            methodDefs[i].ml_doc = Utf8.AllocPermanent(methods[i].Doc);
        }
        all.Add(new PyType_Slot { slot = PySlot.tp_methods, pfunc = methodDefs });

        var getsets = (PyGetSetDef*)NativeMemory.AllocZeroed((nuint)(properties.Length + 2), (nuint)sizeof(PyGetSetDef));
        for (int i = 0; i < properties.Length; i++)
        {
            getsets[i].name = Utf8.AllocPermanent(properties[i].Name);
            getsets[i].get = properties[i].Getter;
            getsets[i].set = properties[i].Setter;
            getsets[i].doc = Utf8.AllocPermanent(properties[i].Doc);
            getsets[i].closure = properties[i].Closure;
        }
        if (dict) getsets[properties.Length] = DictGetSet();
        all.Add(new PyType_Slot { slot = PySlot.tp_getset, pfunc = getsets });

        var members = (PyMemberDef*)NativeMemory.AllocZeroed(3, (nuint)sizeof(PyMemberDef));
        int memberCount = 0;
        nint weakListOffset = shape?.WeakListOffset ?? PyInstance.WeakListOffset;
        if (weakListOffset != 0)   // 0: a struct type without weak references ([PyClass(WeakRef = false)])
        {
            members[0].name = Utf8.AllocPermanent("__weaklistoffset__");
            members[0].type = PySlot.T_PYSSIZET;
            members[0].offset = weakListOffset;
            members[0].flags = PySlot.READONLY;
            memberCount = 1;
        }
        if (dict) members[memberCount] = DictOffsetMember();
        all.Add(new PyType_Slot { slot = PySlot.tp_members, pfunc = members });
        all.Add(default);   // terminator

        var slotArray = (PyType_Slot*)NativeMemory.Alloc((nuint)all.Count, (nuint)sizeof(PyType_Slot));
        for (int i = 0; i < all.Count; i++) slotArray[i] = all[i];
        var spec = (PyType_Spec*)NativeMemory.AllocZeroed((nuint)sizeof(PyType_Spec));
        spec->name = Utf8.AllocPermanent(qualifiedName);
        spec->basicsize = shape?.BasicSize
            ?? (dict ? PyInstance.BasicSizeWithDict : PyInstance.BasicSize) + lineage.Depth * sizeof(nint);
        spec->flags = PySlot.Py_TPFLAGS_DEFAULT | (subclassable ? PySlot.Py_TPFLAGS_BASETYPE : 0) | (gc ? PySlot.Py_TPFLAGS_HAVE_GC : 0);
        spec->slots = slotArray;

        PyObject* bases = Bases(lineage.Base);
        var type = (PyTypeObject*)PyType_FromSpecWithBases(spec, bases);
        Py_XDECREF(bases);   // the type holds its own
        if (type == null) throw PythonException.Fetch();
        PyInstance.FindAllocators(type);
        if (doc is not null && PythonVersions.RunningMinor < 10) KeepTextSignature(type, doc);
        // No spec slot for it before 3.14 (Py_tp_vectorcall); set as CPython's own types do. Calling
        // a type uses it from 3.9 on (type has Py_TPFLAGS_HAVE_VECTORCALL); tp_new serves the rest.
        type->tp_vectorcall = (nint)vectorcall;
        if (unhashable && PyObject_SetAttrString((PyObject*)type, Utf8.Z("__hash__"u8), Builtins.None) < 0) throw PythonException.Fetch();
        // A docstring that is only the text signature ("Bare()\n--\n\n"): __doc__ None, as a builtin class or
        // function without a doc has (PyType_FromSpec would leave ''); __text_signature__ still reads tp_doc.
        if (doc is not null && doc.EndsWith(")\n--\n\n", StringComparison.Ordinal)
            && PyObject_SetAttrString((PyObject*)type, Utf8.Z("__doc__"u8), Builtins.None) < 0) throw PythonException.Fetch();
        string shortName = qualifiedName[(qualifiedName.LastIndexOf('.') + 1)..];
        byte* name = Utf8.AllocPermanent(shortName);
        // PyModule_AddObjectRef (3.10+) as CPython does it: the module's dict takes a reference.
        int added = PyDict_SetItemString(PyModule_GetDict(module), name, (PyObject*)type);
        NativeMemory.Free(name);
        if (added < 0) throw PythonException.Fetch();
        return type;
    }

    private static PyType_Slot Slot(int id, void* function) => new() { slot = id, pfunc = function };

    /// <summary>
    /// 3.9's PyType_FromSpec copies Py_tp_doc without its signature line, so the class has no
    /// <c>__text_signature__</c> and inspect.signature fails on it (3.10+ keep the line). The whole doc
    /// goes back into tp_doc, which <c>__text_signature__</c> reads; <c>__doc__</c> was already made
    /// without the signature. A type frees tp_doc with PyObject_Free.
    /// </summary>
    private static void KeepTextSignature(PyTypeObject* type, string doc)
    {
        int n = Encoding.UTF8.GetByteCount(doc);
        var full = (byte*)PyObject_Malloc((nuint)n + 1);
        if (full == null) throw new OutOfMemoryException();
        Encoding.UTF8.GetBytes(doc, new Span<byte>(full, n));
        full[n] = 0;
        byte* stripped = type->tp_doc;
        type->tp_doc = full;
        PyObject_Free(stripped);
    }

    [UnmanagedCallersOnly]
    private static void Dealloc(PyObject* self) => PyInstance.Dealloc(self);

    [UnmanagedCallersOnly]
    private static int Traverse(PyObject* self, delegate* unmanaged<PyObject*, void*, int> visit, void* arg) =>
        PyInstance.Traverse(self, visit, arg);

    [UnmanagedCallersOnly]
    private static int Clear(PyObject* self) => PyInstance.Clear(self);
}
