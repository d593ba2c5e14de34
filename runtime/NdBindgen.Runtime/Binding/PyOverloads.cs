using System;
using System.ComponentModel;
using System.Text;
using NdBindgen.Core;
using NdBindgen.Interop;
using NdBindgen.NumPy;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Binding;

/// <summary>
/// One Python callable made of several C# overloads. The generated dispatcher tries each
/// overload's <see cref="PySignature.TryBind"/> and <see cref="Conversions.ArgMatches"/> checks,
/// first asking for exact types and then allowing conversions, and calls the first that binds;
/// when none does it raises <see cref="NoMatch"/>, nanobind's message listing every signature.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed unsafe class PyOverloads
{
    private readonly string[] _signatures;

    /// <param name="functionName">The Python-visible name, as messages show it ("length", "Point.scale").</param>
    /// <param name="signatures">Each overload's Python signature, in the order they are tried ("length(x: float, y: float) -> float").</param>
    public PyOverloads(string functionName, string[] signatures)
    {
        FunctionName = functionName;
        _signatures = signatures;
    }

    public string FunctionName { get; }

    /// <summary>
    /// The TypeError for a call no overload takes: "length(): incompatible function arguments. The
    /// following argument types are supported:", the numbered signatures, and the types it was
    /// invoked with (keywords as "kwargs = { name: type }").
    /// </summary>
    public PythonException NoMatch(PyObject** args, nint nargsf, PyObject* kwnames)
    {
        var text = new StringBuilder();
        text.Append(FunctionName).Append("(): incompatible function arguments. The following argument types are supported:\n");
        for (int i = 0; i < _signatures.Length; i++) text.Append("    ").Append(i + 1).Append(". ").Append(_signatures[i]).Append('\n');
        text.Append("\nInvoked with types: ");
        nint nargs = (nint)((long)nargsf & ~PyConst.PY_VECTORCALL_ARGUMENTS_OFFSET);
        for (nint i = 0; i < nargs; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(TypeName(args[i]));
        }
        nint nkw = kwnames == null ? 0 : PyTuple_GET_SIZE(kwnames);
        if (nkw > 0)
        {
            text.Append(nargs > 0 ? ", kwargs = { " : "kwargs = { ");
            for (nint k = 0; k < nkw; k++)
            {
                if (k > 0) text.Append(", ");
                text.Append(Utf8.FromStr(PyTuple_GET_ITEM(kwnames, k)) ?? "?").Append(": ").Append(TypeName(args[nargs + k]));
            }
            text.Append(" }");
        }
        if (PyErr_Occurred() != null) PyErr_Clear();   // a keyword that is not valid UTF-8 shows as "?"
        return new PythonException(Builtins.TypeError, text.ToString());
    }

    /// <summary>
    /// tp_new of a class with overloaded constructors: its (tuple, dict) arguments laid out as a
    /// vectorcall's (positional values, then keyword values, their names in a new tuple) and handed
    /// to the same dispatcher the type's vectorcall is, with <paramref name="type"/> (the class or a
    /// Python subclass) as its self. Only Python subclasses and explicit <c>__new__</c> calls come this way.
    /// </summary>
    public static PyObject* NewFromTupleDict(delegate* unmanaged<PyObject*, PyObject**, nint, PyObject*, PyObject*> dispatch,
        PyTypeObject* type, PyObject* args, PyObject* kwargs)
    {
        nint nargs = args == null ? 0 : PyTuple_GET_SIZE(args);
        nint nkw = kwargs == null ? 0 : PyDict_Size(kwargs);
        int count = (int)(nargs + nkw);
        Span<nint> buffer = count <= 16 ? stackalloc nint[16] : new nint[count];
        fixed (nint* pointers = buffer)
            return FromStack(dispatch, (PyObject*)type, args, kwargs, (PyObject**)pointers, nargs, nkw);
    }

    /// <summary>
    /// tp_call of an instance with a <c>[PyMethod("__call__")]</c>: <c>obj(*args, **kwargs)</c> laid out as
    /// a vectorcall's and handed to the method's entry point (or its overloads' dispatcher), the same one
    /// <c>obj.__call__(...)</c> reaches.
    /// </summary>
    public static PyObject* CallFromTupleDict(delegate* unmanaged<PyObject*, PyObject**, nint, PyObject*, PyObject*> method,
        PyObject* self, PyObject* args, PyObject* kwargs)
    {
        nint nargs = args == null ? 0 : PyTuple_GET_SIZE(args);
        nint nkw = kwargs == null ? 0 : PyDict_Size(kwargs);
        int count = (int)(nargs + nkw);
        Span<nint> buffer = count <= 16 ? stackalloc nint[16] : new nint[count];
        fixed (nint* pointers = buffer)
            return FromStack(method, self, args, kwargs, (PyObject**)pointers, nargs, nkw);
    }

    private static PyObject* FromStack(delegate* unmanaged<PyObject*, PyObject**, nint, PyObject*, PyObject*> dispatch,
        PyObject* self, PyObject* args, PyObject* kwargs, PyObject** stack, nint nargs, nint nkw)
    {
        for (nint i = 0; i < nargs; i++) stack[i] = PyTuple_GET_ITEM(args, i);
        PyObject* kwnames = null;
        if (nkw > 0)
        {
            kwnames = PyTuple_New(nkw);
            if (kwnames == null) throw PythonException.Fetch();
            nint pos = 0, k = 0;
            PyObject* key, value;
            while (k < nkw && PyDict_Next(kwargs, &pos, &key, &value) != 0)
            {
                PyTuple_SET_ITEM(kwnames, k, Py_NewRef(key));
                stack[nargs + k++] = value;   // borrowed from the dict, which the caller holds
            }
        }
        try
        {
            return dispatch(self, stack, nargs, kwnames);
        }
        finally
        {
            Py_XDECREF(kwnames);
        }
    }

    /// <summary>The argument's type as the signatures write it: numpy arrays with their dtype ("numpy.ndarray[int32]").</summary>
    private static string TypeName(PyObject* o)
    {
        string name = PyFormat.TypeName(o);
        NumPyApiTable* api = NumPyRuntime.IfImported();
        if (api == null || !NumPyRuntime.IsArray(api, o)) return name;
        PyObject* dtype = PyObject_Str((PyObject*)((PyArrayObject*)o)->descr);
        if (dtype == null)
        {
            PyErr_Clear();
            return name;
        }
        string? dtypeName = Utf8.FromStr(dtype);
        Py_DECREF(dtype);
        if (dtypeName is null) PyErr_Clear();
        return dtypeName is null ? name : $"{name}[{dtypeName}]";
    }
}
