using System.Runtime.CompilerServices;
using NdBindgen.Binding;
using NdBindgen.Interop;

namespace NdBindgen.Conversions;

public static unsafe partial class Floats
{
    /// <summary>
    /// complex64: what <see cref="ToComplex"/> accepts, each part rounded to the nearest float
    /// (beyond float's range, infinity, as numpy.complex64() does).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Complex32 ToComplex32(PyObject* o, PySignature sig, int index) => (Complex32)ToComplex(o, sig, index);

    /// <summary>A Python complex holding the two floats exactly.</summary>
    public static PyObject* FromComplex32(Complex32 value) => FromComplex(value);
}

public static unsafe partial class ArgMatches
{
    /// <summary>Complex32: as <see cref="ToComplex"/>.</summary>
    public static ArgMatch ToComplex32(PyObject* o) => ToComplex(o);
}
