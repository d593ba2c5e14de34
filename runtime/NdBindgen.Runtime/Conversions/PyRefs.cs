using System.ComponentModel;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Classes;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary><see cref="PyRef"/> (any object) and <see cref="PyRef{T}"/> (an instance of a [PyClass]) in and out.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PyRefs
{
    // The call owns its arguments (the wrapper releases them or the method keeps them), not a
    // PyScope that C# code further up this thread has open: that scope would release a value the
    // method stored, for code it never ran (a nested call from Python).
    public static PyRef ToRef(PyObject* o, PySignature sig, int index) => PyRef.FromArgument(o);

    public static PyRef<T> ToRef<T>(PyObject* o, PySignature sig, int index) where T : class, IPyClass
    {
        if (!PyInstance.Is<T>(o)) throw sig.WrongType(index, Utf8.FromC(T.PythonType->tp_name), o);
        PyRef.ReleasePending();
        return new PyRef<T>(Py_NewRef(o), untracked: true);
    }

    public static PyObject* FromRef(PyRef value) => Py_NewRef(value.Handle);

    /// <summary>
    /// A result nothing else holds (the generator's FreshReturns saw it made in the method): its
    /// reference goes to Python as it is, and the PyRef is empty afterwards.
    /// </summary>
    public static PyObject* HandOver(PyRef value)
    {
        PyObject* o = value.Handle;   // a released reference throws, as FromRef does
        value.Detach();
        return o;
    }

    /// <summary>Releases a parameter the method did not keep, when the call returns (the wrapper's work).</summary>
    public static void Release(PyRef? parameter) => parameter?.Dispose();

    /// <summary>A borrowed argument: no reference-count traffic.</summary>
    public static PyBorrowed ToBorrowed(PyObject* o, PySignature sig, int index) => new(o);
}
