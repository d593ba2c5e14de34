using System.ComponentModel;
using System.Runtime.CompilerServices;
using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// C# tuples (ValueTuple of any length) &lt;-&gt; Python tuples of that length. The generator emits one
/// converter per tuple type (its items are typed differently), built of these helpers: a tuple in
/// (or any other sequence but str, made a tuple), each item by its own row, named by its place
/// ("f() argument 't'[1] must be int, not str"); a wrong length is a TypeError with both lengths.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Tuples
{
    /// <summary>The tuple of <paramref name="length"/> items to read (a new reference: release it with <see cref="End"/>).</summary>
    public static PyObject* Begin(PyObject* o, int length, string pythonType, PySignature sig, int index)
    {
        PyTypeObject* type = Py_TYPE(o);
        PyObject* tuple;
        if ((type->tp_flags & PyConst.Py_TPFLAGS_TUPLE_SUBCLASS) != 0)
        {
            tuple = Py_NewRef(o);
        }
        else
        {
            if ((type->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) != 0) throw Sequences.NotFromStr(sig, index, pythonType);
            if (PySequence_Check(o) == 0) throw sig.WrongType(index, pythonType, o);
            tuple = PySequence_Tuple(o);
            if (tuple == null) throw sig.ConversionError(index);
        }
        nint n = PyTuple_GET_SIZE(tuple);
        if (n != length)
        {
            Py_DECREF(tuple);
            string items = length == 1 ? "item" : "items";
            throw new PythonException(Builtins.TypeError,
                $"{sig.ArgumentPrefix(index)} must be a tuple of {length} {items}, not {n}");
        }
        return tuple;
    }

    /// <summary>Item <paramref name="i"/> of a tuple from <see cref="Begin"/>, converted by its row.</summary>
    public static T Item<T, C>(PyObject* tuple, int i, PySignature sig, int index) where C : IPyConverter<T>
    {
        try
        {
            return C.FromPython(PyTuple_GET_ITEM(tuple, i), PySignature.Element, 0);
        }
        catch (PythonException e) when (Places.IsMarked(e))
        {
            throw Places.AtItem(e, sig, index, i);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void End(PyObject* tuple) => Py_DECREF(tuple);

    /// <summary>A new tuple of <paramref name="length"/> empty items to fill with <see cref="Set"/>.</summary>
    public static PyObject* New(int length)
    {
        PyObject* tuple = PyTuple_New(length);
        if (tuple == null) throw PythonException.Fetch();
        return tuple;
    }

    /// <summary>Sets item <paramref name="i"/> of a tuple from <see cref="New"/> (release it with <see cref="End"/> on failure: unset items are NULL).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set<T, C>(PyObject* tuple, int i, T value) where C : IPyConverter<T> =>
        PyTuple_SET_ITEM(tuple, i, C.ToPython(value));
}
