using NdBindgen.Binding;
using NdBindgen.Conversions;

namespace NdBindgen;

/// <summary>
/// Python values to C# values and back, from C# code: <c>obj.ToDouble(py)</c>, <c>py.From(1.5)</c>.
/// The same conversions (and messages) as a <c>[PyFunction]</c>'s arguments; they live here, with
/// the conversions, so that the object model below (PyRef, PyBorrowed, Python) does not depend on them.
/// </summary>
public static unsafe class ConversionExtensions
{
    // Where the messages say the value came from: "PyRef() argument 'value' must be float, not str".
    private static readonly PySignature s_ref = PySignature.ForValue("PyRef", "value");
    private static readonly PySignature s_borrowed = PySignature.ForValue("PyBorrowed", "value");

    public static double ToDouble(this PyRef value, Python py) => Floats.ToDouble(value.Handle, s_ref, 0);
    public static long ToInt64(this PyRef value, Python py) => Ints.ToInt64(value.Handle, s_ref, 0);
    public static bool ToBoolean(this PyRef value, Python py) => Bools.ToBool(value.Handle, s_ref, 0);
    public static string ToString(this PyRef value, Python py) => Strings.ToString(value.Handle, s_ref, 0);

    public static double ToDouble(this PyBorrowed value, Python py) => Floats.ToDouble(value.Handle, s_borrowed, 0);
    public static long ToInt64(this PyBorrowed value, Python py) => Ints.ToInt64(value.Handle, s_borrowed, 0);
    public static string ToString(this PyBorrowed value, Python py) => Strings.ToString(value.Handle, s_borrowed, 0);

    public static PyRef From(this Python py, double value) => PyRef.Own(Floats.FromDouble(value));
    public static PyRef From(this Python py, long value) => PyRef.Own(Ints.FromInt64(value));
    public static PyRef From(this Python py, bool value) => PyRef.Own(Bools.FromBool(value));
    public static PyRef From(this Python py, string value) => PyRef.Own(Strings.FromString(value));
}
