using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

// Notes on argument-conversion errors (PEP 678, 3.11+): see PySignature.ConversionError.
public sealed unsafe partial class PythonException
{
    /// <summary>
    /// Set while the error of an element's conversion travels out to its container: the place found so
    /// far ("[3]", "['a']"; "" from the element itself). The outermost container, which knows the argument,
    /// adds the note and clears it (<c>Places.At</c>). Null for every other exception.
    /// </summary>
    internal string? PendingNotePlace;

    /// <summary>
    /// Adds <paramref name="note"/> to the Python exception object (<c>add_note</c>, 3.11+; nothing before).
    /// The GIL is held. Never throws, never leaves an error set: a failing <c>add_note</c> leaves the object as it was.
    /// </summary>
    internal void AddNote(string note)
    {
        if (PythonVersions.RunningMinor < 11 || _value is not { IsAlive: true } v) return;
        PyObject* addNote = PyObject_GetAttrString(v.Handle, Utf8.Z("add_note"u8));
        if (addNote == null)
        {
            PyErr_Clear();
            return;
        }
        PyObject* args = PyErrors.OneArgument(Utf8.NewStr(note));
        PyObject* result = args == null ? null : PyObject_Call(addNote, args, null);
        Py_XDECREF(args);
        Py_DECREF(addNote);
        if (result == null) PyErr_Clear();
        else Py_DECREF(result);
    }
}
