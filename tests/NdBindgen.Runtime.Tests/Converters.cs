using System.Collections.Generic;
using NdBindgen.Binding;
using NdBindgen.Conversions;
using NdBindgen.Interop;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// What the generator emits per element type (the row's own conversions, as file-local structs), for the tests
/// of the runtime's generic conversions: containers, callbacks.
/// </summary>
internal static unsafe class Converters
{
    internal struct Float64 : IPyConverter<double>
    {
        public static string PythonType => "float";
        public static double FromPython(PyObject* o, PySignature sig, int index) => Floats.ToDouble(o, sig, index);
        public static PyObject* ToPython(double value) => Floats.FromDouble(value);
    }

    internal struct UInt8 : IPyConverter<byte>
    {
        public static string PythonType => "int";
        public static byte FromPython(PyObject* o, PySignature sig, int index) => Ints.ToByte(o, sig, index);
        public static PyObject* ToPython(byte value) => Ints.FromUInt64(value);
    }

    internal struct Str : IPyConverter<string>
    {
        public static string PythonType => "str";
        public static string FromPython(PyObject* o, PySignature sig, int index) => Strings.ToString(o, sig, index);
        public static PyObject* ToPython(string value) => Strings.FromString(value);
    }

    // A nested container is a converter too.
    internal struct Float64List : IPyConverter<List<double>>
    {
        public static string PythonType => "list[float]";
        public static List<double> FromPython(PyObject* o, PySignature sig, int index) =>
            Sequences.ToList<double, Float64>(o, sig, index);
        public static PyObject* ToPython(List<double> value) => Sequences.FromList<double, Float64>(value);
    }
}
