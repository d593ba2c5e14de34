using System.ComponentModel;
using System.Runtime.CompilerServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>Small helpers generated wrappers share: None in and out.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Args
{
    /// <summary>True when the argument slot holds Python's None.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNone(PyObject* o) => o == Builtins.None;

    /// <summary>A new reference to None: what a void function returns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* None() => Py_NewRef(Builtins.None);

    /// <summary>A new reference to NotImplemented: what an operator returns for operand types it does not take.</summary>
    public static PyObject* NotImplemented() => Py_NewRef(Builtins.NotImplemented);
}
