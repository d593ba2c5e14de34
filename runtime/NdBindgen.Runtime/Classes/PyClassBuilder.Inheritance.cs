using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Classes;

/// <summary>How Python makes instances of a <c>[PyClass]</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum PyConstruction
{
    /// <summary>Its constructor: the generated tp_new (in the slots) and vectorcall.</summary>
    Constructor,

    /// <summary>No public constructor: only C# makes instances; calling the class raises TypeError.</summary>
    None,

    /// <summary>An abstract C# class: calling it, or a Python subclass of it, raises TypeError.</summary>
    Abstract,
}

/// <summary>Where a class sits in a hierarchy of [PyClass]es, and the tp_new it gets from the runtime.</summary>
internal readonly unsafe struct PyClassLineage(PyTypeObject* @base, int depth, void* newSlot)
{
    /// <summary>The base [PyClass]'s type, or null (object).</summary>
    public PyTypeObject* Base { get; } = @base;

    /// <summary>How many [PyClass]es it derives from: each level adds a word to the instance (see Create).</summary>
    public int Depth { get; } = depth;

    /// <summary>A tp_new refusing construction, or null when the generated slots have the constructor's.</summary>
    public void* NewSlot { get; } = newSlot;
}

public static unsafe partial class PyClassBuilder
{
    /// <summary>
    /// As the other Create,
    /// for a class deriving from another [PyClass] (<paramref name="base"/>, created first; <paramref name="depth"/>
    /// [PyClass]es above it), or one Python cannot construct (<paramref name="construction"/>; vectorcall null).
    /// </summary>
    /// <remarks>
    /// <see cref="PyInstance.Get{T}"/> trusts that a Python object of a class's type holds a C# object of that class.
    /// A derived class's instances are one word larger per level (unused), so CPython sees each C# class as a layout
    /// of its own: it refuses <c>obj.__class__ = Derived</c> on a Base (the layouts differ) and a Python class deriving
    /// from two C# siblings (an instance lay-out conflict), either of which would put a C# Base behind Derived's methods.
    /// Each class has its own tp_new (CPython's <c>Base.__new__(Derived)</c> check then refuses the mix).
    /// </remarks>
    public static PyTypeObject* Create(PyObject* module, string qualifiedName, string? doc, bool subclassable, bool gc,
        bool unhashable, PyTypeObject* @base, int depth, PyConstruction construction,
        delegate* unmanaged<PyObject*, PyObject**, nuint, PyObject*, PyObject*> vectorcall,
        ReadOnlySpan<MethodExport> methods, ReadOnlySpan<PropertyExport> properties, ReadOnlySpan<SlotExport> slots,
        bool dict = false)
    {
        if (depth > 0 && @base == null)
            throw new InvalidOperationException($"the base class of {qualifiedName} has no Python type yet");
        void* refuse = construction switch
        {
            PyConstruction.None => (delegate* unmanaged<PyTypeObject*, PyObject*, PyObject*, PyObject*>)&NoConstructor,
            PyConstruction.Abstract => (delegate* unmanaged<PyTypeObject*, PyObject*, PyObject*, PyObject*>)&AbstractClass,
            _ => null,
        };
        return Create(module, qualifiedName, doc, subclassable, gc, unhashable, new PyClassLineage(@base, depth, refuse),
            construction == PyConstruction.Constructor ? vectorcall : null, methods, properties, slots, dict);
    }

    /// <summary>
    /// The bases argument of PyType_FromSpecWithBases (a new reference): null (object), or a one-item tuple (3.9
    /// takes only a tuple).
    /// </summary>
    private static PyObject* Bases(PyTypeObject* @base)
    {
        if (@base == null) return null;
        PyObject* tuple = PyTuple_New(1);
        if (tuple == null) throw PythonException.Fetch();
        PyTuple_SET_ITEM(tuple, 0, Py_NewRef((PyObject*)@base));
        return tuple;
    }

    /// <summary>tp_new of a class without a public constructor (and its Python subclasses): PyO3's wording.</summary>
    [UnmanagedCallersOnly]
    private static PyObject* NoConstructor(PyTypeObject* type, PyObject* args, PyObject* kwargs) =>
        Refuse($"No constructor defined for {Name(type)}");

    /// <summary>tp_new of an abstract class (and its Python subclasses): Python's wording for an abstract class.</summary>
    [UnmanagedCallersOnly]
    private static PyObject* AbstractClass(PyTypeObject* type, PyObject* args, PyObject* kwargs) =>
        Refuse($"Can't instantiate abstract class {Name(type)}");

    private static PyObject* Refuse(string message)
    {
        if (ForkGuard.Forked) return ForkGuard.Raise();
        return PyErrors.Raise(new PythonException(Builtins.TypeError, message));
    }

    /// <summary>The type's <c>__name__</c>: tp_name after its module ("nd_test.Shape" -> "Shape").</summary>
    internal static string Name(PyTypeObject* type)
    {
        string name = Utf8.FromC(type->tp_name);
        return name[(name.LastIndexOf('.') + 1)..];
    }

    /// <summary>
    /// The nearest type along <paramref name="type"/>'s bases that this runtime made for a [PyClass]: the type
    /// itself, or the [PyClass] a Python subclass derives from; null when there is none.
    /// </summary>
    internal static PyTypeObject* NearestClass(PyTypeObject* type)
    {
        nint dealloc = (nint)(delegate* unmanaged<PyObject*, void>)&Dealloc;
        nint withDict = (nint)(delegate* unmanaged<PyObject*, void>)&DeallocWithDict;
        for (PyTypeObject* t = type; t != null; t = t->tp_base)
            if (t->tp_dealloc == dealloc || t->tp_dealloc == withDict) return t;
        return null;
    }
}
