using System.ComponentModel;
using System.Runtime.CompilerServices;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Classes;

/// <summary>What the generated number slots share: Python's rules for reflected and in-place operators.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PyNumbers
{
    /// <summary>
    /// A new reference to the object an in-place operator changed (a void <c>__iadd__</c> or C#'s <c>operator +=</c>):
    /// <c>v += w</c> rebinds v to the same object.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* Self(PyObject* o) => Py_NewRef(o);

    /// <summary>
    /// Python asks a reflected method (<c>__radd__</c>) only when the operands' types differ (as for a class
    /// written in Python): <c>v + w</c> of one type is <c>__add__</c>'s alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameType(PyObject* a, PyObject* b) => Py_TYPE(a) == Py_TYPE(b);

    /// <summary>
    /// An operand's C# object when it is an instance of <paramref name="type"/> (the class's own type, which the
    /// generated code reads from its static field): as <see cref="PyInstance.TryGet{T}"/> without asking T for its
    /// type, a generic lookup in code shared by every class.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryGet<T>(PyObject* o, PyTypeObject* type, out T value) where T : class
    {
        PyTypeObject* t = Py_TYPE(o);
        nint handle;
        if ((t == type || PyType_IsSubtype(t, type) != 0) && (handle = ((PyInstanceObject*)o)->handle) != 0)
        {
            value = Unsafe.As<T>(InstanceTable.Get(handle));
            return true;
        }
        value = null!;
        return false;
    }
}
