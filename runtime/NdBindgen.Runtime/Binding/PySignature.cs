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
public sealed unsafe partial class PySignature
{
    private readonly string[] _names;
    private readonly int _required;
    private readonly int _positional;       // parameters a caller may pass by position (the keyword-only ones follow)
    private readonly int _positionalOnly;   // leading parameters a caller may not pass by keyword
    private readonly int _fastCount;        // the argument count Bind hands back as it came; -1: none
    private readonly string? _varArgs;      // the name of *args, or null
    private readonly string? _varKeywords;  // the name of **kwargs, or null
    private PyObject** _internedNames;   // interned str objects, made on first keyword call

    /// <param name="functionName">The Python-visible name, as messages show it ("add_scalars").</param>
    /// <param name="parameterNames">Python names of all parameters, in order.</param>
    /// <param name="required">How many leading parameters have no default.</param>
    public PySignature(string functionName, string[] parameterNames, int required)
        : this(functionName, parameterNames, required, positionalOnly: 0, keywordOnly: 0, null, null)
    {
    }

    /// <summary>
    /// A signature with CPython's parameter kinds: <c>(a, /, b, *args, c, **kwargs)</c> is
    /// <paramref name="parameterNames"/> [a, b, c], <paramref name="positionalOnly"/> 1,
    /// <paramref name="keywordOnly"/> 1, <paramref name="varArgs"/> "args", <paramref name="varKeywords"/> "kwargs".
    /// </summary>
    /// <param name="required">
    /// How many leading named parameters (positional, then keyword-only) have no default: C# orders
    /// optional parameters last, so those without a default are always a prefix.
    /// </param>
    public PySignature(string functionName, string[] parameterNames, int required, int positionalOnly,
        int keywordOnly, string? varArgs, string? varKeywords)
    {
        FunctionName = functionName;
        _names = parameterNames;
        _required = required;
        _positionalOnly = positionalOnly;
        _positional = parameterNames.Length - keywordOnly;
        _varArgs = varArgs;
        _varKeywords = varKeywords;
        _fastCount = keywordOnly == 0 && varArgs is null ? parameterNames.Length : -1;
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

    /// <summary>Ends the place the containers around an element wrote after <see cref="ElementMarker"/> ("[2][0]").</summary>
    internal const string PlaceEnd = "\uE001";

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

    private string? _overrideOf;   // the result of a Python override: the Python subclass's name

    /// <summary>
    /// The "signature" of the result of a Python subclass's override of a method, called from C#:
    /// "the result of the override 'speak' of Cat must be str, not int".
    /// </summary>
    public static PySignature OverrideResult(string methodName, string subclassName) =>
        new(methodName, [methodName], required: 1) { _overrideOf = subclassName };

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
        if (kwnames == null && nargs == _fastCount) return args;
        return BindSlow(args, nargs, kwnames, slots);
    }

    /// <summary>
    /// As <see cref="Bind"/>, for a signature with <c>*args</c> or <c>**kwargs</c>: <paramref name="extra"/>
    /// receives the positional arguments past the named ones (a window on the caller's array, not a copy) and
    /// where the keywords no named parameter takes are (see <see cref="PyExtraArgs"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PyObject** BindExtra(PyObject** args, nint nargsf, PyObject* kwnames, PyObject** slots, out PyExtraArgs extra)
    {
        nint nargs = (nint)((long)nargsf & ~PyConst.PY_VECTORCALL_ARGUMENTS_OFFSET);
        extra = default;
        if (kwnames == null && nargs >= _names.Length && _varArgs is not null && _positional == _names.Length)
        {
            // Every named parameter filled by position (none is keyword-only): the rest is *args.
            extra.Positional = args + _names.Length;
            extra.PositionalCount = nargs - _names.Length;
            return args;
        }
        fixed (PyExtraArgs* e = &extra) return BindSlow(args, nargs, kwnames, slots, true, e);
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
        if (kwnames == null && nargs == _fastCount)
        {
            bound = args;   // may be NULL for a call without arguments: "bound" is the answer, not the pointer
            return true;
        }
        bound = BindSlow(args, nargs, kwnames, slots, raise: false);
        return bound != null;
    }

    private PyObject** BindSlow(PyObject** args, nint nargs, PyObject* kwnames, PyObject** slots, bool raise = true)
    {
        // Positional, with trailing defaults left out (p.distance() of distance(other=None)): the arguments, then
        // NULLs. Measured 52 -> 28 instructions for that call.
        if (kwnames == null && nargs >= _required && nargs < _fastCount)
        {
            nint i = 0;
            for (; i < nargs; i++) slots[i] = args[i];
            for (; i < _fastCount; i++) slots[i] = null;
            return slots;
        }
        return BindSlow(args, nargs, kwnames, slots, raise, null);   // no *args or **kwargs: nothing to zero
    }

    // CPython's order (initialize_locals in ceval.c): positional arguments, then keywords, then too
    // many positional, then missing ones; each error worded as a Python function's.
    private PyObject** BindSlow(PyObject** args, nint nargs, PyObject* kwnames, PyObject** slots, bool raise,
        PyExtraArgs* extra)
    {
        int n = _names.Length;
        nint byPosition = Math.Min(nargs, _positional);
        for (int i = 0; i < n; i++) slots[i] = i < byPosition ? args[i] : null;
        if (_varArgs is not null && nargs > _positional && extra != null)
        {
            extra->Positional = args + _positional;
            extra->PositionalCount = nargs - _positional;
        }

        if (kwnames != null && !TakesKeywords && _varKeywords is not null && extra != null)
        {
            // No named parameter takes a keyword: **kwargs takes them all, the names looked at only as it converts.
            extra->KeywordCount = (int)PyTuple_GET_SIZE(kwnames);
            extra->KeywordNames = kwnames;
            extra->KeywordValues = args + nargs;
        }
        else if (kwnames != null)
        {
            nint nkw = PyTuple_GET_SIZE(kwnames);
            for (nint k = 0; k < nkw; k++)
            {
                PyObject* key = PyTuple_GET_ITEM(kwnames, k);
                int index = IndexOfKeyword(key);
                if (index < 0)
                {
                    if (_varKeywords is not null && extra != null)
                    {
                        extra->KeywordCount++;
                        continue;
                    }
                    if (!raise) return null;
                    throw _positionalOnly > 0 && PositionalOnlyByKeyword(kwnames, null) is { } e ? e : UnexpectedKeyword(key);
                }
                if (slots[index] != null)
                    return raise ? throw MultipleValues(index) : null;
                slots[index] = args[nargs + k];
            }
            if (extra != null && extra->KeywordCount > 0)
            {
                extra->KeywordNames = kwnames;
                extra->KeywordValues = args + nargs;
            }
        }

        if (nargs > _positional && _varArgs is null) return raise ? throw TooManyPositional(nargs, slots) : null;
        for (int i = 0; i < _required; i++)
        {
            if (slots[i] == null) return raise ? throw Missing(slots) : null;
        }
        return slots;
    }

    private Exception MultipleValues(int index) =>
        TypeError($"{FunctionName}() got multiple values for argument '{_names[index]}'");

    /// <summary>
    /// Keywords naming positional-only parameters, as CPython reports them when no <c>**kwargs</c> takes them:
    /// "f() got some positional-only arguments passed as keyword arguments: 'a, b'"; null when there are none.
    /// </summary>
    private Exception? PositionalOnlyByKeyword(PyObject* kwnames, PyObject* kwargs)
    {
        var named = new System.Collections.Generic.List<string>();
        for (int i = 0; i < _positionalOnly; i++)
        {
            PyObject* name = InternedNames()[i];
            bool given = false;
            if (kwnames != null)
            {
                nint nkw = PyTuple_GET_SIZE(kwnames);
                for (nint k = 0; k < nkw && !given; k++) given = SameName(name, PyTuple_GET_ITEM(kwnames, k));
            }
            else
            {
                nint pos = 0;
                PyObject* key, value;
                while (!given && PyDict_Next(kwargs, &pos, &key, &value) != 0) given = SameName(name, key);
            }
            if (given) named.Add(_names[i]);
        }
        return named.Count == 0 ? null : TypeError(
            $"{FunctionName}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", named)}'");
    }

    private static bool SameName(PyObject* interned, PyObject* key)
    {
        if (interned == key) return true;
        if ((Py_TYPE(key)->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) == 0) return false;
        int same = PyUnicode_Compare(interned, key);
        if (PyErr_Occurred() != null) PyErr_Clear();
        return same == 0;
    }

    /// <summary>Whether a named parameter takes keyword <paramref name="key"/> (else **kwargs does).</summary>
    public bool TakesKeyword(PyObject* key) => IndexOfKeyword(key) >= 0;

    /// <summary>Whether any named parameter may be passed by keyword (none: every keyword is **kwargs's).</summary>
    public bool TakesKeywords => _positionalOnly < _names.Length;

    /// <summary>The named parameter a keyword fills (positional-only ones are not named by keyword), or -1.</summary>
    internal int IndexOfKeyword(PyObject* key)
    {
        if (!TakesKeywords) return -1;   // no parameter takes a keyword: all go to **kwargs
        PyObject** interned = InternedNames();
        for (int i = _positionalOnly; i < _names.Length; i++)
        {
            if (interned[i] == key) return i;    // keyword names are almost always interned
        }
        for (int i = _positionalOnly; i < _names.Length; i++)
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

    private Exception TooManyPositional(nint given, PyObject** slots)
    {
        int n = _positional;
        int kwonlyGiven = 0;
        for (int i = _positional; i < _names.Length; i++)
        {
            if (slots[i] != null) kwonlyGiven++;
        }
        if (_names.Length == 0 && _varKeywords is null)
            return TypeError($"{FunctionName}() takes no arguments ({given} given)");   // METH_NOARGS's words
        int requiredPositional = Math.Min(_required, n);
        string takes = requiredPositional == n ? $"takes {n} positional argument{(n == 1 ? "" : "s")}"
            : $"takes from {requiredPositional} to {n} positional arguments";
        string kwonly = kwonlyGiven == 0 ? ""
            : $" positional argument{(given == 1 ? "" : "s")} (and {kwonlyGiven} keyword-only argument{(kwonlyGiven == 1 ? "" : "s")})";
        return TypeError($"{FunctionName}() {takes} but {given}{kwonly} {(given == 1 && kwonlyGiven == 0 ? "was" : "were")} given");
    }

    private Exception Missing(PyObject** slots)
    {
        var missing = new System.Collections.Generic.List<string>();
        int requiredPositional = Math.Min(_required, _positional);
        for (int i = 0; i < requiredPositional; i++)
        {
            if (slots[i] == null) missing.Add($"'{_names[i]}'");
        }
        if (missing.Count == 0)
        {
            for (int i = _positional; i < _required; i++)
            {
                if (slots[i] == null) missing.Add($"'{_names[i]}'");
            }
            return MissingMessage(missing, "keyword-only");
        }
        return MissingMessage(missing, "positional");
    }

    private Exception MissingMessage(System.Collections.Generic.List<string> missing, string kind)
    {
        var text = new StringBuilder();
        for (int i = 0; i < missing.Count; i++)
        {
            if (i > 0) text.Append(missing.Count == 2 ? " and " : i == missing.Count - 1 ? ", and " : ", ");
            text.Append(missing[i]);
        }
        string noun = missing.Count == 1 ? "argument" : "arguments";
        return TypeError($"{FunctionName}() missing {missing.Count} required {kind} {noun}: {text}");
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

    public string ArgumentPrefix(int index) => ArgumentPrefix(index, "");

    /// <summary>
    /// The start of a message about <paramref name="place"/> ("[2][0]", " key 'a'") inside argument
    /// <paramref name="index"/>: "f() argument 'm'[2][0]", "the result[2][0] of the callback passed as 'f' of g";
    /// an element's keeps the place between its markers for the container around it (<c>Places</c>).
    /// </summary>
    internal string ArgumentPrefix(int index, string place) =>
        _element ? ElementMarker + place + PlaceEnd
        : _objectWord is not null ? _objectWord + place
        : _callbackResult ? $"the result{place} of the callback passed as '{_names[index]}' of {FunctionName}"
        : _overrideOf is not null ? $"the result{place} of the override '{FunctionName}' of {_overrideOf}"
        : (_attributeOf is null ? $"{FunctionName}() argument {Place(index)}"
            : $"'{_attributeOf}' attribute '{_names[index]}'") + place;

    // An argument a row converts is named by its index: a named parameter's (below VarArgsBase), an element of
    // *args (VarArgsBase + its place), or a keyword **kwargs took (KeywordBase + its place in the name cache).
    // So a row's FromPython(o, sig, index) names *args[2] as it names 'x', through the same two methods.
    private const int VarArgsBase = 1 << 24;
    private const int KeywordBase = 1 << 28;

    /// <summary>The index a row's FromPython receives for element <paramref name="i"/> of <c>*args</c>.</summary>
    public static int VarArgIndex(nint i) => i < KeywordBase - VarArgsBase ? VarArgsBase + (int)i : KeywordBase - 1;

    /// <summary>"'x'", "'args'[2]" or "'scale'": the argument an index names, as messages quote it.</summary>
    private string Place(int index) =>
        index < VarArgsBase ? $"'{_names[index]}'"
        : index < KeywordBase ? $"'{_varArgs}'[{index - VarArgsBase}]"
        : $"'{_keywordNames![index - KeywordBase]}'";

    // Keywords **kwargs took, by the str object (held: the pointer stays theirs): the .NET string each becomes
    // and the index that names it in messages. Keywords are almost always the same interned strs call after
    // call, so a few entries make a dictionary's keys without decoding or allocating.
    private const int KeywordCacheSize = 32;
    private nint[]? _keywordKeys;
    private string[]? _keywordNames;
    private int _keywordCount;

    /// <summary>
    /// A keyword **kwargs takes: its name as a .NET string, and the signature and index a row's FromPython
    /// needs to name it ("f() argument 'scale' must be float, not str"). Throws for a key that is not a str.
    /// </summary>
    public PySignature ExtraKeyword(PyObject* key, out string name, out int index)
    {
        var keys = _keywordKeys ??= new nint[KeywordCacheSize];
        var names = _keywordNames ??= new string[KeywordCacheSize];
        for (int i = 0; i < _keywordCount; i++)
        {
            if (keys[i] == (nint)key)
            {
                name = names[i];
                index = KeywordBase + i;
                return this;
            }
        }
        if ((Py_TYPE(key)->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) == 0)
            throw TypeError($"{FunctionName}() keywords must be strings");
        name = Utf8.FromStr(key) ?? throw PythonException.Fetch();
        if (_keywordCount < KeywordCacheSize && Py_TYPE(key) == Builtins.UnicodeType)
        {
            keys[_keywordCount] = (nint)Py_NewRef(key);
            names[_keywordCount] = name;
            index = KeywordBase + _keywordCount++;
            return this;
        }
        index = 0;   // the cache is full (or a str subclass, which may change): a signature naming this one
        return ForValue(FunctionName, name);
    }

    /// <summary>
    /// Binds a classic (tuple, dict) call, as tp_new receives it, with the same rules and messages
    /// as <see cref="Bind"/>. Returns <paramref name="slots"/> filled with borrowed references.
    /// </summary>
    public PyObject** BindTupleDict(PyObject* args, PyObject* kwargs, PyObject** slots)
    {
        PyExtraArgs extra = default;
        return BindTupleDict(args, kwargs, slots, out extra);
    }

    /// <summary>As <see cref="BindTupleDict(PyObject*, PyObject*, PyObject**)"/>, with *args and **kwargs.</summary>
    public PyObject** BindTupleDict(PyObject* args, PyObject* kwargs, PyObject** slots, out PyExtraArgs extra)
    {
        extra = default;
        nint nargs = args == null ? 0 : PyTuple_GET_SIZE(args);
        int n = _names.Length;
        nint byPosition = Math.Min(nargs, _positional);
        for (int i = 0; i < n; i++) slots[i] = i < byPosition ? PyTuple_GET_ITEM(args, i) : null;
        if (_varArgs is not null && nargs > _positional)
        {
            extra.Positional = &((PyTupleObject*)args)->ob_item0 + _positional;
            extra.PositionalCount = nargs - _positional;
        }
        if (kwargs != null)
        {
            nint pos = 0;
            PyObject* key, value;
            while (PyDict_Next(kwargs, &pos, &key, &value) != 0)
            {
                bool isStr = (Py_TYPE(key)->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) != 0;
                int index = isStr ? IndexOfKeyword(key) : -1;
                if (index < 0)
                {
                    if (_varKeywords is not null && isStr)
                    {
                        extra.KeywordCount++;
                        continue;
                    }
                    throw _positionalOnly > 0 && PositionalOnlyByKeyword(null, kwargs) is { } e ? e : UnexpectedKeyword(key);
                }
                if (slots[index] != null) throw MultipleValues(index);
                slots[index] = value;
            }
            if (extra.KeywordCount > 0) extra.KeywordDict = kwargs;
        }
        if (nargs > _positional && _varArgs is null) throw TooManyPositional(nargs, slots);
        for (int i = 0; i < _required; i++)
        {
            if (slots[i] == null) throw Missing(slots);
        }
        return slots;
    }

    internal static PythonException TypeError(string message) => new(Builtins.TypeError, message);
}

/// <summary>
/// What a call passed beyond the named parameters, for <c>*args</c> and <c>**kwargs</c>: borrowed, valid
/// while the call runs. The keywords **kwargs takes are those of <see cref="KeywordNames"/> (vectorcall, values
/// at <see cref="KeywordValues"/>) or <see cref="KeywordDict"/> (a tuple/dict call) that no named parameter
/// takes: <see cref="PySignature.TakesKeyword"/> tells them apart again, so binding records no list.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public unsafe struct PyExtraArgs
{
    /// <summary>The positional arguments past the named ones (a window on the caller's array or tuple).</summary>
    public PyObject** Positional;
    public nint PositionalCount;
    /// <summary>How many keywords no named parameter takes.</summary>
    public int KeywordCount;
    public PyObject* KeywordNames;
    public PyObject** KeywordValues;
    public PyObject* KeywordDict;
}
