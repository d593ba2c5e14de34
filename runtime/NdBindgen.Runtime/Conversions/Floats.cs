using System.ComponentModel;
using System.Runtime.CompilerServices;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <c>double</c> and <c>float</c>: Python floats, ints and anything with <c>__float__</c> or
/// <c>__index__</c> convert, as CPython's own "d" argument format does.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe partial class Floats
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToDouble(PyObject* o, PySignature sig, int index)
    {
        // Exact float: read the value straight from the object, no call.
        if (Py_TYPE(o) == Builtins.FloatType) return ((PyFloatObject*)o)->ob_fval;
        return ToDoubleSlow(o, sig, index);
    }

    private static double ToDoubleSlow(PyObject* o, PySignature sig, int index)
    {
        // What PyFloat_AsDouble accepts: __float__ (float subclasses included) or __index__. Refused
        // here, so the message names the argument (complex, or an object with only __int__, too).
        if (!HasFloat(Py_TYPE(o)) && PyIndex_Check(o) == 0)
            throw sig.WrongType(index, "float", o);
        StackGuard.Check();   // __float__ may call the module again
        double value = PyFloat_AsDouble(o);
        if (value == -1.0 && PyErr_Occurred() != null) throw sig.ConversionError(index);
        return value;
    }

    /// <summary>float32: the double rounded to nearest; values beyond float's range become infinity, as numpy.float32() does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ToSingle(PyObject* o, PySignature sig, int index) => (float)ToDouble(o, sig, index);

    /// <summary>float16: the double rounded to nearest half; beyond half's range, infinity, as numpy.float16() does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static System.Half ToHalf(PyObject* o, PySignature sig, int index) => (System.Half)ToDouble(o, sig, index);

    public static PyObject* FromHalf(System.Half value) => FromDouble((double)value);

    /// <summary>
    /// complex128: what complex() accepts of a number (complex, float, int, or anything with
    /// __complex__, __float__ or __index__); strings are refused, unlike complex("1j").
    /// </summary>
    public static System.Numerics.Complex ToComplex(PyObject* o, PySignature sig, int index)
    {
        // complex itself first: 3.9's complex has no __complex__ (3.11 added it) and a raising nb_float.
        bool isComplex = Py_TYPE(o) == Builtins.ComplexType || PyType_IsSubtype(Py_TYPE(o), Builtins.ComplexType) != 0;
        if (!isComplex && !HasFloat(Py_TYPE(o)) && PyIndex_Check(o) == 0 && !HasComplexMethod(o))
            throw sig.WrongType(index, "complex", o);
        Py_complex c = PyComplex_AsCComplex(o);
        if (c.real == -1.0 && PyErr_Occurred() != null) throw sig.ConversionError(index);
        return new System.Numerics.Complex(c.real, c.imag);
    }

    /// <summary>Whether instances of <paramref name="type"/> have <c>__float__</c> (not 3.9's complex: it only raises).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool HasFloat(PyTypeObject* type)
    {
        nint nbFloat = PyType_NbFloat(type);
        return nbFloat != 0 && nbFloat != Builtins.ComplexNbFloat;
    }

    internal static bool HasComplexMethod(PyObject* o)
    {
        // complex and its subclasses, and classes defining __complex__ (looked up on the type, as CPython does).
        PyObject* method = PyObject_GetAttrString((PyObject*)Py_TYPE(o), Utf8.Z("__complex__"u8));
        if (method == null)
        {
            PyErr_Clear();
            return false;
        }
        Py_DECREF(method);
        return true;
    }

    public static PyObject* FromComplex(System.Numerics.Complex value)
    {
        PyObject* o = PyComplex_FromDoubles(value.Real, value.Imaginary);
        if (o == null) throw PythonException.Fetch();
        return o;
    }

    /// <summary>For operators: a float or an int as double, without raising; false for anything else.</summary>
    public static bool TryToDouble(PyObject* o, out double value)
    {
        if (Py_TYPE(o) == Builtins.FloatType || PyType_IsSubtype(Py_TYPE(o), Builtins.FloatType) != 0)
        {
            value = PyFloat_AsDouble(o);
            return true;
        }
        if ((Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_LONG_SUBCLASS) != 0)
        {
            value = PyFloat_AsDouble(o);
            if (value == -1.0 && PyErr_Occurred() != null) throw PythonException.Fetch();   // int too large for a float
            return true;
        }
        value = 0;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyObject* FromDouble(double value)
    {
        PyObject* o = PyFloat_FromDouble(value);
        if (o == null) throw PythonException.Fetch();
        return o;
    }
}
