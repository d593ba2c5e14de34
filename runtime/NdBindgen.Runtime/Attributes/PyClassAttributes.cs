using System;

namespace NdBindgen;

/// <summary>
/// Exports a class as a Python type of the module (the class must be <c>partial</c>: the generator
/// adds the link to its Python object). The Python name is the class name unless
/// <see cref="Name"/> is given; the XML doc comment becomes <c>__doc__</c>. A sealed class cannot
/// be subclassed in Python; any other can. A <c>partial struct</c> of unmanaged fields keeps its value inside the
/// Python object (no .NET allocation; numeric fields are member descriptors; methods get it by reference); it is
/// final in Python, as a C# struct is sealed.
/// </summary>
/// <remarks>
/// Members are exported when marked: <see cref="PyConstructorAttribute"/> (or the only public
/// constructor), <see cref="PyPropertyAttribute"/>, <see cref="PyMethodAttribute"/>,
/// <see cref="PyClassMethodAttribute"/>. Protocols come from ordinary C#: <c>ToString()</c> ->
/// <c>__str__</c>; <c>IEquatable&lt;T&gt;</c>/<c>IComparable&lt;T&gt;</c>/comparison operators -> rich
/// comparison; <c>GetHashCode()</c> -> <c>__hash__</c>; <c>+ - * /</c> and unary <c>-</c> -> the
/// number protocol; an indexer -> <c>__getitem__</c>/<c>__setitem__</c>; <c>Count</c> or <c>Length</c>
/// -> <c>__len__</c>; <c>IEnumerable&lt;T&gt;</c> -> <c>__iter__</c>. Any other dunder is a
/// <c>[PyMethod("__repr__")]</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class PyClassAttribute : Attribute
{
    public PyClassAttribute() { }

    public PyClassAttribute(string name) => Name = name;

    /// <summary>The Python name of the type, when the class name is not wanted.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The <c>[PySubmodule]</c> static class whose submodule holds the type (<c>module.sub.Name</c>), when not
    /// the module itself.
    /// </summary>
    public Type? Submodule { get; set; }

    /// <summary>
    /// An <c>IDisposable</c> class usable in <c>with</c>: <c>__enter__</c> returns the object, <c>__exit__</c>
    /// calls <c>Dispose()</c> and returns False, so an exception raised in the block propagates.
    /// </summary>
    public bool ContextManager { get; set; }

    /// <summary>
    /// Instances get a <c>__dict__</c>, so Python code can set attributes of its own on them (<c>p.tag = 1</c>),
    /// as on instances of a Python class. It costs a pointer per instance and makes the type take part in
    /// Python's cyclic GC. Without it, setting an attribute the class does not export raises AttributeError.
    /// </summary>
    public bool Dict { get; set; }

    /// <summary>
    /// Pickling and copying. Unset: a <c>__reduce__</c> is generated when the constructor's arguments can be read
    /// back from properties of the same names (else pickling raises TypeError saying why); true: the same, and a
    /// class that cannot be rebuilt is an error (NDB0044); false: none is generated. A hand-written
    /// <c>__reduce__</c>, <c>__reduce_ex__</c>, <c>__getnewargs__</c> or <c>__getnewargs_ex__</c> replaces it.
    /// </summary>
    public bool Pickle { get; set; }

    /// <summary>
    /// A <c>partial struct</c> Python may subclass. A C# struct is sealed, so its type is final in Python unless this
    /// is set; a Python subclass's instances hold the struct at the same place, and its methods see it there. (A
    /// class is subclassable unless it is sealed; this does not change that.)
    /// </summary>
    public bool Subclass { get; set; }

    /// <summary>
    /// Whether instances can be weakly referenced (<c>weakref.ref(p)</c>); the default, true. A struct
    /// <c>[PyClass]</c> with <c>WeakRef = false</c> is freed by CPython's own deallocator, with no .NET code running
    /// when an instance dies (as PyO3's <c>#[pyclass]</c> without <c>weakref</c>); <c>weakref.ref</c> then raises
    /// TypeError. Only for a struct (NDB0049): a class's instances enter .NET when they die anyway.
    /// </summary>
    public bool WeakRef { get; set; } = true;
}

/// <summary>The constructor Python calls (<c>__new__</c>); needed only when the class has more than one public constructor.</summary>
[AttributeUsage(AttributeTargets.Constructor, Inherited = false, AllowMultiple = false)]
public sealed class PyConstructorAttribute : Attribute
{
}

/// <summary>
/// Exports a property or field as an attribute (snake_case name unless given). It is read-only
/// in Python when the property has no public setter or the field is readonly, and write-only
/// (reading raises AttributeError) when it has a setter and no public getter. A static property or
/// field is a class attribute (<c>Point.count</c>, also read through instances), read from C# on each
/// access and read-only in Python (so it takes no public setter: Python can set an attribute of a
/// class only in the class's dict, without asking the class).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class PyPropertyAttribute : Attribute
{
    public PyPropertyAttribute() { }

    public PyPropertyAttribute(string name) => Name = name;

    public string? Name { get; set; }

    /// <summary>
    /// <c>del obj.x</c> sets the property to null (its setter runs with null, so it can react); for a settable
    /// property of a nullable type. Without it, <c>del obj.x</c> raises AttributeError.
    /// </summary>
    public bool Deletable { get; set; }
}

/// <summary>
/// Exports a method: an instance method, or a <c>staticmethod</c> when the C# method is static.
/// A dunder name (<c>[PyMethod("__repr__")]</c>) fills that protocol slot instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class PyMethodAttribute : Attribute
{
    public PyMethodAttribute() { }

    public PyMethodAttribute(string name) => Name = name;

    public string? Name { get; set; }
}

/// <summary>
/// Exports a static factory method returning the class as a <c>classmethod</c>: called on a
/// Python subclass, the new object is an instance of that subclass.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class PyClassMethodAttribute : Attribute
{
    public PyClassMethodAttribute() { }

    public PyClassMethodAttribute(string name) => Name = name;

    public string? Name { get; set; }
}
