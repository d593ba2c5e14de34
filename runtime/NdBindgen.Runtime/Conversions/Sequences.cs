using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <c>T[]</c>, <c>List&lt;T&gt;</c> and the list interfaces: any Python sequence in (list, tuple,
/// range, a numpy 1-d array item by item, anything with the sequence protocol; not str, which
/// PyO3 refuses too), a new <c>list</c> out. The C# collection is a copy: changing it does not
/// change the Python sequence. Elements convert with their own row (the converter <c>C</c>
/// of each method); a bad one is named by its place: "f() argument 'xs'[3] must be float, not str".
/// </summary>
/// <remarks>
/// An exact list or tuple is read in place (items borrowed, no call per item). While an item's
/// conversion may run Python code (its type is a Python class: <c>__float__</c>, <c>__index__</c>)
/// it is held, and a list is checked for a change of size before each item: code that empties
/// the list cannot free an item under the conversion. A container converting holds itself.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Sequences
{
    /// <summary>T[] (and IReadOnlyList, IReadOnlyCollection, IEnumerable parameters).</summary>
    public static T[] ToArray<T, C>(PyObject* o, PySignature sig, int index) where C : IPyConverter<T>
    {
        nint n = Length<T, C>(o, sig, index);
        // Every item is written before the array is seen: no need to clear it first (an 8 KB memset for 1,000 doubles).
        var array = n == 0 ? Array.Empty<T>() : GC.AllocateUninitializedArray<T>((int)n);
        Fill<T, C>(o, array, sig, index);
        return array;
    }

    /// <summary>List&lt;T&gt; (and IList, ICollection parameters).</summary>
    public static List<T> ToList<T, C>(PyObject* o, PySignature sig, int index) where C : IPyConverter<T>
    {
        nint n = Length<T, C>(o, sig, index);
        var list = new List<T>((int)n);
        CollectionsMarshal.SetCount(list, (int)n);
        Fill<T, C>(o, CollectionsMarshal.AsSpan(list), sig, index);
        return list;
    }

    /// <summary>The length of a sequence the conversion takes, or the TypeError saying what it takes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Length<T, C>(PyObject* o, PySignature sig, int index) where C : IPyConverter<T>
    {
        PyTypeObject* type = Py_TYPE(o);
        if (type == Builtins.ListType) return PyList_GET_SIZE(o);
        if (type == Builtins.TupleType) return PyTuple_GET_SIZE(o);
        return ProtocolLength<T, C>(o, sig, index);
    }

    private static nint ProtocolLength<T, C>(PyObject* o, PySignature sig, int index) where C : IPyConverter<T>
    {
        if ((Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) != 0)
            throw NotFromStr(sig, index, "a sequence of " + C.PythonType);
        if (PySequence_Check(o) == 0) throw sig.WrongType(index, "a sequence of " + C.PythonType, o);
        nint n = PySequence_Size(o);
        if (n < 0) throw sig.ConversionError(index);
        if (n > Array.MaxLength) throw TooLong(sig, index, n);
        return n;
    }

    /// <summary>"... must be a sequence of str, not str (a str is not taken as a sequence of its characters)".</summary>
    internal static PythonException NotFromStr(PySignature sig, int index, string expected) =>
        new(Builtins.TypeError, $"{sig.ArgumentPrefix(index)} must be {expected}, not str "
            + "(a str is not taken as a sequence of its characters)");

    private static PythonException TooLong(PySignature sig, int index, nint n) =>
        new(Builtins.OverflowError, $"{sig.ArgumentPrefix(index)} has {n} items, more than a .NET array holds");

    /// <summary>Converts the items of <paramref name="o"/> (of the length just read) into <paramref name="into"/>.</summary>
    private static void Fill<T, C>(PyObject* o, Span<T> into, PySignature sig, int index) where C : IPyConverter<T>
    {
        if (into.Length == 0) return;
        nint at = 0;   // the item converting: the loops (which have no handler, so their locals stay in registers) write it
        bool changed = false;
        Py_INCREF(o);   // held: an item's conversion may run code that drops the last other reference
        try
        {
            PyTypeObject* type = Py_TYPE(o);
            if (type == Builtins.ListType) changed = !FillFromList<T, C>(o, into, ref at);
            else if (type == Builtins.TupleType) FillFromTuple<T, C>(o, into, ref at);
            else FillFromProtocol<T, C>(o, into, ref at);
        }
        catch (PythonException e) when (Places.IsMarked(e))
        {
            Release(into[..(int)at]);
            throw Places.AtItem(e, sig, index, at);
        }
        catch
        {
            Release(into[..(int)at]);
            throw;
        }
        finally
        {
            Py_DECREF(o);
        }
        if (changed)
        {
            Release(into[..(int)at]);
            throw ChangedSize(sig, index);
        }
    }

    /// <summary>A list's items in place; false when the list changed size (code an item's conversion ran).</summary>
    private static bool FillFromList<T, C>(PyObject* list, Span<T> into, ref nint at) where C : IPyConverter<T>
    {
        ref T first = ref MemoryMarshal.GetReference(into);
        nint n = into.Length;
        PySignature element = PySignature.Element;
        for (nint i = 0; i < n; i++)
        {
            at = i;
            if (PyList_GET_SIZE(list) != n) return false;
            PyObject* item = PyList_GET_ITEM(list, i);
            Unsafe.Add(ref first, i) = (Py_TYPE(item)->tp_flags & PyConst.Py_TPFLAGS_HEAPTYPE) == 0
                ? C.FromPython(item, element, 0) : Held<T, C>(item);
        }
        return true;
    }

    private static void FillFromTuple<T, C>(PyObject* tuple, Span<T> into, ref nint at) where C : IPyConverter<T>
    {
        ref T first = ref MemoryMarshal.GetReference(into);
        nint n = into.Length;
        PySignature element = PySignature.Element;
        for (nint i = 0; i < n; i++)
        {
            at = i;
            Unsafe.Add(ref first, i) = C.FromPython(PyTuple_GET_ITEM(tuple, i), element, 0);
        }
    }

    private static void FillFromProtocol<T, C>(PyObject* o, Span<T> into, ref nint at) where C : IPyConverter<T>
    {
        for (int i = 0; i < into.Length; i++)
        {
            at = i;
            PyObject* item = PySequence_GetItem(o, i);
            if (item == null) throw PySignature.Element.ConversionError(0);
            try
            {
                into[i] = C.FromPython(item, PySignature.Element, 0);
            }
            finally
            {
                Py_DECREF(item);
            }
        }
    }

    /// <summary>
    /// The elements converted before a failure that hold a reference of their own (PyRef, PyRef&lt;T&gt;):
    /// released now, not when .NET's finalizer would (the error path only).
    /// </summary>
    internal static void Release<T>(ReadOnlySpan<T> converted)
    {
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return;
        foreach (T item in converted)
        {
            if (item is PyRef reference) reference.Dispose();
        }
    }

    /// <summary>An item whose conversion may run Python code, held while it converts.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Held<T, C>(PyObject* item) where C : IPyConverter<T>
    {
        Py_INCREF(item);
        try
        {
            return C.FromPython(item, PySignature.Element, 0);
        }
        finally
        {
            Py_DECREF(item);
        }
    }

    private static PythonException ChangedSize(PySignature sig, int index) =>
        new(Builtins.RuntimeError, $"{sig.ArgumentPrefix(index)}: the list changed size while its items were converted");

    /// <summary>T[] -> a new list.</summary>
    public static PyObject* FromArray<T, C>(T[] value) where C : IPyConverter<T> =>
        FromSpan<T, C>(value ?? throw NullCollection());

    /// <summary>List&lt;T&gt; -> a new list.</summary>
    public static PyObject* FromList<T, C>(List<T> value) where C : IPyConverter<T> =>
        FromSpan<T, C>(CollectionsMarshal.AsSpan(value ?? throw NullCollection()));

    /// <summary>Any IEnumerable&lt;T&gt; (IList, IReadOnlyList, ICollection, ...) -> a new list.</summary>
    public static PyObject* FromEnumerable<T, C>(IEnumerable<T> value) where C : IPyConverter<T>
    {
        switch (value)
        {
            case null: throw NullCollection();
            case T[] array: return FromSpan<T, C>(array);
            case List<T> list: return FromSpan<T, C>(CollectionsMarshal.AsSpan(list));
        }
        PyObject* result = PyList_New(0);
        if (result == null) throw PythonException.Fetch();
        try
        {
            foreach (T item in value)
            {
                PyObject* o = C.ToPython(item);
                int status = PyList_Append(result, o);
                Py_DECREF(o);
                if (status < 0) throw PythonException.Fetch();
            }
        }
        catch
        {
            Py_DECREF(result);
            throw;
        }
        return result;
    }

    private static PyObject* FromSpan<T, C>(ReadOnlySpan<T> items) where C : IPyConverter<T>
    {
        PyObject* list = PyList_New(items.Length);
        if (list == null) throw PythonException.Fetch();
        try
        {
            // The item array of a list no other code has seen yet: it cannot move while it fills.
            PyObject** slots = ((PyListObject*)list)->ob_item;
            ref T first = ref MemoryMarshal.GetReference(items);
            for (nint i = 0; i < items.Length; i++) slots[i] = C.ToPython(Unsafe.Add(ref first, i));
        }
        catch
        {
            Py_DECREF(list);   // the items not yet set are NULL, which list_dealloc skips
            throw;
        }
        return list;
    }

    /// <summary>A null collection where the signature allows no None.</summary>
    internal static Exception NullCollection() =>
        new NullReferenceException("a null collection was returned where None is not allowed");
}
