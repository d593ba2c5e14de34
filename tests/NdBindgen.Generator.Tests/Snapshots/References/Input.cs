using System;
using System.Collections.Generic;
using NdBindgen;

namespace Samples;

// Which references and callbacks the wrapper releases when the call returns: those the method only
// uses (calls, reads, compares with null, hands to the runtime's own objects), always; those it may
// keep (stores, returns, passes on, captures), only if it threw.
public static class References
{
    private static readonly List<PyRef> s_kept = new();

    /// <summary>Calls f; does not keep it.</summary>
    [PyFunction]
    public static double Apply(Func<double, double> f, double x) => f(x);

    /// <summary>Reads an attribute of obj and sets one on it; keeps neither.</summary>
    [PyFunction]
    public static PyRef Swap(Python py, PyRef obj, string name, PyRef value)
    {
        if (obj is null) throw new ArgumentNullException(nameof(obj));
        PyRef old = obj.GetAttr(py, name);
        obj.SetAttr(py, name, value);
        return old;
    }

    /// <summary>Keeps obj.</summary>
    [PyFunction]
    public static int Keep(PyRef obj)
    {
        s_kept.Add(obj);
        return s_kept.Count;
    }

    /// <summary>Captures f in a lambda: may keep it.</summary>
    [PyFunction]
    public static double Later(Func<double, double> f) => new Func<double>(() => f(1.0))();

    private static PyRef? s_cached;

    /// <summary>Returns its argument: the wrapper's reference is handed back (HandOver).</summary>
    [PyFunction]
    public static PyRef Identity(PyRef x) => x;

    /// <summary>Returns a field: Python gets a reference of its own (FromRef), the field keeps one.</summary>
    [PyFunction]
    public static PyRef Cached(Python py) => s_cached ??= py.Eval("[]");

    /// <summary>A new reference also stored in a field: not handed over (FromRef).</summary>
    [PyFunction]
    public static PyRef Stored(Python py)
    {
        PyRef made = py.Eval("{}");
        s_cached = made;
        return made;
    }

    /// <summary>Either of two new references: handed over.</summary>
    [PyFunction]
    public static PyRef Either(Python py, PyRef f, bool first) => first ? f.Call(py) : py.Eval("()");
}
