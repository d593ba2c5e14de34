using System;
using System.ComponentModel;
using NdBindgen.Binding;
using NdBindgen.Classes;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// One overridable (<c>virtual</c> or <c>abstract</c>) <c>[PyMethod]</c> of a class, as the C# object of an
/// instance of a Python subclass looks for the subclass's override of it: the method's interned name and the
/// class's own method descriptor, set when the type is registered.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed unsafe class PyOverride(string pythonName)
{
    private PyObject* _name;   // interned str, kept for the life of the process
    private PyObject* _own;    // the class's own method descriptor (a reference kept for the process)
    private PyTypeObject* _lastType;
    private PySignature? _lastSignature;

    public string PythonName { get; } = pythonName;

    /// <summary>Finds the class's own descriptor of the name (called by Register, after the type is made).</summary>
    public void Bind(PyTypeObject* type)
    {
        fixed (byte* p = System.Text.Encoding.UTF8.GetBytes(PythonName + "\0")) _name = PyUnicode_InternFromString(p);
        if (_name == null) throw PythonException.Fetch();
        _own = _PyType_Lookup(type, _name);
        if (_own == null) throw new InvalidOperationException($"the type has no attribute '{PythonName}' to override");
        Py_INCREF(_own);
    }

    // The last type asked about, its version tag then, and its override (borrowed from its dict; null: none).
    private PyTypeObject* _cachedType;
    private uint _cachedTag;
    private PyObject* _cachedFound;

    /// <summary>
    /// The override on <paramref name="type"/> (borrowed), or null when the attribute there is the class's own
    /// method. The answer is kept with the type's version tag, which CPython clears whenever the type or one of
    /// its bases changes (a class attribute assigned, deleted) and never gives out twice: while it is the same,
    /// so is the answer, and the attribute is still in the type's dict. Saves _PyType_Lookup's call: measured
    /// 60 ns of a 97 ns C# call of a method a Python subclass does not override.
    /// </summary>
    internal PyObject* Lookup(PyTypeObject* type)
    {
        uint tag = type->tp_version_tag;
        // Up to 3.12 a change clears the flag (3.11 keeps the old tag beside it); 3.12+ set the tag to 0.
        if (type == _cachedType && tag != 0 && tag == _cachedTag
            && ((type->tp_flags & PyConst.Py_TPFLAGS_VALID_VERSION_TAG) != 0 || PythonVersions.RunningMinor >= 13))
            return _cachedFound;
        PyObject* found = _PyType_Lookup(type, _name);   // assigns the type a tag when it has none
        if (found == _own) found = null;
        _cachedType = type;
        _cachedTag = (type->tp_flags & PyConst.Py_TPFLAGS_VALID_VERSION_TAG) != 0 || PythonVersions.RunningMinor >= 13
            ? type->tp_version_tag : 0;
        _cachedFound = found;
        return found;
    }

    /// <summary>
    /// The signature a result converts under: "the result of the override 'speak' of Cat must be str, not int".
    /// One per override, remade when another subclass's override returns (under the GIL: no race).
    /// </summary>
    internal PySignature ResultSignature(PyTypeObject* type)
    {
        if (_lastType == type && _lastSignature is not null) return _lastSignature;
        _lastSignature = PySignature.OverrideResult(PythonName, Utf8.FromC(type->tp_name));
        _lastType = type;
        return _lastSignature;
    }
}

/// <summary>
/// The C# side of a Python override (pybind11's trampoline): the generated subclass behind every instance of
/// a Python subclass overrides each overridable method with
/// <code>
/// var call = new PyOverrideCall();
/// if (!call.Find(__NdBindgenPythonObject, this, s_override)) return base.Speak(times);
/// try { argv...; call.Arg&lt;int, Conv_int&gt;(argv, 0, times); return call.Result&lt;string, Conv_string&gt;(call.Invoke(argv, 1)); }
/// finally { call.Dispose(); }
/// </code>
/// <see cref="Find"/> takes the GIL when the thread does not hold it, and gives it back at once when the
/// Python type has no override, so the C# method runs as it would without Python. The arguments live in a
/// vectorcall array of 2 + n slots: slot 0 free for the callee (PY_VECTORCALL_ARGUMENTS_OFFSET), slot 1 for
/// self when the override is a plain function, the arguments after.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public unsafe ref struct PyOverrideCall
{
    private GilGuard _gil;
    private PyObject* _callable;   // owned: the function (called with self) or the bound object
    private PyObject* _self;       // borrowed: set when the callable takes self as its first argument
    private PyTypeObject* _type;
    private PyOverride _override;
    private PyObject** _argv;
    private int _built;            // arguments converted and not yet handed to the call

    /// <summary>
    /// Looks for the override of <paramref name="o"/>'s method on the Python type of <paramref name="instance"/>'s
    /// object: an attribute of the name that is not the class's own descriptor, looked up through the MRO as Python
    /// does, so a class attribute assigned after the instance was made counts; an instance attribute does not, as
    /// for Python's own special methods. No Python object (it died while C# kept the object): none. Fills this
    /// call in place (a local of the generated override; returning it copied 56 bytes, measured).
    /// </summary>
    /// <param name="self">The instance's Python object as the C# object links it (its field, read without the GIL:
    /// null skips taking the GIL for an object Python no longer has).</param>
    /// <returns>True: call <see cref="Invoke"/>, then <see cref="Dispose"/>. False: nothing is held.</returns>
    public bool Find(PyObject* self, IPyClass instance, PyOverride o)
    {
        _override = o;
        if (self == null) return false;
        if (PyGILState_Check() == 0)
        {
            _gil = Python.Acquire();
            self = instance.PythonObject;   // again, with the GIL: the object may have died meanwhile
        }
        try
        {
            PyObject* found = self == null ? null : o.Lookup(Py_TYPE(self));
            if (found == null)
            {
                _gil.Dispose();
                return false;
            }
            PyTypeObject* type = Py_TYPE(self);
            _type = type;
            PyTypeObject* kind = Py_TYPE(found);
            if ((kind->tp_flags & PyConst.Py_TPFLAGS_METHOD_DESCRIPTOR) != 0)
            {
                // A Python function (what "def speak(self)" makes): called with self, no bound method made.
                _callable = Py_NewRef(found);
                _self = self;
            }
            else if (kind->tp_descr_get != 0)
            {
                // staticmethod, classmethod, a descriptor of the user's: what obj.speak would give.
                Py_INCREF(found);   // the descriptor may drop the last reference to itself
                var get = (delegate* unmanaged<PyObject*, PyObject*, PyObject*, PyObject*>)kind->tp_descr_get;
                PyObject* bound = get(found, self, (PyObject*)type);
                Py_DECREF(found);
                if (bound == null) throw PythonException.Fetch();
                _callable = bound;
            }
            else
            {
                _callable = Py_NewRef(found);   // any other callable class attribute is called as it is
            }
            return true;
        }
        catch
        {
            _gil.Dispose();
            throw;
        }
    }

    /// <summary>Argument <paramref name="index"/> (from 0) into <c>argv[2 + index]</c>, a new reference.</summary>
    public void Arg<T, C>(PyObject** argv, int index, T value) where C : IPyConverter<T>
    {
        _argv = argv;
        argv[2 + index] = C.ToPython(value);
        _built = index + 1;
    }

    /// <summary>
    /// Calls the override with <c>argv[2..2+count]</c> (whose references it releases, whatever happens); returns
    /// the result, a new reference, or throws the override's exception as a <see cref="PythonException"/>.
    /// </summary>
    public PyObject* Invoke(PyObject** argv, int count)
    {
        try
        {
            PyObject** args = argv + 2;
            nint n = count;
            if (_self != null)
            {
                args = argv + 1;
                argv[1] = _self;
                n++;
            }
            nuint nargsf = (nuint)n | unchecked((nuint)PyConst.PY_VECTORCALL_ARGUMENTS_OFFSET);
            PyObject* result;
            // Behind a barrier: module functions the override calls make references for themselves, not for an
            // open PyScope; StackGuard: deep recursion is a RecursionError, not a crash.
            using (PyScope.EnterPython()) result = StackGuard.Call(_callable, args, nargsf, null);
            return result != null ? result : throw PythonException.Fetch();
        }
        finally
        {
            for (int i = 0; i < count; i++) Py_DECREF(argv[2 + i]);
            _built = 0;
        }
    }

    /// <summary>Converts and releases the override's <paramref name="result"/>.</summary>
    public readonly TResult Result<TResult, CR>(PyObject* result) where CR : IPyConverter<TResult>
    {
        try
        {
            TResult value = CR.FromPython(result, _override.ResultSignature(_type), 0);
            // A PyRef the C# code receives is the open scope's, as every PyRef an API call returns.
            if (value is PyRef reference) PyScope.Track(reference);
            return value;
        }
        finally
        {
            Py_DECREF(result);
        }
    }

    /// <summary>A void method's override: whatever it returns is dropped.</summary>
    public readonly void Done(PyObject* result) => Py_DECREF(result);

    /// <summary>Releases what the call still holds (arguments made before one failed, the callable) and the GIL.</summary>
    public void Dispose()
    {
        for (int i = 0; i < _built; i++) Py_DECREF(_argv[2 + i]);
        _built = 0;
        if (_callable != null) Py_DECREF(_callable);
        _callable = null;
        _gil.Dispose();
    }

    /// <summary>
    /// An abstract method the Python subclass does not define, called from C#: NotImplementedError (as
    /// NotImplementedException) naming the subclass and the method.
    /// </summary>
    public static Exception NotOverridden(IPyClass instance, PyOverride o, string declaringClass)
    {
        string type = "a Python subclass";
        using (GilGuard gil = Python.Acquire())
        {
            if (instance.PythonObject != null) type = Utf8.FromC(Py_TYPE(instance.PythonObject)->tp_name);
        }
        return new NotImplementedException(
            $"{type}.{o.PythonName}() is abstract in {declaringClass}: the Python subclass must define it");
    }
}
