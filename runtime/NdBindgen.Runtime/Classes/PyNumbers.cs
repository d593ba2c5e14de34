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
}
