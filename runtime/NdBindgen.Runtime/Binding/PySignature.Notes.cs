using NdBindgen.Core;

namespace NdBindgen.Binding;

// Argument-conversion errors Python raised keep their type and gain a note naming the argument (3.11+).
public sealed unsafe partial class PySignature
{
    /// <summary>
    /// The Python error a conversion of argument <paramref name="index"/> ran into (Python code it ran raised:
    /// an element's <c>__float__</c>, a <c>__len__</c>, an <c>__array__</c>; or a C API call failed), fetched,
    /// with a note naming the argument on 3.11+: "while converting f() argument 'x'". Its type and message
    /// stay as Python made them. An element's note waits for its container, which knows the place
    /// ("while converting f() argument 'xs'[3]"). Errors the conversions make themselves already name the
    /// argument in their message ("f() argument 'x' must be float, not str") and get no note.
    /// Called on the error path only: the success path pays nothing.
    /// </summary>
    public PythonException ConversionError(int index)
    {
        PythonException e = PythonException.Fetch();
        if (_element) e.PendingNotePlace = "";
        else e.AddNote(ConversionNote(index, ""));
        return e;
    }

    /// <summary>
    /// "while converting f() argument 'x'[2]": the note for an error Python raised while converting
    /// <paramref name="place"/> inside argument <paramref name="index"/> (the words of <see cref="ArgumentPrefix(int)"/>).
    /// </summary>
    internal string ConversionNote(int index, string place) => "while converting " + ArgumentPrefix(index, place);

    /// <summary>Whether this is <see cref="Element"/>: a container around it names the argument.</summary>
    internal bool IsElement => _element;
}
