using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Interop;

namespace NdBindgen.Classes;

/// <summary>
/// A numeric field of a <c>[PyClass]</c> struct: read by CPython itself (PyMember_GetOne as the getter, the field's
/// PyMemberDef as the closure), written through the generated setter's conversion.
/// </summary>
/// <param name="type">structmember.h's T_* code of the field's C type.</param>
/// <param name="offset">The field's offset in the struct (the object's is <see cref="PyStructInstance.Offset"/> more).</param>
/// <param name="setter">The generated setter, or null for a read-only field.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct MemberExport(string name, string? doc, int type, nint offset, void* setter)
{
    public string Name { get; } = name;
    public string? Doc { get; } = doc;
    public int Type { get; } = type;
    public nint Offset { get; } = offset;
    public void* Setter { get; } = setter;
}

/// <summary>What a struct type's instances look like: what <see cref="PyClassBuilder"/> lays out differently.</summary>
internal sealed unsafe class StructShape
{
    public int BasicSize;
    public nint WeakListOffset;
    public delegate* unmanaged<PyObject*, void> Dealloc;
}

public static unsafe partial class PyClassBuilder
{
    /// <summary>structmember.h's codes of the C types a struct's fields may have.</summary>
    public const int T_SHORT = 0, T_INT = 1, T_FLOAT = 3, T_DOUBLE = 4, T_BYTE = 8, T_UBYTE = 9, T_USHORT = 10,
        T_UINT = 11, T_BOOL = 14, T_LONGLONG = 17, T_ULONGLONG = 18;

    /// <summary>
    /// The heap type of a <c>[PyClass]</c> struct: instances hold the struct at <see cref="PyStructInstance.Offset"/>,
    /// outside the cyclic GC (a struct holds no references). Numeric fields are getsets whose getter is CPython's
    /// PyMember_GetOne: a read runs no code of ours. Not member descriptors: CPython's member setter stores -1 before
    /// it checks the conversion's error (3.9-3.13), so <c>p.x = "a"</c> would raise and leave x at -1.0.
    /// </summary>
    /// <param name="size">sizeof(T).</param>
    /// <param name="weakrefs">
    /// Instances can be weakly referenced (<c>[PyClass(WeakRef = false)]</c> turns it off): tp_dealloc is then
    /// <see cref="PyStructInstance.Dealloc"/>, which clears them. Without, it is CPython's own
    /// <see cref="SubtypeDealloc"/>: an instance dies without any .NET code running.
    /// </param>
    public static PyTypeObject* CreateStruct(PyObject* module, string qualifiedName, string? doc, bool subclassable,
        bool unhashable, int size, delegate* unmanaged<PyObject*, PyObject**, nuint, PyObject*, PyObject*> vectorcall,
        ReadOnlySpan<MethodExport> methods, ReadOnlySpan<PropertyExport> properties, ReadOnlySpan<MemberExport> members,
        ReadOnlySpan<SlotExport> slots, bool weakrefs = true)
    {
        var getsets = new PropertyExport[properties.Length + members.Length];
        properties.CopyTo(getsets);
        for (int i = 0; i < members.Length; i++)
        {
            MemberExport m = members[i];
            // Permanent: the type keeps pointing at it.
            var def = (PyMemberDef*)NativeMemory.AllocZeroed((nuint)sizeof(PyMemberDef));
            def->name = Utf8.AllocPermanent(m.Name);
            def->type = m.Type;
            def->offset = PyStructInstance.Offset + m.Offset;
            def->flags = m.Setter == null ? PySlot.READONLY : 0;
            getsets[properties.Length + i] = new PropertyExport(m.Name, m.Doc, CPython.PyMember_GetOneAddress, m.Setter,
                def);
        }
        var shape = new StructShape
        {
            BasicSize = PyStructInstance.BasicSize(size),
            WeakListOffset = weakrefs ? PyStructInstance.WeakListOffset : 0,
            Dealloc = weakrefs ? &PyStructInstance.Dealloc : SubtypeDealloc(),
        };
        return Create(module, qualifiedName, doc, subclassable, gc: false, unhashable, default, vectorcall, methods,
            getsets, slots, dict: false, shape);
    }

    private static delegate* unmanaged<PyObject*, void> s_subtypeDealloc;

    /// <summary>
    /// CPython's own deallocator of Python classes (<c>subtype_dealloc</c>), read from one made once:
    /// <c>type("_", (), {"__slots__": ()})</c>. For a heap type outside the cyclic GC without weak references it finds
    /// object's deallocator below, which frees the object with the type's tp_free, then drops the reference the
    /// instance holds to its heap type (3.9-3.13): all a struct without weak references needs. It does not clear
    /// weak references outside the GC, which is why a weakly referenceable struct keeps its own.
    /// </summary>
    internal static delegate* unmanaged<PyObject*, void> SubtypeDealloc()
    {
        if (s_subtypeDealloc != null) return s_subtypeDealloc;
        PyObject* typeType = (PyObject*)CPython.Py_TYPE((PyObject*)CPython.Py_TYPE(Builtins.None));
        PyObject* args = CPython.PyTuple_New(3);
        if (args == null) throw PythonException.Fetch();
        try
        {
            PyObject* name = CPython.PyUnicode_FromString(Utf8.Z("_"u8));
            if (name == null) throw PythonException.Fetch();
            CPython.PyTuple_SET_ITEM(args, 0, name);
            PyObject* bases = CPython.PyTuple_New(0);
            if (bases == null) throw PythonException.Fetch();
            CPython.PyTuple_SET_ITEM(args, 1, bases);
            PyObject* dict = CPython.PyDict_New();
            if (dict == null) throw PythonException.Fetch();
            CPython.PyTuple_SET_ITEM(args, 2, dict);
            if (CPython.PyDict_SetItemString(dict, Utf8.Z("__slots__"u8), bases) < 0) throw PythonException.Fetch();
            var made = (PyTypeObject*)CPython.PyObject_Call(typeType, args, null);
            if (made == null) throw PythonException.Fetch();
            s_subtypeDealloc = (delegate* unmanaged<PyObject*, void>)made->tp_dealloc;
            CPython.Py_DECREF((PyObject*)made);   // the function is CPython's, not the class's
            return s_subtypeDealloc;
        }
        finally
        {
            CPython.Py_DECREF(args);
        }
    }
}
