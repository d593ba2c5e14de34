using System;
using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// Where a bad element is: containers convert elements under <see cref="PySignature.Element"/>,
/// whose messages start with a place between two markers (empty at first); a container that catches
/// one (a filter around its loop, so the success path pays nothing) puts its own step before the
/// place: the innermost container first, so <c>m[2][0]</c> comes out in order, and the outermost one
/// writes the argument itself ("f() argument 'm'[2][0] must be float, not str"), or a callback's result
/// ("the result[2][0] of the callback passed as 'f' of g must be float, not str").
/// </summary>
internal static unsafe class Places
{
    /// <summary>
    /// A message that still says "somewhere in an element": the marker of <see cref="PySignature.Element"/>; or an
    /// error Python raised converting an element, whose note waits for the place (<see cref="PySignature.ConversionError"/>).
    /// </summary>
    internal static bool IsMarked(PythonException e) =>
        e.PendingNotePlace is not null
        || e.IsMessageOnly && e.Message.Contains(PySignature.ElementMarker, StringComparison.Ordinal);

    /// <summary>
    /// The error with the marked place (what the containers inside wrote) put after the element's
    /// <paramref name="suffix"/>, under the container's own place: the marker again for an element, the argument
    /// (or the callback's result) for the outermost container.
    /// </summary>
    internal static PythonException At(PythonException e, PySignature sig, int index, string suffix)
    {
        if (e.PendingNotePlace is { } pending)
        {
            // Python's own error: its message stays; the note names the place once the argument is known.
            string where = suffix + pending;
            if (sig.IsElement)
            {
                e.PendingNotePlace = where;
            }
            else
            {
                e.PendingNotePlace = null;
                e.AddNote(sig.ConversionNote(index, where));
            }
            return e;
        }
        string text = e.Message;
        int at = text.IndexOf(PySignature.ElementMarker, StringComparison.Ordinal);
        int end = text.IndexOf(PySignature.PlaceEnd, at, StringComparison.Ordinal);
        if (end < 0) end = at;
        string place = suffix + text[(at + 1)..end];
        return e.WithMessage(text[..at] + sig.ArgumentPrefix(index, place) + text[(end + 1)..]);
    }

    /// <summary>"[3]": an item of a sequence or tuple.</summary>
    internal static PythonException AtItem(PythonException e, PySignature sig, int index, nint item) =>
        At(e, sig, index, "[" + item + "]");

    /// <summary>"['key']": the value under a key, the key as repr shows it.</summary>
    internal static PythonException AtValue(PythonException e, PySignature sig, int index, PyObject* key) =>
        At(e, sig, index, "[" + Repr(key) + "]");

    /// <summary>" key 'a'": a key of a mapping (or an element of a set: " element 'a'").</summary>
    internal static PythonException AtKey(PythonException e, PySignature sig, int index, PyObject* key, string what) =>
        At(e, sig, index, " " + what + " " + Repr(key));

    /// <summary>repr(o), shortened; "?" when repr itself fails.</summary>
    internal static string Repr(PyObject* o)
    {
        PyObject* r = PyObject_Repr(o);
        if (r == null)
        {
            PyErr_Clear();
            return "?";
        }
        string text = Utf8.FromStr(r) ?? "?";
        Py_DECREF(r);
        return text.Length > 60 ? text[..40] + "..." + text[^10..] : text;
    }
}
