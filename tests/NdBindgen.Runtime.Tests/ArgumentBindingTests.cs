using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>PySignature.Bind: CPython's rules for positional and keyword arguments, and its messages.</summary>
public unsafe class ArgumentBindingTests
{
    private static readonly PySignature Sig = new("f", ["x", "y", "z"], required: 2);

    /// <summary>Calls Bind as vectorcall would: positional values then keyword values, with a tuple of keyword names.</summary>
    private static string Bind(PySignature sig, string[] positional, string[] keywordNames, Func<nint[], string>? inspect = null)
    {
        string outcome = "";
        Run(() =>
        {
            int n = positional.Length + keywordNames.Length;
            var args = new PyObject*[Math.Max(n, 1)];
            for (int i = 0; i < positional.Length; i++) args[i] = Eval(positional[i]);
            for (int k = 0; k < keywordNames.Length; k++) args[positional.Length + k] = Eval(k.ToString());
            PyObject* kwnames = keywordNames.Length == 0 ? null
                : Eval("(" + string.Join("", keywordNames.Select(k => $"'{k}',")) + ")");
            PyObject** slots = stackalloc PyObject*[sig.Count];
            try
            {
                fixed (PyObject** a = args)
                {
                    PyObject** bound = sig.Bind(a, positional.Length, kwnames, slots);
                    var values = new nint[sig.Count];
                    for (int i = 0; i < sig.Count; i++) values[i] = bound[i] == null ? -1 : (nint)(bound[i] == a ? 0 : 1);
                    outcome = inspect?.Invoke(values) ?? (bound == a ? "no copy" : "slots");
                    for (int i = 0; i < sig.Count; i++)
                        if (bound[i] == null) outcome += $" {sig.ParameterName(i)}=default";
                }
            }
            catch (PythonException e)
            {
                outcome = $"{e.PythonTypeName}: {e.Message}";
            }
            for (int i = 0; i < n; i++) Py_DECREF(args[i]);
            if (kwnames != null) Py_DECREF(kwnames);
        });
        return outcome;
    }

    [Fact]
    public void ExactPositionalCallUsesTheArgumentsInPlace() =>
        Assert.Equal("no copy", Bind(Sig, ["1.0", "2.0", "3.0"], []));

    [Fact]
    public void MissingOptionalArgumentIsLeftForTheDefault() =>
        Assert.Equal("slots z=default", Bind(Sig, ["1.0", "2.0"], []));

    [Fact]
    public void KeywordsFillTheirSlots() =>
        Assert.Equal("slots", Bind(Sig, ["1.0"], ["z", "y"]));

    [Theory]
    [InlineData(new string[0], new string[0], "TypeError: f() missing 2 required positional arguments: 'x' and 'y'")]
    [InlineData(new[] { "1" }, new string[0], "TypeError: f() missing 1 required positional argument: 'y'")]
    [InlineData(new[] { "1", "2", "3", "4" }, new string[0], "TypeError: f() takes from 2 to 3 positional arguments but 4 were given")]
    [InlineData(new[] { "1", "2" }, new[] { "w" }, "TypeError: f() got an unexpected keyword argument 'w'")]
    [InlineData(new[] { "1", "2" }, new[] { "x" }, "TypeError: f() got multiple values for argument 'x'")]
    public void BadCallsRaiseCPythonsMessages(string[] positional, string[] keywords, string expected) =>
        Assert.Equal(expected, Bind(Sig, positional, keywords));

    [Fact]
    public void ThreeMissingArgumentsAreListedWithCommas()
    {
        var sig = new PySignature("g", ["a", "b", "c"], required: 3);
        Assert.Equal("TypeError: g() missing 3 required positional arguments: 'a', 'b', and 'c'", Bind(sig, [], []));
    }

    [Fact]
    public void NoParameterFunctionRefusesArguments()
    {
        var sig = new PySignature("h", [], required: 0);
        Assert.Equal("TypeError: h() takes no arguments (1 given)", Bind(sig, ["1"], []));
    }

    [Fact]
    public void AllRequiredFunctionSaysExactlyHowMany()
    {
        var sig = new PySignature("k", ["a"], required: 1);
        Assert.Equal("TypeError: k() takes 1 positional argument but 2 were given", Bind(sig, ["1", "2"], []));
    }
}
