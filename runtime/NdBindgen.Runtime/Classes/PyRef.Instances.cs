using System.ComponentModel;
using NdBindgen.Classes;
using NdBindgen.Interop;

namespace NdBindgen;

/// <summary>An owned reference to an instance of a <c>[PyClass]</c> type <typeparamref name="T"/> (its Python object).</summary>
public sealed class PyRef<T> : PyRef where T : class
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    public unsafe PyRef(PyObject* owned) : base(owned) { }

    /// <summary>An argument's reference, owned by the call and not by an open <see cref="PyScope"/> (Conversions/PyRefs.cs).</summary>
    internal unsafe PyRef(PyObject* owned, bool untracked) : base(owned, untracked) { }

    /// <summary>The C# object inside the Python object.</summary>
    public unsafe T Value => PyInstance.Get<T>(Handle);
}

// PyRef.Of lives here, with the instances: the rest of PyRef (Core/) knows nothing of classes. A
// part of PyRef rather than a C# 14 static extension member, which compilers before Roslyn 5 (the
// generator tests compile user code with 4.14) cannot see.
public partial class PyRef
{
    /// <summary>An owned reference to the Python object of a [PyClass] instance (made if it has none yet); the GIL must be held.</summary>
    public static PyRef<T> Of<T>(T value) where T : class, IPyClass => PyInstance.Ref(value);
}
