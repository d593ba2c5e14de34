using System;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>
/// A .NET exception that is a given built-in Python exception when it reaches Python:
/// <c>throw new PyTypeError("expected a list")</c> raises <c>TypeError: expected a list</c>. The family
/// (<c>Core/PyBuiltinExceptions.cs</c>) follows Python's hierarchy, so <c>catch (PyLookupError)</c>
/// catches <see cref="PyKeyError"/> and <see cref="PyIndexError"/> in C# as <c>except LookupError</c> does
/// in Python. Its <see cref="Exception.InnerException"/> becomes <c>__cause__</c>; a <c>[PyException]</c>
/// class deriving from one of them is a Python subclass of that exception.
/// </summary>
public abstract class PyBaseException : Exception
{
    private protected PyBaseException(string message) : base(message) { }

    private protected PyBaseException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>
    /// The arguments the Python exception is made with (a new tuple): <c>(message,)</c>, as
    /// <c>TypeError("message")</c>; <see cref="PyKeyError"/> and <see cref="PyStopIteration"/> carry a value instead.
    /// </summary>
    private protected virtual unsafe PyObject* NewArguments() => PyErrors.MessageArguments(Message);

    internal unsafe PyObject* Arguments() => NewArguments();
}
