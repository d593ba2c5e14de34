using NdBindgen.Binding;
using NdBindgen.Conversions;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// PySignature with positional-only, keyword-only, *args and **kwargs parameters: each bad call's message equals
/// the one the embedded CPython gives for the same call of a pure-Python function with that signature.
/// </summary>
public unsafe class SignatureKindsTests
{
    // (Python signature, our PySignature for it)
    private static readonly (string Text, PySignature Sig)[] Signatures =
    [
        ("(a, /, b, *args, c=1, **kwargs)", new("f", ["a", "b", "c"], 2, positionalOnly: 1, keywordOnly: 1, "args", "kwargs")),
        ("(a, b, /)", new("f", ["a", "b"], 2, positionalOnly: 2, keywordOnly: 0, null, null)),
        ("(a, /, b=2)", new("f", ["a", "b"], 1, positionalOnly: 1, keywordOnly: 0, null, null)),
        ("(a, *, b, c=3)", new("f", ["a", "b", "c"], 2, positionalOnly: 0, keywordOnly: 2, null, null)),
        ("(a=1, *, b=2)", new("f", ["a", "b"], 0, positionalOnly: 0, keywordOnly: 1, null, null)),
        ("(*, x, y)", new("f", ["x", "y"], 2, positionalOnly: 0, keywordOnly: 2, null, null)),
        ("(*args)", new("f", [], 0, positionalOnly: 0, keywordOnly: 0, "args", null)),
        ("(**kwargs)", new("f", [], 0, positionalOnly: 0, keywordOnly: 0, null, "kwargs")),
        ("(a, /, **kw)", new("f", ["a"], 1, positionalOnly: 1, keywordOnly: 0, null, "kw")),
        ("(a, b, *rest, c)", new("f", ["a", "b", "c"], 3, positionalOnly: 0, keywordOnly: 1, "rest", null)),
    ];

    public static TheoryData<int, string, string> Calls()
    {
        string[] positionals = ["", "1", "1, 2", "1, 2, 3", "1, 2, 3, 4"];
        string[] keywords = ["", "a=0", "b=0", "c=0", "x=0", "x=0, y=1", "z=0", "b=0, c=1", "a=0, b=1, z=2"];
        var data = new TheoryData<int, string, string>();
        for (int s = 0; s < Signatures.Length; s++)
            foreach (string p in positionals)
                foreach (string k in keywords)
                    data.Add(s, p, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void EveryCallBindsOrFailsAsCPythonDoes(int signature, string positional, string keywords)
    {
        var (text, sig) = Signatures[signature];
        string expected = "", actual = "";
        Run(() =>
        {
            string call = string.Join(", ", new[] { positional, keywords }.Where(x => x.Length > 0));
            PyObject* m = Eval("m", $"def f{text}: pass\ntry:\n    f({call})\n    m = ''\n"
                + "except TypeError as e:\n    m = 'TypeError: ' + str(e)");
            expected = Str(m);
            Py_DECREF(m);
            actual = BindVectorcall(sig, positional, keywords);
            string tupleDict = BindTupleDict(sig, positional, keywords);
            Assert.Equal(actual, tupleDict);
        });
        Assert.Equal(expected, actual);
    }

    private static PyObject*[] Arguments(string positional, string keywords, out PyObject* kwnames, out int nargs)
    {
        string[] ps = positional.Length == 0 ? [] : positional.Split(", ");
        string[] ks = keywords.Length == 0 ? [] : keywords.Split(", ");
        var args = new PyObject*[Math.Max(1, ps.Length + ks.Length)];
        for (int i = 0; i < ps.Length; i++) args[i] = Eval(ps[i]);
        for (int k = 0; k < ks.Length; k++) args[ps.Length + k] = Eval(ks[k].Split('=')[1]);
        kwnames = ks.Length == 0 ? null
            : Eval("(" + string.Join("", ks.Select(k => $"'{k.Split('=')[0]}',")) + ")");
        nargs = ps.Length;
        return args;
    }

    /// <summary>"" when the call binds (after checking what went where is consistent), else the error.</summary>
    private static string BindVectorcall(PySignature sig, string positional, string keywords)
    {
        var args = Arguments(positional, keywords, out PyObject* kwnames, out int nargs);
        PyObject** slots = stackalloc PyObject*[Math.Max(1, sig.Count)];
        try
        {
            fixed (PyObject** a = args)
            {
                sig.BindExtra(a, nargs, kwnames, slots, out PyExtraArgs extra);
                Assert.True(extra.PositionalCount >= 0 && extra.KeywordCount >= 0);
                return "";
            }
        }
        catch (PythonException e)
        {
            return $"{e.PythonTypeName}: {e.Message}";
        }
        finally
        {
            int n = nargs + (kwnames == null ? 0 : (int)PyTuple_GET_SIZE(kwnames));
            for (int i = 0; i < n; i++) Py_DECREF(args[i]);
            if (kwnames != null) Py_DECREF(kwnames);
        }
    }

    private static string BindTupleDict(PySignature sig, string positional, string keywords)
    {
        PyObject* tuple = Eval("(" + positional + (positional.Length > 0 ? ",)" : ")"));
        PyObject* dict = Eval("dict(" + keywords + ")");
        PyObject** slots = stackalloc PyObject*[Math.Max(1, sig.Count)];
        try
        {
            sig.BindTupleDict(tuple, dict, slots, out PyExtraArgs _);
            return "";
        }
        catch (PythonException e)
        {
            return $"{e.PythonTypeName}: {e.Message}";
        }
        finally
        {
            Py_DECREF(tuple);
            Py_DECREF(dict);
        }
    }

    [Fact]
    public void ArgsAreAWindowOnTheCallersArrayAndKwargsTheRest()
    {
        var sig = Signatures[0].Sig;   // (a, /, b, *args, c=1, **kwargs)
        Run(() =>
        {
            var args = Arguments("1.0, 2.0, 3.0, 4.0", "c=5, a=6, z=7", out PyObject* kwnames, out int nargs);
            PyObject** slots = stackalloc PyObject*[3];
            fixed (PyObject** a = args)
            {
                PyObject** bound = sig.BindExtra(a, nargs, kwnames, slots, out PyExtraArgs extra);
                Assert.True(bound[0] == a[0] && bound[1] == a[1] && bound[2] == a[4]);   // c by keyword
                Assert.True(extra.Positional == a + 2);
                Assert.Equal(2, extra.PositionalCount);
                Assert.Equal(2, extra.KeywordCount);                  // 'a' (positional-only) and 'z'
                double[] values = VarArgs.ToArray<double>(extra, sig, &Floats.ToDouble);
                Assert.Equal([3.0, 4.0], values);
                var kwargs = VarArgs.ToDictionary<double>(extra, sig, &Floats.ToDouble);
                Assert.Equal(new Dictionary<string, double> { ["a"] = 6, ["z"] = 7 }, kwargs);
                IReadOnlyDictionary<string, double> light = VarArgs.ToReadOnlyDictionary<double>(extra, sig, &Floats.ToDouble);
                Assert.Equal(["a", "z"], light.Keys);
                Assert.Equal(7.0, light["z"]);
                Assert.False(light.ContainsKey("c"));
            }
            for (int i = 0; i < args.Length; i++) Py_DECREF(args[i]);
            Py_DECREF(kwnames);
        });
    }

    [Fact]
    public void Kwargs_alone_take_every_keyword_in_the_callers_order_and_enumerate_again_and_again()
    {
        var sig = Signatures[7].Sig;   // (**kwargs): no named parameter, so binding never looks at the names
        Run(() =>
        {
            var args = Arguments("", "b=2.0, a=1.0, c=3.0", out PyObject* kwnames, out int nargs);
            fixed (PyObject** a = args)
            {
                sig.BindExtra(a, nargs, kwnames, null, out PyExtraArgs extra);
                Assert.Equal(3, extra.KeywordCount);
                IReadOnlyDictionary<string, double> kwargs = VarArgs.ToReadOnlyDictionary<double>(extra, sig, &Floats.ToDouble);
                Assert.Equal(["b", "a", "c"], kwargs.Keys);
                IEnumerable<double> values = kwargs.Values;
                Assert.Equal([2.0, 1.0, 3.0], values);
                Assert.Equal([2.0, 1.0, 3.0], values);                   // the same object enumerated again
                var pairs = new List<(double, double)>();
                foreach (double x in values)                              // nested: each enumeration its own cursor
                    foreach (double y in values)
                        pairs.Add((x, y));
                Assert.Equal(9, pairs.Count);
                Assert.Equal((3.0, 1.0), pairs[7]);
                using IEnumerator<string> keys = kwargs.Keys.GetEnumerator();
                Assert.True(keys.MoveNext() && keys.MoveNext() && keys.Current == "a");
                keys.Reset();
                Assert.True(keys.MoveNext() && keys.Current == "b");
                Assert.Throws<NotSupportedException>(() => ((IDictionary<string, double>)kwargs).Add("d", 4.0));
                Assert.Equal(3, kwargs.Count);
            }
            for (int i = 0; i < 3; i++) Py_DECREF(args[i]);
            Py_DECREF(kwnames);
        });
    }

    [Fact]
    public void APurelyPositionalCallOfArgsCopiesNothing()
    {
        var sig = new PySignature("g", ["a"], 1, positionalOnly: 0, keywordOnly: 0, "rest", null);
        Run(() =>
        {
            var args = Arguments("1, 2, 3", "", out _, out int nargs);
            fixed (PyObject** a = args)
            {
                PyObject** bound = sig.BindExtra(a, nargs, null, null, out PyExtraArgs extra);
                Assert.True(bound == a && extra.Positional == a + 1 && extra.PositionalCount == 2);
            }
            for (int i = 0; i < args.Length; i++) Py_DECREF(args[i]);
        });
    }

    [Fact]
    public void ElementErrorsNameTheirPlace()
    {
        var sig = Signatures[0].Sig;
        string args = "", kwargs = "";
        Run(() =>
        {
            var a1 = Arguments("1.0, 2.0, 3.0, 4.0, 'x'", "", out PyObject* k1, out int n1);
            PyObject** slots = stackalloc PyObject*[3];
            fixed (PyObject** a = a1)
            {
                sig.BindExtra(a, n1, k1, slots, out PyExtraArgs extra);
                args = Assert.Throws<PythonException>(() => VarArgs.ToArray<double>(extra, sig, &Floats.ToDouble)).Message;
            }
            for (int i = 0; i < a1.Length; i++) Py_DECREF(a1[i]);
            var a2 = Arguments("1.0, 2.0", "scale='x'", out PyObject* k2, out int n2);
            fixed (PyObject** a = a2)
            {
                sig.BindExtra(a, n2, k2, slots, out PyExtraArgs extra);
                kwargs = Assert.Throws<PythonException>(() => VarArgs.ToDictionary<double>(extra, sig, &Floats.ToDouble)).Message;
            }
            for (int i = 0; i < a2.Length; i++) Py_DECREF(a2[i]);
            Py_DECREF(k2);
        });
        Assert.Equal("f() argument 'args'[2] must be float, not str", args);
        Assert.Equal("f() argument 'scale' must be float, not str", kwargs);
    }

    /// <summary>What the generator's converter for double? does: None is null, else the row's own conversion.</summary>
    private static double? OptionalDouble(PyObject* o, PySignature sig, int index) =>
        Args.IsNone(o) ? null : Floats.ToDouble(o, sig, index);

    [Fact]
    public void ArgsOfOptionalElementsAsAList()
    {
        var sig = new PySignature("g", [], 0, positionalOnly: 0, keywordOnly: 0, "values", null);
        string error = "";
        Run(() =>
        {
            var args = Arguments("1.5, None, 3", "", out _, out int nargs);
            fixed (PyObject** a = args)
            {
                sig.BindExtra(a, nargs, null, null, out PyExtraArgs extra);
                List<double?> values = VarArgs.ToList<double?>(extra, sig, &OptionalDouble);
                Assert.Equal([1.5, null, 3.0], values);
                values.Add(4.0);   // the method's own list
                Assert.Empty(VarArgs.ToList<double?>(default, sig, &OptionalDouble));
            }
            for (int i = 0; i < args.Length; i++) Py_DECREF(args[i]);
            var bad = Arguments("None, 'x'", "", out _, out int n2);
            fixed (PyObject** a = bad)
            {
                sig.BindExtra(a, n2, null, null, out PyExtraArgs extra);
                error = Assert.Throws<PythonException>(() => VarArgs.ToList<double?>(extra, sig, &OptionalDouble)).Message;
            }
            for (int i = 0; i < bad.Length; i++) Py_DECREF(bad[i]);
        });
        Assert.Equal("g() argument 'values'[1] must be float, not str", error);
    }
}
