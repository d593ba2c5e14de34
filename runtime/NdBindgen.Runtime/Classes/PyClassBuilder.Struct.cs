using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Interop;

namespace NdBindgen.Classes;

/// <summary>
/// A numeric field of a <c>[PyClass]</c> struct that CPython reads and writes itself (a member descriptor), where
/// CPython's member semantics raise what the conversions would (T_DOUBLE, T_LONGLONG). The getter and setter are the
/// generated conversions, used instead on an interpreter whose member semantics differ.
/// </summary>
/// <param name="type">structmember.h's T_* code.</param>
/// <param name="offset">The field's offset in the struct (the object's is <see cref="PyStructInstance.Offset"/> more).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct MemberExport(string name, string? doc, int type, nint offset, bool readOnly, void* getter,
    void* setter)
{
    public string Name { get; } = name;
    public string? Doc { get; } = doc;
    public int Type { get; } = type;
    public nint Offset { get; } = offset;
    public bool ReadOnly { get; } = readOnly;
    public void* Getter { get; } = getter;
    public void* Setter { get; } = setter;
}

/// <summary>What a struct type's instances look like: what <see cref="PyClassBuilder"/> lays out differently.</summary>
internal sealed unsafe class StructShape
{
    public int BasicSize;
    public nint WeakListOffset;
    public delegate* unmanaged<PyObject*, void> Dealloc;
    public PyMemberDef[] Members = [];
}

public static unsafe partial class PyClassBuilder
{
    /// <summary>structmember.h's codes of the members a struct type may have.</summary>
    public const int T_DOUBLE = 4, T_LONGLONG = 17;

    /// <summary>
    /// The heap type of a <c>[PyClass]</c> struct: instances hold the struct at <see cref="PyStructInstance.Offset"/>,
    /// outside the cyclic GC (a struct holds no references); numeric fields are member descriptors.
    /// </summary>
    /// <param name="size">sizeof(T).</param>
    public static PyTypeObject* CreateStruct(PyObject* module, string qualifiedName, string? doc, bool subclassable,
        bool unhashable, int size, delegate* unmanaged<PyObject*, PyObject**, nuint, PyObject*, PyObject*> vectorcall,
        ReadOnlySpan<MethodExport> methods, ReadOnlySpan<PropertyExport> properties, ReadOnlySpan<MemberExport> members,
        ReadOnlySpan<SlotExport> slots)
    {
        var getsets = new List<PropertyExport>(properties.ToArray());
        var defs = new List<PyMemberDef>();
        foreach (MemberExport m in members)
        {
            if (!SameAsConversion(m.Type))
            {
                getsets.Add(new PropertyExport(m.Name, m.Doc, m.Getter, m.ReadOnly ? null : m.Setter));
                continue;
            }
            defs.Add(new PyMemberDef
            {
                name = Utf8.AllocPermanent(m.Name),
                type = m.Type,
                offset = PyStructInstance.Offset + m.Offset,
                flags = m.ReadOnly ? PySlot.READONLY : 0,
                doc = Utf8.AllocPermanent(m.Doc),
            });
        }
        var shape = new StructShape
        {
            BasicSize = PyStructInstance.BasicSize(size),
            WeakListOffset = PyStructInstance.WeakListOffset,
            Dealloc = &PyStructInstance.Dealloc,
            Members = defs.ToArray(),
        };
        return Create(module, qualifiedName, doc, subclassable, gc: false, unhashable, default, vectorcall, methods,
            getsets.ToArray(), slots, dict: false, shape);
    }

    /// <summary>
    /// Whether CPython's member descriptor of this type raises what our conversion does. Before 3.10,
    /// PyLong_AsLongLong took a float through __int__ (truncating, with a DeprecationWarning) where the conversion
    /// raises TypeError, so a long is a getset there.
    /// </summary>
    private static bool SameAsConversion(int type) => type != T_LONGLONG || PythonVersions.RunningMinor >= 10;
}
