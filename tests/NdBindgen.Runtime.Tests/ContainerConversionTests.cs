using System.Collections.Generic;
using NdBindgen.Binding;
using NdBindgen.Conversions;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.Converters;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>The runtime's containers (Sequences, Mappings, Sets, Tuples) over converter structs, as generated code uses them.</summary>
public unsafe class ContainerConversionTests
{
    private static readonly PySignature Sig = new("f", ["xs"], required: 1);

    private delegate string Body(PyObject* o);

    /// <summary>Runs body on a Python value; returns its text or "Type: message".</summary>
    private static string With(string expression, Body body, string setup = "")
    {
        string result = "";
        Run(() =>
        {
            PyObject* o = Eval(expression, setup);
            try
            {
                result = body(o);
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

    private static string Repr(PyObject* o)
    {
        PyObject* r = PyObject_Repr(o);
        string text = Str(r);
        Py_DECREF(r);
        Py_DECREF(o);
        return text;
    }

    [Theory]
    [InlineData("[1.0, 2, 3.5]", "1,2,3.5")]
    [InlineData("(1.0, 2)", "1,2")]
    [InlineData("range(3)", "0,1,2")]
    [InlineData("[]", "")]
    [InlineData("[1.0, 'a']", "TypeError: f() argument 'xs'[1] must be float, not str")]
    [InlineData("'ab'", "TypeError: f() argument 'xs' must be a sequence of float, not str (a str is not taken as a sequence of its characters)")]
    [InlineData("3", "TypeError: f() argument 'xs' must be a sequence of float, not int")]
    public void Arrays(string expression, string expected) =>
        Assert.Equal(expected, With(expression, o => string.Join(",", Sequences.ToArray<double, Float64>(o, Sig, 0))));

    [Theory]
    [InlineData("[[1.0], [2.0, 3.0]]", "1;2,3")]
    [InlineData("[[1.0], [2.0, None]]", "TypeError: f() argument 'xs'[1][1] must be float, not None")]
    [InlineData("[[1.0], 5]", "TypeError: f() argument 'xs'[1] must be a sequence of float, not int")]
    public void NestedLists(string expression, string expected) =>
        Assert.Equal(expected, With(expression, o => string.Join(";",
            Sequences.ToList<List<double>, Float64List>(o, Sig, 0).ConvertAll(row => string.Join(",", row)))));

    [Theory]
    [InlineData("[1, 300]", "OverflowError: f() argument 'xs'[1] = 300 is out of range for uint8 (0 to 255)")]
    [InlineData("b'ab'", "97,98")]
    public void OverflowNamesThePlace(string expression, string expected) =>
        Assert.Equal(expected, With(expression, o => string.Join(",", Sequences.ToArray<byte, UInt8>(o, Sig, 0))));

    [Theory]
    [InlineData("{'a': 1, 'b': 2}", "a=1,b=2")]
    [InlineData("{'a': 1, 'b': 'x'}", "TypeError: f() argument 'xs'['b'] must be int, not str")]
    [InlineData("{'a': 1, 2: 2}", "TypeError: f() argument 'xs' key 2 must be str, not int")]
    [InlineData("[1]", "TypeError: f() argument 'xs' must be a mapping of str to int, not list")]
    public void Dictionaries(string expression, string expected) =>
        Assert.Equal(expected, With(expression, o =>
        {
            var d = Mappings.ToDictionary<string, byte, Str, UInt8>(o, Sig, 0);
            var parts = new List<string>();
            foreach (var (k, v) in d) parts.Add($"{k}={v}");
            return string.Join(",", parts);
        }));

    [Theory]
    [InlineData("{1, 2, 2}", "1,2")]
    [InlineData("frozenset([3])", "3")]
    [InlineData("(x for x in [4, 4])", "4")]
    [InlineData("{1, 'a'}", "TypeError: f() argument 'xs' element 'a' must be int, not str")]
    public void Sets(string expression, string expected) =>
        Assert.Equal(expected, With(expression, o =>
        {
            var s = new List<byte>(Conversions.Sets.ToHashSet<byte, UInt8>(o, Sig, 0));
            s.Sort();
            return string.Join(",", s);
        }));

    [Fact]
    public void Tuples_of_the_wrong_length_say_both_lengths() =>
        Assert.Equal("TypeError: f() argument 'xs' must be a tuple of 2 items, not 3", With("(1, 2, 3)", o =>
        {
            PyObject* t = Conversions.Tuples.Begin(o, 2, "tuple[int, int]", Sig, 0);
            Conversions.Tuples.End(t);
            return "no error";
        }));

    [Fact]
    public void Tuple_items_are_named_by_their_place() =>
        Assert.Equal("TypeError: f() argument 'xs'[1] must be int, not str", With("(1, 'a')", o =>
        {
            PyObject* t = Conversions.Tuples.Begin(o, 2, "tuple[int, int]", Sig, 0);
            try
            {
                return $"{Conversions.Tuples.Item<byte, UInt8>(t, 0, Sig, 0)}{Conversions.Tuples.Item<byte, UInt8>(t, 1, Sig, 0)}";
            }
            finally
            {
                Conversions.Tuples.End(t);
            }
        }));

    [Fact]
    public void Results_are_new_lists_dicts_sets_and_tuples()
    {
        string list = "", dict = "", set = "", tuple = "";
        Run(() =>
        {
            list = Repr(Sequences.FromEnumerable<double, Float64>(new[] { 1.5, 2.0 }));
            dict = Repr(Mappings.FromPairs<string, byte, Str, UInt8>(new Dictionary<string, byte> { ["a"] = 1 }));
            set = Repr(Conversions.Sets.FromSet<byte, UInt8>(new HashSet<byte> { 7 }));
            PyObject* t = Conversions.Tuples.New(2);
            Conversions.Tuples.Set<string, Str>(t, 0, "x");
            Conversions.Tuples.Set<double, Float64>(t, 1, 0.5);
            tuple = Repr(t);
        });
        Assert.Equal(("[1.5, 2.0]", "{'a': 1}", "{7}", "('x', 0.5)"), (list, dict, set, tuple));
    }
}
