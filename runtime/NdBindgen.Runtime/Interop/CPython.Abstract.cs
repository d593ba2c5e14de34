using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/abstract.h: the sequence, mapping and iterator protocols.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern nint PyObject_Size(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PySequence_Check(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern nint PySequence_Size(PyObject* o);

    /// <summary>A new reference.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PySequence_GetItem(PyObject* o, nint i);

    /// <summary>A new reference: a tuple of the sequence's (or iterable's) items.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PySequence_Tuple(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyMapping_Check(PyObject* o);

    /// <summary>A new reference: a list of (key, value) tuples.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyMapping_Items(PyObject* o);

    /// <summary>A new reference, or NULL with an error set (TypeError for an object that is not iterable).</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyObject_GetIter(PyObject* o);

    /// <summary>The next item (a new reference), or NULL: the end when no error is set.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyIter_Next(PyObject* iterator);

    // Include/setobject.h
    /// <summary>A new set of <paramref name="iterable"/>'s items (NULL: empty).</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PySet_New(PyObject* iterable);

    /// <summary>Does not steal <paramref name="key"/>.</summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PySet_Add(PyObject* set, PyObject* key);
}
