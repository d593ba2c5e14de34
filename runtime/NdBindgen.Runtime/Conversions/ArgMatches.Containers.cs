using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

// The shape checks of the containers, for overload dispatch: is it a sequence, a mapping, an
// iterable? The elements are not looked at (that would convert them twice); an element that does
// not convert is the chosen overload's error, with its place.
public static unsafe partial class ArgMatches
{
    /// <summary>Sequences (T[], List&lt;T&gt;, ...): a list or tuple exactly; another sequence by conversion; never a str.</summary>
    public static ArgMatch ToSequence(PyObject* o)
    {
        PyTypeObject* type = Py_TYPE(o);
        if (type == Builtins.ListType || type == Builtins.TupleType) return ArgMatch.Exact;
        if ((type->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) != 0) return ArgMatch.No;
        return PySequence_Check(o) != 0 ? ArgMatch.Convertible : ArgMatch.No;
    }

    /// <summary>Tuples: a tuple exactly; another sequence (not a str) by conversion.</summary>
    public static ArgMatch ToTuple(PyObject* o)
    {
        PyTypeObject* type = Py_TYPE(o);
        if ((type->tp_flags & PyConst.Py_TPFLAGS_TUPLE_SUBCLASS) != 0) return ArgMatch.Exact;
        if ((type->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) != 0) return ArgMatch.No;
        return PySequence_Check(o) != 0 ? ArgMatch.Convertible : ArgMatch.No;
    }

    /// <summary>Dictionaries: a dict exactly; another mapping that is not a sequence by conversion.</summary>
    public static ArgMatch ToMapping(PyObject* o)
    {
        if ((Py_TYPE(o)->tp_flags & PyConst.Py_TPFLAGS_DICT_SUBCLASS) != 0) return ArgMatch.Exact;
        return PyMapping_Check(o) != 0 && PySequence_Check(o) == 0 ? ArgMatch.Convertible : ArgMatch.No;
    }

    /// <summary>Sets: a set or frozenset exactly; another iterable (not a str) by conversion.</summary>
    public static ArgMatch ToSet(PyObject* o)
    {
        PyTypeObject* type = Py_TYPE(o);
        if (type == Builtins.SetType || type == Builtins.FrozenSetType) return ArgMatch.Exact;
        if ((type->tp_flags & PyConst.Py_TPFLAGS_UNICODE_SUBCLASS) != 0) return ArgMatch.No;
        return type->tp_iter != 0 || PySequence_Check(o) != 0 ? ArgMatch.Convertible : ArgMatch.No;
    }
}
