using System.ComponentModel;
using NdBindgen.Binding;
using NdBindgen.Interop;

namespace NdBindgen.Conversions;

/// <summary>
/// One row of the conversion table as a type, so containers convert their elements with it: the
/// generator emits one small struct per element type of a module, forwarding to the row's own
/// FromPython/ToPython methods, and passes it as a generic argument
/// (<c>Sequences.ToList&lt;double, Conv_double&gt;</c>). A struct type argument makes the runtime code
/// specialized per element type, the element conversion inlined: no delegate, no reflection.
/// </summary>
/// <typeparam name="T">The C# element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public unsafe interface IPyConverter<T>
{
    /// <summary>The row's FromPython: raises through <paramref name="sig"/> as every row does.</summary>
    static abstract T FromPython(PyObject* o, PySignature sig, int index);

    /// <summary>The row's ToPython: a new reference.</summary>
    static abstract PyObject* ToPython(T value);

    /// <summary>The Python type as messages name it ("float", "list[int]").</summary>
    static abstract string PythonType { get; }
}
