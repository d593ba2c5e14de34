using System;
using System.Text;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

// Using a Python object from C#: attributes and calls. Every method takes the GIL token; results
// are new owned references (bound to the open PyScope, if any). Conversion to C# values
// (ToDouble, ...) is in Conversions/ConversionExtensions.cs.
public partial class PyRef
{
    /// <summary><c>obj.name</c>.</summary>
    public unsafe PyRef GetAttr(Python py, string name)
    {
        PyObject* key = Utf8.NewStr(name);
        try
        {
            PyObject* value;
            using (PyScope.EnterPython()) value = PyObject_GetAttr(Handle, key);   // a property may call back into a module
            return Own(value);
        }
        finally
        {
            Py_DECREF(key);
        }
    }

    /// <summary><c>obj.name = value</c>.</summary>
    public unsafe void SetAttr(Python py, string name, PyRef value)
    {
        PyObject* key = Utf8.NewStr(name);
        try
        {
            int status;
            using (PyScope.EnterPython()) status = PyObject_SetAttr(Handle, key, value.Handle);
            if (status < 0) throw PythonException.Fetch();
        }
        finally
        {
            Py_DECREF(key);
        }
    }

    /// <summary><c>obj(*args)</c>.</summary>
    public unsafe PyRef Call(Python py, params ReadOnlySpan<PyRef> args) => Call(py, args, default);

    /// <summary><c>obj(*args, **kwargs)</c>, keyword arguments as (name, value) pairs.</summary>
    public unsafe PyRef Call(Python py, ReadOnlySpan<PyRef> args, ReadOnlySpan<(string Name, PyRef Value)> kwargs)
    {
        PyObject** argv = stackalloc PyObject*[args.Length + 1];
        for (int i = 0; i < args.Length; i++) argv[i + 1] = args[i].Handle;
        PyRef? dict = null;
        try
        {
            if (kwargs.Length > 0)
            {
                dict = py.NewDict();
                foreach (var (name, value) in kwargs)
                {
                    fixed (byte* key = Encoding.UTF8.GetBytes(name + "\0"))
                        if (PyDict_SetItemString(dict.Handle, key, value.Handle) < 0) throw PythonException.Fetch();
                }
            }
            // argv[0] is scratch space vectorcall may use (PY_VECTORCALL_ARGUMENTS_OFFSET).
            nuint nargsf = (nuint)args.Length | unchecked((nuint)PyConst.PY_VECTORCALL_ARGUMENTS_OFFSET);
            PyObject* result;
            // Behind a barrier: a module function the callee calls makes references for itself, not for our scope;
            // StackGuard: deep recursion is a RecursionError, not a crash.
            using (PyScope.EnterPython()) result = StackGuard.Call(Handle, argv + 1, nargsf, dict is null ? null : dict.Handle);
            return Own(result);
        }
        finally
        {
            dict?.Dispose();
        }
    }

    /// <summary>Calls the method <paramref name="name"/>: <c>obj.name(*args)</c>.</summary>
    public PyRef CallMethod(Python py, string name, params ReadOnlySpan<PyRef> args)
    {
        using var method = GetAttr(py, name);
        return method.Call(py, args);
    }

    /// <summary>True for callables (functions, classes, objects with __call__).</summary>
    public unsafe bool IsCallable(Python py) => PyCallable_Check(Handle) != 0;

    /// <summary>True when this is None.</summary>
    public unsafe bool IsNone(Python py) => Handle == Builtins.None;

    /// <summary><c>repr(obj)</c>.</summary>
    public unsafe string Repr(Python py)
    {
        PyObject* r;
        using (PyScope.EnterPython()) r = PyObject_Repr(Handle);
        if (r == null) throw PythonException.Fetch();
        try
        {
            return Utf8.FromStr(r) ?? throw PythonException.Fetch();
        }
        finally
        {
            Py_DECREF(r);
        }
    }

    /// <summary>The reference count (for diagnostics and the Memory example).</summary>
    public unsafe nint RefCount(Python py) => Handle->ob_refcnt;
}
