using NdBindgen.Classes;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>PySlice: slices as an indexer's key resolve as Python's slice.indices() and len(range(...)) do.</summary>
public unsafe class SliceTests
{
    private static readonly long?[] Bounds = [null, -12, -7, -3, -1, 0, 1, 2, 5, 6, 7, 12];
    private static readonly long?[] Steps = [null, 1, 2, 3, 7, -1, -2, -3, -7];

    private static string Text(long? b) => b?.ToString() ?? "None";

    [Fact]
    public void Indices_agree_with_python_for_every_bound_step_and_length()
    {
        var expected = new List<string>();
        var cases = new List<string>();
        var actual = new List<string>();
        foreach (long length in new long[] { 0, 1, 2, 6 })
        foreach (long? start in Bounds)
        foreach (long? stop in Bounds)
        foreach (long? step in Steps)
        {
            cases.Add($"({Text(start)}, {Text(stop)}, {Text(step)}, {length})");
            PySliceIndices i = new PySlice(start, stop, step).Indices(length);
            actual.Add($"({i.Start}, {i.Stop}, {i.Step}, {i.Count})");
        }
        Run(() =>
        {
            PyObject* result = Eval("';'.join(str(slice(a, b, c).indices(n) + (len(range(*slice(a, b, c).indices(n))),)) "
                + "for a, b, c, n in cases)", setup: "cases = [" + string.Join(", ", cases) + "]");
            expected.AddRange(Str(result).Split(';'));
            Py_DECREF(result);
        });
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < actual.Count; k++) Assert.True(expected[k] == actual[k], $"{cases[k]}: Python {expected[k]}, PySlice {actual[k]}");
    }

    [Fact]
    public void Item_k_of_the_indices_is_the_kth_selected_index()
    {
        PySliceIndices i = new PySlice(null, null, -2).Indices(7);
        Assert.Equal(new long[] { 6, 4, 2, 0 }, Enumerable.Range(0, (int)i.Count).Select(k => i[k]));
    }

    [Fact]
    public void A_zero_step_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PySlice(0, 1, 0));
        Run(() =>
        {
            PyObject* s = Eval("slice(1, 2, 0)");
            var e = Assert.Throws<PythonException>(() => PyContainers.ToSlice(s));
            Assert.Equal("slice step cannot be zero", e.Message);
            Py_DECREF(s);
        });
    }

    [Fact]
    public void Bounds_are_read_through_index_and_clamped()
    {
        Run(() =>
        {
            PyObject* s = Eval("slice(True, -10**30, 10**30)");
            PySlice slice = PyContainers.ToSlice(s);
            Assert.Equal((1L, long.MinValue, long.MaxValue), (slice.Start!.Value, slice.Stop!.Value, slice.Step));
            Py_DECREF(s);
            PyObject* bad = Eval("slice('a', None)");
            var e = Assert.Throws<PythonException>(() => PyContainers.ToSlice(bad));
            Assert.StartsWith("slice indices must be integers or None or have an __index__ method", e.Message);
            Py_DECREF(bad);
        });
    }

    [Fact]
    public void A_range_is_clipped_to_the_length_or_counts_from_the_end_without_one()
    {
        Run(() =>
        {
            PyObject* s = Eval("slice(-3, None)");
            Assert.Equal(new Range(4, 7), PyContainers.ToRange(s, 7, "T"));
            Assert.Equal(new Range(^3, ^0), PyContainers.ToRange(s, -1, "T"));
            Py_DECREF(s);
            PyObject* stepped = Eval("slice(None, None, 2)");
            var e = Assert.Throws<PythonException>(() => PyContainers.ToRange(stepped, 7, "T"));
            Assert.Equal("T slices take step 1 only (its C# indexer takes a Range), not 2", e.Message);
            Py_DECREF(stepped);
        });
    }
}
