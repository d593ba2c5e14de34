using System.Collections.Generic;
using System.Linq;
using System.ComponentModel;
using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <c>Dictionary&lt;K,V&gt;</c>, <c>IDictionary</c>, <c>IReadOnlyDictionary</c>: a dict (read in
/// place) or any mapping with <c>items()</c> in, a new dict out. Keys are compared as C# compares
/// them once converted: two Python keys that become one C# key (1.0 and 1.0000001 as float32)
/// leave the value of the last, as a dict literal with a repeated key does. The dictionary is a copy.
/// Errors name the place: "f() argument 'd'['a'] must be int, not str" (a value, its key as repr),
/// "f() argument 'd' key 'a' must be int, not str" (a key).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Mappings
{
    public static Dictionary<K, V> ToDictionary<K, V, KC, VC>(PyObject* o, PySignature sig, int index)
        where K : notnull where KC : IPyConverter<K> where VC : IPyConverter<V>
    {
        if (Py_TYPE(o) == Builtins.DictType) return FromDict<K, V, KC, VC>(o, sig, index);
        return FromItems<K, V, KC, VC>(o, sig, index);
    }

    private static string Expected<K, V, KC, VC>() where KC : IPyConverter<K> where VC : IPyConverter<V> =>
        $"a mapping of {KC.PythonType} to {VC.PythonType}";

    private static Dictionary<K, V> FromDict<K, V, KC, VC>(PyObject* dict, PySignature sig, int index)
        where K : notnull where KC : IPyConverter<K> where VC : IPyConverter<V>
    {
        var result = new Dictionary<K, V>((int)PyDict_Size(dict));
        PySignature element = PySignature.Element;
        nint pos = 0;
        PyObject* key = null, value = null;
        bool isKey = false;
        Py_INCREF(dict);   // held: a conversion may run code that drops the last other reference
        try
        {
            while (PyDict_Next(dict, &pos, &key, &value) != 0)
            {
                // Held while they convert: code run by a conversion may remove them from the dict.
                Py_INCREF(key);
                Py_INCREF(value);
                try
                {
                    isKey = true;
                    K k = KC.FromPython(key, element, 0);
                    isKey = false;
                    result[k] = VC.FromPython(value, element, 0);
                }
                catch (PythonException e) when (Places.IsMarked(e))
                {
                    Release(result);
                    throw isKey ? Places.AtKey(e, sig, index, key, "key") : Places.AtValue(e, sig, index, key);
                }
                catch
                {
                    Release(result);
                    throw;
                }
                finally
                {
                    Py_DECREF(key);
                    Py_DECREF(value);
                }
            }
        }
        finally
        {
            Py_DECREF(dict);
        }
        return result;
    }

    /// <summary>Any other mapping: its <c>items()</c>, a list of (key, value) tuples of our own.</summary>
    private static Dictionary<K, V> FromItems<K, V, KC, VC>(PyObject* o, PySignature sig, int index)
        where K : notnull where KC : IPyConverter<K> where VC : IPyConverter<V>
    {
        PyObject* method = PyMapping_Check(o) != 0 ? PyObject_GetAttrString(o, Utf8.Z("items"u8)) : null;
        if (method == null)
        {
            PyErr_Clear();
            throw sig.WrongType(index, Expected<K, V, KC, VC>(), o);
        }
        Py_DECREF(method);
        PyObject* items = PyMapping_Items(o);
        if (items == null) throw sig.ConversionError(index);
        try
        {
            nint n = PyList_GET_SIZE(items);
            var result = new Dictionary<K, V>((int)n);
            PySignature element = PySignature.Element;
            for (nint i = 0; i < n; i++)
            {
                PyObject* pair = PyList_GET_ITEM(items, i);
                if ((Py_TYPE(pair)->tp_flags & PyConst.Py_TPFLAGS_TUPLE_SUBCLASS) == 0 || PyTuple_GET_SIZE(pair) != 2)
                    throw new PythonException(Builtins.TypeError,
                        $"{sig.ArgumentPrefix(index)}: items() gave {PyFormat.TypeName(pair)}, not a (key, value) tuple");
                PyObject* key = PyTuple_GET_ITEM(pair, 0);
                bool isKey = true;
                try
                {
                    K k = KC.FromPython(key, element, 0);
                    isKey = false;
                    result[k] = VC.FromPython(PyTuple_GET_ITEM(pair, 1), element, 0);
                }
                catch (PythonException e) when (Places.IsMarked(e))
                {
                    Release(result);
                    throw isKey ? Places.AtKey(e, sig, index, key, "key") : Places.AtValue(e, sig, index, key);
                }
                catch
                {
                    Release(result);
                    throw;
                }
            }
            return result;
        }
        finally
        {
            Py_DECREF(items);
        }
    }

    /// <summary>Values converted before a failure that hold a reference of their own: released now.</summary>
    private static void Release<K, V>(Dictionary<K, V> converted) where K : notnull
    {
        if (!System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<V>()) return;
        foreach (V value in converted.Values)
        {
            if (value is PyRef reference) reference.Dispose();
        }
    }

    /// <summary>Dictionary&lt;K,V&gt; -> a new dict.</summary>
    public static PyObject* FromDictionary<K, V, KC, VC>(Dictionary<K, V> value)
        where K : notnull where KC : IPyConverter<K> where VC : IPyConverter<V>
    {
        if (value is null) throw Sequences.NullCollection();
        PyObject* dict = PyDict_NewPresized(value.Count);
        if (dict == null) throw PythonException.Fetch();
        try
        {
            foreach (KeyValuePair<K, V> pair in value) Add<K, V, KC, VC>(dict, pair);
        }
        catch
        {
            Py_DECREF(dict);
            throw;
        }
        return dict;
    }

    /// <summary>IDictionary, IReadOnlyDictionary (any pairs) -> a new dict.</summary>
    public static PyObject* FromPairs<K, V, KC, VC>(IEnumerable<KeyValuePair<K, V>> value)
        where K : notnull where KC : IPyConverter<K> where VC : IPyConverter<V>
    {
        if (value is Dictionary<K, V> d) return FromDictionary<K, V, KC, VC>(d);
        if (value is null) throw Sequences.NullCollection();
        PyObject* dict = value.TryGetNonEnumeratedCount(out int count) ? PyDict_NewPresized(count) : PyDict_New();
        if (dict == null) throw PythonException.Fetch();
        try
        {
            foreach (KeyValuePair<K, V> pair in value) Add<K, V, KC, VC>(dict, pair);
        }
        catch
        {
            Py_DECREF(dict);
            throw;
        }
        return dict;
    }

    private static void Add<K, V, KC, VC>(PyObject* dict, KeyValuePair<K, V> pair)
        where KC : IPyConverter<K> where VC : IPyConverter<V>
    {
        PyObject* key = KC.ToPython(pair.Key);
        PyObject* value;
        try
        {
            value = VC.ToPython(pair.Value);
        }
        catch
        {
            Py_DECREF(key);
            throw;
        }
        int status = PyDict_SetItem(dict, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (status < 0) throw PythonException.Fetch();
    }
}
