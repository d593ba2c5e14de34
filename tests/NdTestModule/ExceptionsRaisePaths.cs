using NdBindgen;

namespace NdTestModule;

/// <summary>
/// Raise paths for the leak and reference-count checks (issue 19): each function throws on every call, one
/// kind of exception each (mapped, with a cause, a group, a key or value object, a Python exception again).
/// </summary>
public static class ExceptionsRaisePaths
{
    /// <summary>Raises ValueError(message) from an ArgumentException (a row of the exception table).</summary>
    /// <param name="message">The message.</param>
    [PyFunction]
    public static void RaisePathArgument(string message) => throw new ArgumentException(message);

    /// <summary>Raises RuntimeError(message) whose __cause__ is KeyError('inner'), from an InnerException.</summary>
    /// <param name="message">The message.</param>
    [PyFunction]
    public static void RaisePathCause(string message) =>
        throw new InvalidOperationException(message, new KeyNotFoundException("inner"));

    /// <summary>Raises an ExceptionGroup of n ValueErrors (3.11+) from an AggregateException of ArgumentExceptions.</summary>
    /// <param name="n">How many members, 1 to 16 (else ValueError).</param>
    [PyFunction]
    public static void RaisePathGroup(int n) =>
        throw (n is < 1 or > 16 ? (Exception)new ArgumentOutOfRangeException(nameof(n), "1 to 16 members")
            : new AggregateException("group", Enumerable.Range(0, n).Select(i => new ArgumentException($"member {i}"))));

    /// <summary>Raises KeyError(key), the key object itself as its argument.</summary>
    /// <param name="key">Any object.</param>
    [PyFunction]
    public static void RaisePathKey(PyRef key) => throw new PyKeyError(key);

    /// <summary>Raises StopIteration(value), the object itself as its value.</summary>
    /// <param name="value">Any object.</param>
    [PyFunction]
    public static void RaisePathStop(PyRef value) => throw new PyStopIteration(value);

    /// <summary>Calls f, which raises; catches the PythonException in C# and throws it again: Python gets the same object.</summary>
    /// <param name="py">The GIL token.</param>
    /// <param name="f">A callable that raises.</param>
    [PyFunction]
    public static void RaisePathReraise(Python py, PyRef f)
    {
        try
        {
            f.Call(py).Dispose();
        }
        catch (PythonException)
        {
            throw;
        }
    }

    /// <summary>Calls f, which raises; its exception becomes the __cause__ of a RuntimeError('wrapped').</summary>
    /// <param name="py">The GIL token.</param>
    /// <param name="f">A callable that raises.</param>
    [PyFunction]
    public static void RaisePathWrapped(Python py, PyRef f)
    {
        try
        {
            f.Call(py).Dispose();
        }
        catch (PythonException e)
        {
            throw new InvalidOperationException("wrapped", e);
        }
    }
}
