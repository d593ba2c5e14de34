using System.ComponentModel;
using NdBindgen.Interop;

namespace NdBindgen.Classes;

/// <summary>
/// Implemented by the generator on every <c>[PyClass]</c> (the class is partial): the link from
/// the C# object back to the Python object that wraps it, so returning the object to Python
/// returns that same Python object.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public unsafe interface IPyClass
{
    /// <summary>The wrapping Python object (borrowed: the wrapper owns this C# object), or null.</summary>
    PyObject* PythonObject { get; set; }

    /// <summary>The Python type created for the class at module init.</summary>
    static abstract PyTypeObject* PythonType { get; }

    /// <summary>
    /// The Python type of this object's own class when it derives from another [PyClass] (a C# Derived held as a
    /// Base is wrapped as a Derived); null: the static type's <see cref="PythonType"/>, which is its class.
    /// </summary>
    PyTypeObject* OwnPythonType => null;
}
