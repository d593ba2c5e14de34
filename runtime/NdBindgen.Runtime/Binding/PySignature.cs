using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Binding;

/// <summary>
/// What Python needs to know to call one exported function: its name and its parameters.
/// Binds vectorcall arguments (positional, then keywords) to parameter slots with CPython's own
/// rules and messages. One instance per export, created by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed unsafe class PySignature
{
    private readonly string[] _names;
    private readonly int _required;
    private PyObject** _internedNames;   // interned str objects, made on first keyword call

    /// <param name="functionName">The Python-visible name, as messages show it ("add_scalars").</param>
    /// <param name="parameterNames">Python names of all parameters, in order.</param>
    /// <param name="required">How many leading parameters have no default.</param>
    public PySignature(string functionName, string[] parameterNames, int required)
    {
        FunctionName = functionName;
        _names = parameterNames;
        _required = required;
    }

    private string? _attributeOf;   // set for attribute setters: messages name the attribute, not a call

    /// <summary>The "signature" of an attribute setter: messages read "'Point' attribute 'x' must be float, not str".</summary>
    public static PySignature ForAttribute(string typeName, string attributeName) =>
        new(attributeName, [attributeName], required: 1) { _attributeOf = typeName };

    /// <summary>
    /// The "signature" of a value converted outside a call (<c>obj.ToDouble(py)</c>; a callback's result uses <see cref="CallbackResult"/>):
    /// messages read "PyRef() argument 'value' must be float, not str".
    /// </summary>
    public static PySignature ForValue(string owner, string valueName) => new(owner, [valueName], required: 1);

    private bool _element;   // messages start with ElementMarker, which the enclosing container replaces

    /// <summary>A private-use character no message of a real signature contains.</summary>
    internal const string ElementMarker = "\uE000";

    /// <summary>
    /// The "signature" a container converts its elements under: every message starts with a marker the
    /// container replaces with where the element is ("f() argument 'xs'[3]"), on the error path only.
    /// </summary>
    public static PySignature Element { get; } = new("", [""], required: 1) { _element = true };

    private bool _callbackResult;               // messages name the parameter and function a callback came from
    private PySignature?[]? _callbackResults;   // made on first use, one per parameter

    /// <summary>
    /// The "signature" of the result of a callback passed as parameter <paramref name="index"/>:
    /// "callback passed as 'fn' of call_from_threads returned str, expected int". Made once per parameter.
    /// </summary>
    public PySignature CallbackResult(int index)
    {
        var made = _callbackResults ??= new PySignature?[_names.Length];
        return made[index] ??= new PySignature(FunctionName, [_names[index]], required: 1) { _callbackResult = true };
    }

    public string FunctionName { get; }

    public int Count => _names.Length;

    public string ParameterName(int index) => _names[index];

    /// <summary>
    /// Binds arguments to slots. Returns <paramref name="args"/> itself when the call is purely
    /// positional and complete (the common case: no copying); otherwise fills
    /// <paramref name="slots"/> (length <see cref="Count"/>) with borrowed references or NULL for
    /// "not given, use the default" and returns it. Throws a TypeError <see cref="PythonException"/>
    /// when the arguments do not fit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyObject** Bind(PyObject** args, nint nargsf, PyObject* kwnames, PyObject** slots)
    {
        nint nargs = (nint)((long)nargsf & ~PyConst.PY_VECTORCALL_ARGUMENTS_OFFSET);
        if (kwnames == null && nargs == _names.Length) return args;
        return BindSlow(args, nargs, kwnames, slots);
    }

    /// <summary>
    /// As <see cref="Bind"/>, but answers false instead of raising when the arguments do not fit
    /// this signature (too many, an unknown or repeated keyword, a required one missing): an
    /// overload dispatcher's first question. Leaves no Python error set.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryBind(PyObject** args, nint nargsf, PyObject* kwnames, PyObject** slots, out PyObject** bound)
    {
        nint nargs = (nint)((long)nargsf & ~PyConst.PY_VECTORCALL_ARGUMENTS_OFFSET);
        if (kwnames == null && nargs == _names.Length)
        {
            bound = args;   // may be NULL for a call without arguments: "bound" is the answer, not the pointer
            return true;
        }
        bound = BindSlow(args, nargs, kwnames, slots, raise: false);
        return bound != null;
    }

    private PyObject** BindSlow(PyObject** args, nint nargs, PyObject* kwnames, PyObject** slots, bool raise = true)
    {
        int n = _names.Length;
        if (nargs > n) return raise ? throw TooManyPositional(nargs) : null;
        for (int i = 0; i < n; i++) slots[i] = i < nargs ? args[i] : null;

        if (kwnames != null)
        {
            nint nkw = PyTuple_GET_SIZE(kwnames);
            for (nint k = 0; k < nkw; k++)
            {
                PyObject* key = PyTuple_GET_ITEM(kwnames, k);
                int index = IndexOfKeyword(key);
                if (index < 0) return raise ? throw UnexpectedKeyword(key) : null;
                if (slots[index] != null)
                    return raise ? throw TypeError($"{FunctionName}() got multiple values for argument '{_names[index]}'") : null;
                slots[index] = args[nargs + k];
            }
        }

        for (int i = 0; i < _required; i++)
        {
            if (slots[i] == null) return raise ? throw Missing(slots) : null;
        }
        return slots;
    }

    private int IndexOfKeyword(PyObject* key)
    {
        PyObject** interned = InternedNames();
        for (int i = 0; i < _names.Length; i++)
        {
            if (interned[i] == key) return i;    // keyword names are almost always interned
        }
        for (int i = 0; i < _names.Length; i++)
        {
            if (PyUnicode_Compare(interned[i], key) == 0) return i;
        }
        if (PyErr_Occurred() != null) PyErr_Clear();
        return -1;
    }

    private PyObject** InternedNames()
    {
        if (_internedNames != null) return _internedNames;
        var names = (PyObject**)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)Math.Max(1, _names.Length), (nuint)sizeof(PyObject*));
        for (int i = 0; i < _names.Length; i++)
        {
            byte* utf8 = Utf8.AllocPermanent(_names[i]);
            names[i] = PyUnicode_InternFromString(utf8);
            System.Runtime.InteropServices.NativeMemory.Free(utf8);
            if (names[i] == null) throw PythonException.Fetch();
        }
        _internedNames = names;
        return names;
    }

    private Exception TooManyPositional(nint given)
    {
        int n = _names.Length;
        string takes = n == 0 ? "takes no arguments"
            : _required == n ? $"takes {n} positional argument{(n == 1 ? "" : "s")}"
            : $"takes from {_required} to {n} positional arguments";
        return n == 0
            ? TypeError($"{FunctionName}() takes no arguments ({given} given)")
            : TypeError($"{FunctionName}() {takes} but {given} {(given == 1 ? "was" : "were")} given");
    }

    private Exception Missing(PyObject** slots)
    {
        var missing = new System.Collections.Generic.List<string>();
        for (int i = 0; i < _required; i++)
        {
            if (slots[i] == null) missing.Add($"'{_names[i]}'");
        }
        var text = new StringBuilder();
        for (int i = 0; i < missing.Count; i++)
        {
            if (i > 0) text.Append(missing.Count == 2 ? " and " : i == missing.Count - 1 ? ", and " : ", ");
            text.Append(missing[i]);
        }
        string noun = missing.Count == 1 ? "argument" : "arguments";
        return TypeError($"{FunctionName}() missing {missing.Count} required positional {noun}: {text}");
    }

    /// <summary>"f() argument 'x' must be float, not str": the wrong-type error for parameter <paramref name="index"/>.</summary>
    public Exception WrongType(int index, string expected, PyObject* actual) => !_callbackResult
        ? TypeError($"{ArgumentPrefix(index)} must be {expected}, not {PyFormat.TypeName(actual)}")
        : TypeError($"callback passed as '{_names[index]}' of {FunctionName} returned {PyFormat.TypeName(actual)}, expected {expected}");

    /// <summary>"f() argument 'x'", the start of every message about one argument.</summary>
    /// <summary>
    /// The TypeError for a keyword no parameter has, the name as Python spells it: the message is
    /// put together from str objects, so a name with a NUL or a lone surrogate comes through whole.
    /// </summary>
    private Exception UnexpectedKeyword(PyObject* key)
    {
        if ((Py_TYPE(key)->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) == 0)
            return TypeError($"{FunctionName}() keywords must be strings");
        PyObject* head = Utf8.NewStr($"{FunctionName}() got an unexpected keyword argument '");
        PyObject* tail = Utf8.NewStr("'");
        PyObject* named = PyUnicode_Concat(head, key);
        PyObject* message = named == null ? null : PyUnicode_Concat(named, tail);
        Py_DECREF(head);
        Py_DECREF(tail);
        Py_XDECREF(named);
        if (message == null) return PythonException.Fetch();
        PyErr_SetObject(Builtins.TypeError, message);
        Py_DECREF(message);
        return PythonException.Fetch();
    }

    public string ArgumentPrefix(int index) =>
        _element ? ElementMarker
        : _callbackResult ? $"the result of the callback passed as '{_names[index]}' of {FunctionName}"
        : _attributeOf is null ? $"{FunctionName}() argument '{_names[index]}'" : $"'{_attributeOf}' attribute '{_names[index]}'";

    /// <summary>
    /// Binds a classic (tuple, dict) call, as tp_new receives it, with the same rules and messages
    /// as <see cref="Bind"/>. Returns <paramref name="slots"/> filled with borrowed references.
    /// </summary>
    public PyObject** BindTupleDict(PyObject* args, PyObject* kwargs, PyObject** slots)
    {
        nint nargs = args == null ? 0 : PyTuple_GET_SIZE(args);
        int n = _names.Length;
        if (nargs > n) throw TooManyPositional(nargs);
        for (int i = 0; i < n; i++) slots[i] = i < nargs ? PyTuple_GET_ITEM(args, i) : null;
        if (kwargs != null)
        {
            nint pos = 0;
            PyObject* key, value;
            while (PyDict_Next(kwargs, &pos, &key, &value) != 0)
            {
                int index = (Py_TYPE(key)->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) != 0 ? IndexOfKeyword(key) : -1;
                if (index < 0) throw UnexpectedKeyword(key);
                if (slots[index] != null)
                    throw TypeError($"{FunctionName}() got multiple values for argument '{_names[index]}'");
                slots[index] = value;
            }
        }
        for (int i = 0; i < _required; i++)
        {
            if (slots[i] == null) throw Missing(slots);
        }
        return slots;
    }

    internal static PythonException TypeError(string message) => new(Builtins.TypeError, message);
}
