using System;
using System.ComponentModel;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Classes;

/// <summary>
/// What a generated <c>__reduce__</c> of a [PyClass] gives pickle and copy, beside the constructor's arguments:
/// the settable properties the constructor does not set (restored by setattr), or the class's own
/// <c>__getstate__</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed unsafe class PyPickling
{
    private readonly string[] _stateNames, _keywords;
    private PyObject** _names, _keywordNames;   // interned str of each name, made on first use (with the GIL)

    /// <param name="argCount">How many constructor arguments <c>__reduce__</c> reads back by position.</param>
    /// <param name="stateNames">The Python names of the settable properties the constructor does not set.</param>
    /// <param name="userGetState">The class has a <c>__getstate__</c> of its own: its result is the state.</param>
    /// <param name="keywords">The constructor's keyword-only parameters, passed by these names.</param>
    public PyPickling(int argCount, string[] stateNames, bool userGetState, string[]? keywords = null)
    {
        ArgCount = argCount;
        _stateNames = stateNames;
        UserGetState = userGetState;
        _keywords = keywords ?? [];
    }

    public int ArgCount { get; }
    public bool UserGetState { get; }
    public bool HasKeywords => _keywords.Length > 0;

    internal PyObject* Name(int i) => Interned(ref _names, _stateNames)[i];

    internal PyObject* KeywordName(int i) => Interned(ref _keywordNames, _keywords)[i];

    private static PyObject** Interned(ref PyObject** cache, string[] names)
    {
        if (cache != null) return cache;
        var made = (PyObject**)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)names.Length,
            (nuint)sizeof(PyObject*));
        for (int k = 0; k < names.Length; k++)
        {
            byte* z = Utf8.AllocPermanent(names[k]);
            made[k] = PyUnicode_InternFromString(z);
            System.Runtime.InteropServices.NativeMemory.Free(z);
            if (made[k] == null) throw PythonException.Fetch();
        }
        return cache = made;   // kept for the life of the process, as the type is
    }
}

/// <summary>
/// Builds the value of a generated <c>__reduce__</c>: <c>(cls, args)</c>, or <c>(cls, args, state)</c> when
/// there is state, where cls is the instance's own type, so <c>cls(*args)</c> makes the object again and pickle
/// applies the state by setattr (a state of <c>(None, {name: value})</c>, which pickle and copy both apply so).
/// For a Python subclass, copyreg's protocol-2 form: <c>(copyreg.__newobj__, (cls, *args), state)</c>: the
/// object is made by <c>cls.__new__</c> (the C# constructor) without the subclass's <c>__init__</c>, and its
/// <c>__dict__</c> and <c>__slots__</c> come back as state, as for any Python object.
/// Owns what it has been given until <see cref="Finish"/>; <see cref="Dispose"/> releases it if Finish was
/// not reached.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public unsafe ref struct PyReduce
{
    private static PyObject* s_newobj, s_newobjEx, s_slotnames, s_objectGetState;

    private readonly PyObject* _self;
    private readonly PyPickling _how;
    private PyObject* _args;
    private PyObject* _slots;   // dict of state names to values, made when the first value comes
    private PyObject* _kwargs;  // the keyword-only arguments, made when the first one comes

    /// <summary>Checks the call (no arguments) and makes the argument tuple.</summary>
    public PyReduce(PyObject* self, nint nargsf, PyObject* kwnames, PyPickling how)
    {
        nint nargs = nargsf & ~unchecked((nint)PyConst.PY_VECTORCALL_ARGUMENTS_OFFSET);
        if (nargs != 0 || (kwnames != null && PyTuple_GET_SIZE(kwnames) != 0))
            throw new PythonException(Builtins.TypeError, "__reduce__() takes no arguments");
        _self = self;
        _how = how;
        _args = PyTuple_New(how.ArgCount);
        if (_args == null) throw PythonException.Fetch();
        _slots = null;
        _kwargs = null;
    }

    /// <summary>The i-th constructor argument (a new reference, stolen; NULL: the error set by its conversion).</summary>
    public void Arg(int i, PyObject* value)
    {
        if (value == null) throw PythonException.Fetch();
        PyTuple_SET_ITEM(_args, i, value);
    }

    /// <summary>The value of the i-th state property (a new reference, stolen).</summary>
    public void State(int i, PyObject* value) => Put(ref _slots, _how, i, keyword: false, value);

    /// <summary>The i-th keyword-only constructor argument (a new reference, stolen).</summary>
    public void Keyword(int i, PyObject* value) => Put(ref _kwargs, _how, i, keyword: true, value);

    private static void Put(ref PyObject* dict, PyPickling how, int i, bool keyword, PyObject* value)
    {
        if (value == null) throw PythonException.Fetch();
        try
        {
            PyObject* name = keyword ? how.KeywordName(i) : how.Name(i);
            if (dict == null && (dict = PyDict_New()) == null) throw PythonException.Fetch();
            if (PyDict_SetItem(dict, name, value) < 0) throw PythonException.Fetch();
        }
        finally
        {
            Py_DECREF(value);
        }
    }

    /// <summary>The reduce tuple; <paramref name="cls"/> is the [PyClass]'s own type.</summary>
    public PyObject* Finish(PyTypeObject* cls)
    {
        PyTypeObject* type = Py_TYPE(_self);
        if (type != cls || _how.HasKeywords) return FinishNewObj(type, type != cls);
        PyObject* state = null;
        if (_how.UserGetState) state = CallMethod(_self, "__getstate__"u8);
        else if (_slots != null) state = Pair(Py_NewRef(Builtins.None), Take(ref _slots));
        return Tuple((PyObject*)type, Take(ref _args), state);
    }

    /// <summary>
    /// copyreg's forms, which call <c>cls.__new__</c>: <c>(copyreg.__newobj__, (cls, *args), state)</c> for a Python
    /// subclass (its __dict__ and slots in the state), <c>(copyreg.__newobj_ex__, (cls, args, kwargs), state)</c>
    /// when the constructor has keyword-only parameters.
    /// </summary>
    private PyObject* FinishNewObj(PyTypeObject* type, bool subclass)
    {
        EnsureCopyreg(type);
        PyObject* state = null;
        PyObject* newArgs = null;
        try
        {
            if (subclass) state = SubclassState(type);
            else if (_how.UserGetState) state = CallMethod(_self, "__getstate__"u8);
            else if (_slots != null) state = Pair(Py_NewRef(Builtins.None), Take(ref _slots));
            if (_how.HasKeywords)
            {
                if (_kwargs == null && (_kwargs = PyDict_New()) == null) throw PythonException.Fetch();
                newArgs = PyTuple_New(3);
                if (newArgs == null) throw PythonException.Fetch();
                PyTuple_SET_ITEM(newArgs, 0, Py_NewRef((PyObject*)type));
                PyTuple_SET_ITEM(newArgs, 1, Take(ref _args));
                PyTuple_SET_ITEM(newArgs, 2, Take(ref _kwargs));
                return Tuple(s_newobjEx, Take(ref newArgs), Take(ref state));
            }
            nint n = PyTuple_GET_SIZE(_args);
            newArgs = PyTuple_New(n + 1);
            if (newArgs == null) throw PythonException.Fetch();
            PyTuple_SET_ITEM(newArgs, 0, Py_NewRef((PyObject*)type));
            for (nint i = 0; i < n; i++) PyTuple_SET_ITEM(newArgs, i + 1, Py_NewRef(PyTuple_GET_ITEM(_args, i)));
            return Tuple(s_newobj, Take(ref newArgs), Take(ref state));
        }
        finally
        {
            Py_XDECREF(state);
            Py_XDECREF(newArgs);
        }
    }

    /// <summary>
    /// The state of a Python subclass's instance: its own __getstate__ if the subclass (or the class) has one,
    /// else its __dict__ and __slots__ values with the class's settable properties: (dict or None, slots), or
    /// the dict alone, or none at all.
    /// </summary>
    private PyObject* SubclassState(PyTypeObject* type)
    {
        if (_how.UserGetState || HasOwnGetState(type)) return CallMethod(_self, "__getstate__"u8);
        PyObject* dict = null;
        if (type->tp_dictoffset != 0)
        {
            dict = PyObject_GetAttrString(_self, Utf8.Z("__dict__"u8));
            if (dict == null) throw PythonException.Fetch();
            if (PyDict_Size(dict) == 0)
            {
                Py_DECREF(dict);
                dict = null;
            }
        }
        try
        {
            AddSlots(type);
        }
        catch
        {
            Py_XDECREF(dict);
            throw;
        }
        if (_slots == null) return dict;
        return Pair(dict != null ? dict : Py_NewRef(Builtins.None), Take(ref _slots));
    }

    /// <summary>The values of the subclass's __slots__ that are set (copyreg._slotnames lists them).</summary>
    private void AddSlots(PyTypeObject* type)
    {
        PyObject* cls = (PyObject*)type;
        PyObject* names = StackGuard.Call(s_slotnames, &cls, 1, null);
        if (names == null) throw PythonException.Fetch();
        try
        {
            nint n = PySequence_Size(names);
            if (n < 0) throw PythonException.Fetch();
            for (nint i = 0; i < n; i++)
            {
                PyObject* name = PySequence_GetItem(names, i);
                if (name == null) throw PythonException.Fetch();
                try
                {
                    PyObject* value = PyObject_GetAttr(_self, name);
                    if (value == null)
                    {
                        // An unset slot is not state (copyreg does the same); any other error is.
                        if (PyErr_ExceptionMatches(Builtins.AttributeError) == 0) throw PythonException.Fetch();
                        PyErr_Clear();
                        continue;
                    }
                    if (_slots == null && (_slots = PyDict_New()) == null)
                    {
                        Py_DECREF(value);
                        throw PythonException.Fetch();
                    }
                    int r = PyDict_SetItem(_slots, name, value);
                    Py_DECREF(value);
                    if (r < 0) throw PythonException.Fetch();
                }
                finally
                {
                    Py_DECREF(name);
                }
            }
        }
        finally
        {
            Py_DECREF(names);
        }
    }

    /// <summary>A __getstate__ other than object's (3.11+ has one on every object; it does not know C# state).</summary>
    private static bool HasOwnGetState(PyTypeObject* type)
    {
        PyObject* getState = PyObject_GetAttrString((PyObject*)type, Utf8.Z("__getstate__"u8));
        if (getState == null)
        {
            if (PyErr_ExceptionMatches(Builtins.AttributeError) == 0) throw PythonException.Fetch();
            PyErr_Clear();
            return false;
        }
        bool own = getState != s_objectGetState;
        Py_DECREF(getState);
        return own;
    }

    private static void EnsureCopyreg(PyTypeObject* type)
    {
        if (s_newobj != null) return;
        PyObject* copyreg = PyImport_ImportModule(Utf8.Z("copyreg"u8));
        if (copyreg == null) throw PythonException.Fetch();
        try
        {
            PyObject* newobj = PyObject_GetAttrString(copyreg, Utf8.Z("__newobj__"u8));
            PyObject* newobjEx = PyObject_GetAttrString(copyreg, Utf8.Z("__newobj_ex__"u8));
            PyObject* slotnames = PyObject_GetAttrString(copyreg, Utf8.Z("_slotnames"u8));
            if (newobj == null || newobjEx == null || slotnames == null)
            {
                Py_XDECREF(newobj);
                Py_XDECREF(newobjEx);
                Py_XDECREF(slotnames);
                throw PythonException.Fetch();
            }
            // object.__getstate__ (3.11+), or NULL where object has none; object is the root of any type's bases.
            PyTypeObject* root = type;
            while (root->tp_base != null) root = root->tp_base;
            PyObject* objectGetState = PyObject_GetAttrString((PyObject*)root, Utf8.Z("__getstate__"u8));
            if (objectGetState == null) PyErr_Clear();
            // Kept for the life of the process, as Builtins' references are.
            s_objectGetState = objectGetState;
            s_slotnames = slotnames;
            s_newobjEx = newobjEx;
            s_newobj = newobj;
        }
        finally
        {
            Py_DECREF(copyreg);
        }
    }

    private static PyObject* CallMethod(PyObject* self, ReadOnlySpan<byte> name)
    {
        PyObject* method = PyObject_GetAttrString(self, Utf8.Z(name));
        if (method == null) throw PythonException.Fetch();
        PyObject* result = StackGuard.Call(method, null, 0, null);
        Py_DECREF(method);
        return result != null ? result : throw PythonException.Fetch();
    }

    /// <summary>(a, b), both stolen.</summary>
    private static PyObject* Pair(PyObject* a, PyObject* b)
    {
        PyObject* t = PyTuple_New(2);
        if (t == null)
        {
            Py_DECREF(a);
            Py_DECREF(b);
            throw PythonException.Fetch();
        }
        PyTuple_SET_ITEM(t, 0, a);
        PyTuple_SET_ITEM(t, 1, b);
        return t;
    }

    /// <summary>(callable, args) or (callable, args, state); steals args and state, not callable.</summary>
    private static PyObject* Tuple(PyObject* callable, PyObject* args, PyObject* state)
    {
        PyObject* t = PyTuple_New(state == null ? 2 : 3);
        if (t == null)
        {
            Py_DECREF(args);
            Py_XDECREF(state);
            throw PythonException.Fetch();
        }
        PyTuple_SET_ITEM(t, 0, Py_NewRef(callable));
        PyTuple_SET_ITEM(t, 1, args);
        if (state != null) PyTuple_SET_ITEM(t, 2, state);
        return t;
    }

    private static PyObject* Take(ref PyObject* o)
    {
        PyObject* taken = o;
        o = null;
        return taken;
    }

    /// <summary>Releases what <see cref="Finish"/> did not hand over.</summary>
    public void Dispose()
    {
        Py_XDECREF(Take(ref _args));
        Py_XDECREF(Take(ref _slots));
        Py_XDECREF(Take(ref _kwargs));
    }

    /// <summary>
    /// The TypeError of a class the generator cannot reconstruct: <c>cannot pickle 'mod.X' object: why</c>, as
    /// Python words its own refusal.
    /// </summary>
    public static PyObject* Refuse(PyObject* self, string why) =>
        throw new PythonException(Builtins.TypeError,
            $"cannot pickle '{Utf8.FromC(Py_TYPE(self)->tp_name)}' object: {why}");
}
