using System.ComponentModel;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>
/// A borrowed reference: an argument or temporary used without touching its reference count. It is
/// a ref struct, so it cannot outlive the scope it was borrowed in (the call); keep the object
/// beyond it with <see cref="ToOwned"/>. As a <c>[PyFunction]</c> parameter it accepts any object.
/// </summary>
public readonly unsafe ref struct PyBorrowed
{
    private readonly PyObject* _object;

    [EditorBrowsable(EditorBrowsableState.Never)]
    public PyBorrowed(PyObject* borrowed) => _object = borrowed;

    [EditorBrowsable(EditorBrowsableState.Never)]
    public PyObject* Handle => _object;

    /// <summary>An owned reference to the same object (one increment), which may be kept.</summary>
    public PyRef ToOwned(Python py) => PyRef.FromBorrowed(_object);

    /// <summary>The object's type name, as CPython's messages print it.</summary>
    public string TypeName(Python py) => PyFormat.TypeName(_object);

    public bool IsNone(Python py) => _object == Builtins.None;

    /// <summary>The reference count, unchanged by borrowing.</summary>
    public nint RefCount(Python py) => _object->ob_refcnt;

    // ToDouble, ToInt64, ToString: Conversions/ConversionExtensions.cs.
}
