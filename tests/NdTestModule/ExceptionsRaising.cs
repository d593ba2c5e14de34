using NdBindgen;

namespace NdTestModule;

/// <summary>Raising built-in Python exceptions and warnings from C#, with causes and groups.</summary>
public static class ExceptionsRaising
{
    /// <summary>Throws the PyBaseException family member named by <paramref name="kind"/> ("TypeError", ...) with <paramref name="message"/>.</summary>
    [PyFunction]
    public static void RaiseBuiltin(string kind, string message) => throw Builtin(kind, message, null);

    /// <summary>As <see cref="RaiseBuiltin"/>, with an ArgumentException("inner") as the InnerException.</summary>
    [PyFunction]
    public static void RaiseBuiltinWithCause(string kind, string message) =>
        throw Builtin(kind, message, new ArgumentException("inner"));

    private static Exception Builtin(string kind, string message, Exception? inner) => kind switch
    {
        "LookupError" => new PyLookupError(message, inner),
        "KeyError" => new PyKeyError(message, inner),
        "IndexError" => new PyIndexError(message, inner),
        "ArithmeticError" => new PyArithmeticError(message, inner),
        "OverflowError" => new PyOverflowError(message, inner),
        "ZeroDivisionError" => new PyZeroDivisionError(message, inner),
        "TypeError" => new PyTypeError(message, inner),
        "ValueError" => new PyValueError(message, inner),
        "AttributeError" => new PyAttributeError(message, inner),
        "RuntimeError" => new PyRuntimeError(message, inner),
        "NotImplementedError" => new PyNotImplementedError(message, inner),
        "RecursionError" => new PyRecursionError(message, inner),
        "AssertionError" => new PyAssertionError(message, inner),
        "BufferError" => new PyBufferError(message, inner),
        "EOFError" => new PyEOFError(message, inner),
        "MemoryError" => new PyMemoryError(message, inner),
        "NameError" => new PyNameError(message, inner),
        "ReferenceError" => new PyReferenceError(message, inner),
        "SystemError" => new PySystemError(message, inner),
        "UnicodeError" => new PyUnicodeError(message, inner),
        "OSError" => new PyOSError(message, inner),
        "FileNotFoundError" => new PyFileNotFoundError(message, inner),
        "FileExistsError" => new PyFileExistsError(message, inner),
        "PermissionError" => new PyPermissionError(message, inner),
        "IsADirectoryError" => new PyIsADirectoryError(message, inner),
        "NotADirectoryError" => new PyNotADirectoryError(message, inner),
        "TimeoutError" => new PyTimeoutError(message, inner),
        "ConnectionError" => new PyConnectionError(message, inner),
        "ImportError" => new PyImportError(message, inner),
        "ModuleNotFoundError" => new PyModuleNotFoundError(message, inner),
        "Warning" => new PyWarning(message, inner),
        "UserWarning" => new PyUserWarning(message, inner),
        "DeprecationWarning" => new PyDeprecationWarning(message, inner),
        "PendingDeprecationWarning" => new PyPendingDeprecationWarning(message, inner),
        "RuntimeWarning" => new PyRuntimeWarning(message, inner),
        "FutureWarning" => new PyFutureWarning(message, inner),
        "SyntaxWarning" => new PySyntaxWarning(message, inner),
        "ImportWarning" => new PyImportWarning(message, inner),
        "UnicodeWarning" => new PyUnicodeWarning(message, inner),
        "BytesWarning" => new PyBytesWarning(message, inner),
        "ResourceWarning" => new PyResourceWarning(message, inner),
        _ => new ArgumentException($"no PyBaseException class for '{kind}'", nameof(kind)),
    };

    /// <summary>Throws <paramref name="kind"/> and catches it in C# by its families: the C# classes mirror Python's hierarchy.</summary>
    [PyFunction("catch_in_csharp")]
    public static string CatchInCSharp(string kind)
    {
        try
        {
            throw Builtin(kind, "caught", null);
        }
        catch (PyLookupError e)
        {
            return "LookupError:" + e.GetType().Name;
        }
        catch (PyArithmeticError e)
        {
            return "ArithmeticError:" + e.GetType().Name;
        }
        catch (PyOSError e)
        {
            return "OSError:" + e.GetType().Name;
        }
        catch (PyWarning e)
        {
            return "Warning:" + e.GetType().Name;
        }
        catch (PyBaseException e)
        {
            return "BaseException:" + e.GetType().Name;
        }
    }

    /// <summary>KeyError(key), the key itself the argument, as a dict raises it.</summary>
    [PyFunction]
    public static void RaiseKey(PyRef key) => throw new PyKeyError(key);

    /// <summary>StopIteration(value) raised from a plain function (not an iterator).</summary>
    [PyFunction]
    public static void RaiseStopIteration(PyRef value) => throw new PyStopIteration(value);

    /// <summary>A chain of <paramref name="depth"/> exceptions, each the InnerException of the next: level i is "level i".</summary>
    [PyFunction]
    public static void RaiseChain(int depth)
    {
        Exception? e = null;
        for (int i = depth - 1; i >= 0; i--)
        {
            string message = $"level {i}";
            e = (i % 3) switch
            {
                0 => new InvalidOperationException(message, e),
                1 => new ArgumentException(message, e),
                _ => new PyLookupError(message, e),
            };
        }
        throw e!;
    }

    /// <summary>Calls <paramref name="f"/>; a Python exception it raises becomes the InnerException of an InvalidOperationException.</summary>
    [PyFunction]
    public static void RaiseWrapping(Python py, PyRef f)
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

    /// <summary>Calls <paramref name="f"/> and names the first C# family its Python exception matches.</summary>
    [PyFunction]
    public static string MatchCaught(Python py, PyRef f)
    {
        try
        {
            f.Call(py).Dispose();
            return "nothing raised";
        }
        catch (PythonException e) when (e.Matches<PyKeyError>())
        {
            return "KeyError";
        }
        catch (PythonException e) when (e.Matches<PyLookupError>())
        {
            return "LookupError";
        }
        catch (PythonException e) when (e.Matches<ArgumentException>())
        {
            return "ValueError";
        }
        catch (PythonException e) when (e.Matches<Exception>())
        {
            return "Exception";
        }
    }

    /// <summary>Calls <paramref name="f"/> and lets its Python exception propagate as it is.</summary>
    [PyFunction]
    public static void Propagate(Python py, PyRef f) => f.Call(py).Dispose();

    /// <summary>
    /// An AggregateException of an ArgumentException, a PyTypeError with a cause, and a nested AggregateException
    /// holding a KeyNotFoundException; with <paramref name="interrupt"/> also a PythonInterruptedException (KeyboardInterrupt).
    /// </summary>
    [PyFunction]
    public static void RaiseGroup(bool interrupt = false)
    {
        var members = new List<Exception>
        {
            new ArgumentException("a"),
            new PyTypeError("b", new DivideByZeroException("b's cause")),
            new AggregateException("nested", new KeyNotFoundException("c")),
        };
        if (interrupt) members.Add(new PythonInterruptedException());
        throw new AggregateException("several things failed", members);
    }

    /// <summary>An AggregateException with no inner exception: an unmapped exception like any other.</summary>
    [PyFunction]
    public static void RaiseEmptyGroup() => throw new AggregateException("nothing inside");

    /// <summary>The exception a Task's failure gives when waited on: an AggregateException of one.</summary>
    [PyFunction]
    public static void RaiseFromTask() =>
        Task.Run(() => throw new ArgumentException("failed in a task")).Wait();

    /// <summary>Issues a UserWarning (or the category named by <paramref name="kind"/>) and returns <paramref name="result"/>.</summary>
    [PyFunction]
    public static int Warn(Python py, string message, string? kind = null, int stackLevel = 1, int result = 7)
    {
        if (kind is null) py.Warn(message, stackLevel);
        else py.Warn((PyWarning)Builtin(kind, message, null), stackLevel);
        return result;
    }

    /// <summary>Issues a warning and reports whether the filter turned it into an exception (caught in C# as a PythonException).</summary>
    [PyFunction]
    public static string WarnCatching(Python py, string message)
    {
        try
        {
            py.Warn(message);
            return "warned";
        }
        catch (PythonException e)
        {
            return $"raised {e.PythonTypeName}: {e.Message}";
        }
    }
}
