using System.Collections.Generic;
using System.ComponentModel;
using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <c>HashSet&lt;T&gt;</c>, <c>ISet</c>, <c>IReadOnlySet</c>: a set, frozenset or any other iterable
/// in (not a str, as for sequences), a new set out. Elements equal once converted (as C# compares
/// them) become one. A bad element is named by its repr: "f() argument 's' element 'a' must be int, not str".
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Sets
{
    public static HashSet<T> ToHashSet<T, C>(PyObject* o, PySignature sig, int index) where C : IPyConverter<T>
    {
        PyTypeObject* type = Py_TYPE(o);
        if ((type->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) != 0)
            throw Sequences.NotFromStr(sig, index, "an iterable of " + C.PythonType);
        int capacity = type == Builtins.SetType || type == Builtins.FrozenSetType || type == Builtins.DictType
            || type == Builtins.ListType || type == Builtins.TupleType ? (int)PyObject_Size(o) : 0;
        PyObject* iterator = PyObject_GetIter(o);
        if (iterator == null)
        {
            PyErr_Clear();
            throw sig.WrongType(index, "a set (or other iterable) of " + C.PythonType, o);
        }
        var result = new HashSet<T>(capacity);
        PySignature element = PySignature.Element;
        try
        {
            PyObject* item;
            while ((item = PyIter_Next(iterator)) != null)
            {
                try
                {
                    result.Add(C.FromPython(item, element, 0));
                }
                catch (PythonException e) when (Places.IsMarked(e))
                {
                    throw Places.AtKey(e, sig, index, item, "element");
                }
                finally
                {
                    Py_DECREF(item);
                }
            }
            if (PyErr_Occurred() != null) throw sig.ConversionError(index);
        }
        finally
        {
            Py_DECREF(iterator);
        }
        return result;
    }

    /// <summary>HashSet, ISet, IReadOnlySet (any elements) -> a new set.</summary>
    public static PyObject* FromSet<T, C>(IEnumerable<T> value) where C : IPyConverter<T>
    {
        if (value is null) throw Sequences.NullCollection();
        PyObject* set = PySet_New(null);
        if (set == null) throw PythonException.Fetch();
        try
        {
            if (value is HashSet<T> hashSet)
            {
                foreach (T item in hashSet) Add<T, C>(set, item);
            }
            else
            {
                foreach (T item in value) Add<T, C>(set, item);
            }
        }
        catch
        {
            Py_DECREF(set);
            throw;
        }
        return set;
    }

    private static void Add<T, C>(PyObject* set, T item) where C : IPyConverter<T>
    {
        PyObject* o = C.ToPython(item);
        int status = PySet_Add(set, o);
        Py_DECREF(o);
        if (status < 0) throw PythonException.Fetch();   // an unhashable element: a TypeError naming its type
    }
}
