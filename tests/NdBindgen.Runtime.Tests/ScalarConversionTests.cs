using NdBindgen.Conversions;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>Scalar conversions against real Python objects.</summary>
public unsafe class ScalarConversionTests
{
    private static readonly PySignature Sig = new("f", ["x"], required: 1);

    private delegate T Convert<T>(PyObject* o, PySignature sig, int index);

    /// <summary>Converts the value of a Python expression; returns the value's text or "Type: message".</summary>
    private static string From<T>(string expression, Convert<T> convert, string setup = "")
    {
        string result = "";
        Run(() =>
        {
            PyObject* o = Eval(expression, setup);
            try
            {
                result = convert(o, Sig, 0)?.ToString() ?? "null";
            }
            catch (PythonException e)
            {
                result = $"{e.PythonTypeName}: {e.Message}";
            }
            finally
            {
                Py_DECREF(o);
            }
        });
        return result;
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("3", "3")]
    [InlineData("True", "1")]
    [InlineData("F()", "2.5", "class F:\n    def __float__(self): return 2.5")]
    [InlineData("'a'", "TypeError: f() argument 'x' must be float, not str")]
    [InlineData("None", "TypeError: f() argument 'x' must be float, not None")]
    [InlineData("F()", "ZeroDivisionError: division by zero", "class F:\n    def __float__(self): return 1/0")]
    public void Doubles(string expression, string expected, string setup = "") =>
        Assert.Equal(expected, From<double>(expression, Floats.ToDouble, setup));

    [Theory]
    [InlineData("-128", "-128")]
    [InlineData("127", "127")]
    [InlineData("128", "OverflowError: f() argument 'x' = 128 is out of range for int8 (-128 to 127)")]
    [InlineData("-129", "OverflowError: f() argument 'x' = -129 is out of range for int8 (-128 to 127)")]
    [InlineData("1.0", "TypeError: f() argument 'x' must be int, not float")]
    public void SignedBytes(string expression, string expected) =>
        Assert.Equal(expected, From<sbyte>(expression, Ints.ToSByte));

    [Theory]
    [InlineData("2**63-1", "9223372036854775807")]
    [InlineData("-2**63", "-9223372036854775808")]
    [InlineData("2**63", "OverflowError: f() argument 'x' = 9223372036854775808 is out of range for int64 (-9223372036854775808 to 9223372036854775807)")]
    [InlineData("I()", "7", "class I:\n    def __index__(self): return 7")]
    [InlineData("B(5)", "5", "class B(int): pass")]
    [InlineData("10**100", "OverflowError: f() argument 'x' = 10000000000000000000...0000000000 is out of range for int64 (-9223372036854775808 to 9223372036854775807)")]
    public void Longs(string expression, string expected, string setup = "") =>
        Assert.Equal(expected, From<long>(expression, Ints.ToInt64, setup));

    [Theory]
    [InlineData("2**64-1", "18446744073709551615")]
    [InlineData("0", "0")]
    [InlineData("-1", "OverflowError: f() argument 'x' = -1 is out of range for uint64 (0 to 18446744073709551615)")]
    [InlineData("2**64", "OverflowError: f() argument 'x' = 18446744073709551616 is out of range for uint64 (0 to 18446744073709551615)")]
    public void UnsignedLongs(string expression, string expected) =>
        Assert.Equal(expected, From<ulong>(expression, Ints.ToUInt64));

    [Theory]
    [InlineData("True", "True")]
    [InlineData("False", "False")]
    [InlineData("np.bool_(True)", "True")]
    [InlineData("1", "TypeError: f() argument 'x' must be bool, not int")]
    public void Bools_AreStrict(string expression, string expected) =>
        Assert.Equal(expected, From<bool>(expression, NdBindgen.Conversions.Bools.ToBool));

    [Theory]
    [InlineData("'héllo ✓'", "héllo ✓")]
    [InlineData("'\\ud800'", "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed")]
    [InlineData("b'x'", "TypeError: f() argument 'x' must be str, not bytes")]
    public void Strings_(string expression, string expected) =>
        Assert.Equal(expected, From<string>(expression, Strings.ToString));

    [Theory]
    [InlineData("''", "")]
    [InlineData("'k'", "k")]
    [InlineData("'key42'", "key42")]
    [InlineData("'a\\x00b'", "a\0b")]
    [InlineData("'x' * 1000", null)]                 // longer than a vector: the vectorized copy
    [InlineData("'é' * 40", null)]                   // 1-byte kind but not ASCII: through UTF-8
    [InlineData("'✓' * 3 + 'abc'", "✓✓✓abc")]
    [InlineData("type('S', (str,), {})('abc')", "abc")]   // a str subclass's text is not stored compact
    public void Strings_read_in_place_or_through_UTF8_agree_with_Python(string expression, string? expected)
    {
        Run(() =>
        {
            PyObject* o = Eval(expression);
            try
            {
                string text = Strings.ToString(o, Sig, 0);
                Assert.Equal(expected ?? Str(o), text);
                // And back: a str equal to the original, hashing as Python's own does (the state bits are right).
                PyObject* back = Strings.FromString(text);
                Assert.Equal(0, PyUnicode_Compare(o, back));
                Assert.Equal(PyObject_Hash(o), PyObject_Hash(back));
                Py_DECREF(back);
            }
            finally
            {
                Py_DECREF(o);
            }
        });
    }

    [Fact]
    public void Ascii_strs_are_read_and_made_at_the_offset_of_the_running_CPython()
    {
        Run(() =>
        {
            // CheckAsciiLayout kept the offset: PyASCIIObject is 48 bytes before 3.12 (wstr), 40 from it.
            Assert.Equal(NdBindgen.Core.PythonVersions.RunningMinor >= 12 ? 40 : 48, Layouts.AsciiData);
            PyObject* made = Strings.FromString("made here");
            nint size;
            Assert.True(PyUnicode_AsUTF8AndSize(made, &size) == (byte*)made + Layouts.AsciiData);
            Assert.Equal(9, size);
            PyObject* repr = PyObject_Repr(made);
            Assert.Equal("'made here'", Str(repr));
            Py_DECREF(repr);
            Py_DECREF(made);
        });
    }

    [Fact]
    public void ReturnedValuesRoundTrip()
    {
        Run(() =>
        {
            PyObject* f = Floats.FromDouble(0.1);
            PyObject* i = Ints.FromUInt64(ulong.MaxValue);
            PyObject* s = Strings.FromString("π≈3.14");
            PyObject* b = NdBindgen.Conversions.Bools.FromBool(true);
            Assert.Equal("0.1", Str(f));
            Assert.Equal("18446744073709551615", Str(i));
            Assert.Equal("π≈3.14", Str(s));
            Assert.Equal("True", Str(b));
            Py_DECREF(f); Py_DECREF(i); Py_DECREF(s); Py_DECREF(b);
        });
    }
}
