using NdBindgen.Conversions;
using NdBindgen.Binding;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>Arrays.ToArrayLikeView: what it borrows, what it converts, and that the lease owns the conversion.</summary>
public unsafe class ArrayLikeTests
{
    private static readonly PySignature Sig = new("f", ["values"], required: 1);

    /// <summary>Converts a Python expression; returns its C-order elements (or "Type: message") and whether the lease held a temporary.</summary>
    private static (string Result, bool Temporary) Like<T>(string expression, int ndim = -1) where T : unmanaged
    {
        string result = "";
        bool temporary = false;
        Run(() =>
        {
            var o = Eval(expression);
            var lease = new ArrayLease();
            try
            {
                NdView<T> view = Arrays.ToArrayLikeView<T>(o, Sig, 0, ref lease, ndim);
                result = string.Join(",", view.ToArray());
                temporary = lease.Temporary != null;
                if (temporary && lease.Temporary != o) Assert.Equal(1, lease.Temporary->ob_refcnt);   // the lease's own, nobody else's
            }
            catch (PythonException e)
            {
                result = $"{e.PythonTypeName}: {e.Message}";
            }
            finally
            {
                lease.Dispose();
                Assert.True(lease.Temporary == null);
                Py_DECREF(o);
            }
        });
        return (result, temporary);
    }

    [Theory]
    [InlineData("np.arange(4.)[::2]", "0,2", false)]            // borrowed
    [InlineData("[1.5, 2.5]", "1.5,2.5", true)]
    [InlineData("((1, 2), (3, 4))", "1,2,3,4", true)]
    [InlineData("2.5", "2.5", true)]
    [InlineData("np.arange(3, dtype=np.int32)", "0,1,2", true)]  // int32 -> float64: safe
    [InlineData("np.arange(3.).astype('>f8')", "0,1,2", true)]   // swapped to native order
    public void AcceptsArrayLikes(string expression, string expected, bool temporary) =>
        Assert.Equal((expected, temporary), Like<double>(expression));

    [Theory]
    [InlineData("np.arange(3.)", "TypeError: f() argument 'values' must be array-like of int64, not an array of float64 (float64 does not cast safely to int64; if that is intended, convert it first with values.astype(numpy.int64))")]
    [InlineData("[1, 2.5]", "TypeError: f() argument 'values' must be array-like of int64, not list (numpy reads it as float64, which does not cast safely to int64; if that is intended, convert it first with numpy.asarray(values, dtype=numpy.int64))")]
    [InlineData("None", "TypeError: f() argument 'values' must be array-like of int64, not None (numpy reads it as an array of object)")]
    public void RefusesWhatDoesNotCastSafely(string expression, string expected) =>
        Assert.Equal(expected, Like<long>(expression).Result);

    [Fact]
    public void PythonNumbersConvertByValueWithTheScalarRules()
    {
        Assert.Equal(("-128,127,1", true), Like<sbyte>("[-128, 127, True]"));
        Assert.Equal(("4294967295", true), Like<uint>("(4294967295,)"));
        Assert.Equal(("18446744073709551615", true), Like<ulong>("[2**64 - 1]"));
        Assert.Equal(("", true), Like<short>("[]"));
        Assert.Equal(("0.5,Infinity", true), Like<float>("[0.5, 1e300]"));
        Assert.Equal(("Infinity", true), Like<System.Half>("70000"));
        Assert.Equal("OverflowError: f() argument 'values' holds 128 at [1, 0], out of range for int8 (-128 to 127)", Like<sbyte>("[[1], [128]]").Result);
        Assert.Equal("OverflowError: f() argument 'values' holds -1, out of range for uint64 (0 to 18446744073709551615)", Like<ulong>("-1").Result);
        Assert.Equal(("1.1805916207174113E+21", true), Like<double>("[2**70]"));   // beyond 64 bits: numpy's objects, by value
        Assert.Equal("OverflowError: f() argument 'values' holds 1180591620717411303424 at [1], out of range for int64 (-9223372036854775808 to 9223372036854775807)",
            Like<long>("[1, 2**70]").Result);
        Assert.StartsWith("TypeError: f() argument 'values' must be array-like of int16, not list (numpy reads it as float64", Like<short>("[1.0]").Result);
        Assert.StartsWith("TypeError: f() argument 'values' must be array-like of int16, not an array of int64", Like<short>("np.array([1])").Result);
    }

    [Fact]
    public void RaggedListsAndWrongNdimAreRefusedAfterConversion()
    {
        Assert.StartsWith("ValueError: f() argument 'values' cannot be converted to an array of float64: setting an array element with a sequence",
            Like<double>("[[1.0], [2.0, 3.0]]").Result);
        Assert.Equal("TypeError: f() argument 'values' must be a 2-dimensional array, not 1-dimensional", Like<double>("[1.0]", ndim: 2).Result);
        Assert.Equal(("1,2", true), Like<double>("[[1], [2]]", ndim: 2));
    }
}
