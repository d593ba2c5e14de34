using System.ComponentModel;
using System.Runtime.CompilerServices;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <c>bool</c>: strict, as PyO3 and nanobind are. True/False and numpy.bool_ convert; ints and other
/// truthy objects are refused, so <c>f(flag=2)</c> is a TypeError rather than a silent True.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Bools
{
    /// <summary>numpy.bool_, known by its type's name (numpy need not be imported for the check).</summary>
    internal static bool IsNumpyBool(PyObject* o) => Utf8.FromC(CPython.Py_TYPE(o)->tp_name) == "numpy.bool_";

    public static bool ToBool(PyObject* o, PySignature sig, int index)
    {
        if (o == Builtins.True) return true;
        if (o == Builtins.False) return false;
        if (IsNumpyBool(o))
        {
            int truth = CPython.PyObject_IsTrue(o);
            if (truth < 0) throw sig.ConversionError(index);
            return truth != 0;
        }
        throw sig.WrongType(index, "bool", o);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* FromBool(bool value) => Py_NewRef(value ? Builtins.True : Builtins.False);
}
