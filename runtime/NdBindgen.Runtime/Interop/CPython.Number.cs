using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

// [SuppressGCTransition] only on leaf calls: ones that cannot run Python code or Python's cyclic
// GC (which may call back into managed code). Creating a float or int allocates an object that
// is not GC-tracked, so it is a leaf.
internal static unsafe partial class CPython
{
    // Include/longobject.h, floatobject.h, boolobject.h, abstract.h (number protocol)
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern long PyLong_AsLongLong(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern ulong PyLong_AsUnsignedLongLong(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern long PyLong_AsLongLongAndOverflow(PyObject* o, int* overflow);

    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern PyObject* PyLong_FromLongLong(long v);

    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern PyObject* PyLong_FromUnsignedLongLong(ulong v);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern double PyFloat_AsDouble(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern double PyLong_AsDouble(PyObject* o);

    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern PyObject* PyFloat_FromDouble(double v);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyNumber_Index(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyNumber_ToBase(PyObject* n, int @base);

    /// <summary>
    /// Whether <paramref name="o"/> has <c>__index__</c>: the 3.7 macro, which the 3.8+ function
    /// does too. Inline, so the module also loads into 3.7 and refuses it with a clear message.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int PyIndex_Check(PyObject* o)
    {
        PyNumberMethods* nb = Py_TYPE(o)->tp_as_number;
        return nb != null && nb->nb_index != 0 ? 1 : 0;
    }

    /// <summary>
    /// <paramref name="type"/>'s <c>nb_float</c> (<c>__float__</c>), 0 when it has none, read from the
    /// type as PyFloat_AsDouble reads it. Not <c>PyType_GetSlot</c>: 3.9 refuses it for static types
    /// (int, numpy's scalars) with a SystemError.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint PyType_NbFloat(PyTypeObject* type)
    {
        PyNumberMethods* nb = type->tp_as_number;
        return nb != null ? nb->nb_float : 0;
    }

    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern PyObject* PyComplex_FromDoubles(double real, double imag);

    /// <summary>complex(o) as a C struct: __complex__, __float__ or __index__ (may run Python code); -1.0 real with an error set on failure.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern Py_complex PyComplex_AsCComplex(PyObject* o);
}

/// <summary><c>Py_complex</c>: two doubles, returned in registers.</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
internal struct Py_complex
{
    public double real;
    public double imag;
}
