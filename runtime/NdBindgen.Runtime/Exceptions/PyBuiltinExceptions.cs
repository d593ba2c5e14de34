using System;
using NdBindgen.Core;
using NdBindgen.Interop;

namespace NdBindgen;

// The built-in Python exceptions as .NET exceptions, in Python's own hierarchy, so C# code raises
// exactly the Python exception it means (`throw new PyTypeError("...")`, as pybind11's
// `throw py::type_error(...)`) and C# callers catch them by the same families (`catch (PyLookupError)`
// catches PyKeyError and PyIndexError). A `[PyException]` class may derive from any of them.
// Each row names its Python class; everything else is in PyBaseException.

/// <summary>Python's <c>LookupError</c>: a key or index is not there; the base of <c>KeyError</c> and <c>IndexError</c>.</summary>
public class PyLookupError : PyBaseException
{
    public PyLookupError(string message) : base(message) { }

    public PyLookupError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.LookupError;
}

/// <summary>Python's <c>KeyError</c>: a mapping key is not there.</summary>
public class PyKeyError : PyLookupError
{
    public PyKeyError(string message) : base(message) { }

    public PyKeyError(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>
    /// KeyError(key), as a dict raises it: the key is the exception's argument (<c>e.args[0]</c>), shown as its repr.
    /// The exception holds a reference of its own (the caller's, a parameter's say, is released before the
    /// exception reaches Python) and hands it to the Python exception when raised. Call it with the GIL held.
    /// </summary>
    public unsafe PyKeyError(PyRef key) : base("KeyError") => Key = PyRef.OwnUntracked(CPython.Py_NewRef(key.Handle));

    /// <summary>The key given to <see cref="PyKeyError(PyRef)"/>, else null (the message is the argument).</summary>
    public PyRef? Key { get; }

    private protected override unsafe PyObject* PythonType => Builtins.KeyError;

    private protected override unsafe PyObject* NewArguments() =>
        Key is { IsAlive: true } key ? PyErrors.OneArgument(key.Detach()) : base.NewArguments();
}

/// <summary>Python's <c>IndexError</c>: a sequence index is out of range.</summary>
public class PyIndexError : PyLookupError
{
    public PyIndexError(string message) : base(message) { }

    public PyIndexError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.IndexError;
}

/// <summary>Python's <c>ArithmeticError</c>: an arithmetic operation failed; the base of <c>OverflowError</c> and <c>ZeroDivisionError</c>.</summary>
public class PyArithmeticError : PyBaseException
{
    public PyArithmeticError(string message) : base(message) { }

    public PyArithmeticError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.ArithmeticError;
}

/// <summary>Python's <c>OverflowError</c>: a result is too large to be represented.</summary>
public class PyOverflowError : PyArithmeticError
{
    public PyOverflowError(string message) : base(message) { }

    public PyOverflowError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.OverflowError;
}

/// <summary>Python's <c>ZeroDivisionError</c>: a division or modulo by zero.</summary>
public class PyZeroDivisionError : PyArithmeticError
{
    public PyZeroDivisionError(string message) : base(message) { }

    public PyZeroDivisionError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.ZeroDivisionError;
}

/// <summary>Python's <c>TypeError</c>: an argument or operand has the wrong type.</summary>
public class PyTypeError : PyBaseException
{
    public PyTypeError(string message) : base(message) { }

    public PyTypeError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.TypeError;
}

/// <summary>Python's <c>ValueError</c>: an argument has the right type but a wrong value.</summary>
public class PyValueError : PyBaseException
{
    public PyValueError(string message) : base(message) { }

    public PyValueError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.ValueError;
}

/// <summary>Python's <c>AttributeError</c>: an attribute reference or assignment failed.</summary>
public class PyAttributeError : PyBaseException
{
    public PyAttributeError(string message) : base(message) { }

    public PyAttributeError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.AttributeError;
}

/// <summary>Python's <c>RuntimeError</c>: an error that fits no other category.</summary>
public class PyRuntimeError : PyBaseException
{
    public PyRuntimeError(string message) : base(message) { }

    public PyRuntimeError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.RuntimeError;
}

/// <summary>Python's <c>NotImplementedError</c>: an abstract method or an unfinished feature.</summary>
public class PyNotImplementedError : PyRuntimeError
{
    public PyNotImplementedError(string message) : base(message) { }

    public PyNotImplementedError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.NotImplementedError;
}

/// <summary>Python's <c>RecursionError</c>: the maximum recursion depth was exceeded.</summary>
public class PyRecursionError : PyRuntimeError
{
    public PyRecursionError(string message) : base(message) { }

    public PyRecursionError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.RecursionError;
}

/// <summary>Python's <c>AssertionError</c>: an assertion failed.</summary>
public class PyAssertionError : PyBaseException
{
    public PyAssertionError(string message) : base(message) { }

    public PyAssertionError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.AssertionError;
}

/// <summary>Python's <c>BufferError</c>: a buffer operation cannot be performed.</summary>
public class PyBufferError : PyBaseException
{
    public PyBufferError(string message) : base(message) { }

    public PyBufferError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.BufferError;
}

/// <summary>Python's <c>EOFError</c>: input ended before data was read.</summary>
public class PyEOFError : PyBaseException
{
    public PyEOFError(string message) : base(message) { }

    public PyEOFError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.EOFError;
}

/// <summary>Python's <c>MemoryError</c>: an operation ran out of memory.</summary>
public class PyMemoryError : PyBaseException
{
    public PyMemoryError(string message) : base(message) { }

    public PyMemoryError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.MemoryError;
}

/// <summary>Python's <c>NameError</c>: a name is not found.</summary>
public class PyNameError : PyBaseException
{
    public PyNameError(string message) : base(message) { }

    public PyNameError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.NameError;
}

/// <summary>Python's <c>ReferenceError</c>: a weak reference's object no longer exists.</summary>
public class PyReferenceError : PyBaseException
{
    public PyReferenceError(string message) : base(message) { }

    public PyReferenceError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.ReferenceError;
}

/// <summary>Python's <c>SystemError</c>: an internal error of the interpreter or an extension.</summary>
public class PySystemError : PyBaseException
{
    public PySystemError(string message) : base(message) { }

    public PySystemError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.SystemError;
}

/// <summary>Python's <c>UnicodeError</c>: a Unicode encoding or decoding error.</summary>
public class PyUnicodeError : PyValueError
{
    public PyUnicodeError(string message) : base(message) { }

    public PyUnicodeError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.UnicodeError;
}

/// <summary>Python's <c>OSError</c>: a system error (I/O, files, processes).</summary>
public class PyOSError : PyBaseException
{
    public PyOSError(string message) : base(message) { }

    public PyOSError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.OSError;
}

/// <summary>Python's <c>FileNotFoundError</c>: a file or directory is requested but does not exist.</summary>
public class PyFileNotFoundError : PyOSError
{
    public PyFileNotFoundError(string message) : base(message) { }

    public PyFileNotFoundError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.FileNotFoundError;
}

/// <summary>Python's <c>FileExistsError</c>: a file or directory to create already exists.</summary>
public class PyFileExistsError : PyOSError
{
    public PyFileExistsError(string message) : base(message) { }

    public PyFileExistsError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.FileExistsError;
}

/// <summary>Python's <c>PermissionError</c>: an operation lacks the access rights it needs.</summary>
public class PyPermissionError : PyOSError
{
    public PyPermissionError(string message) : base(message) { }

    public PyPermissionError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.PermissionError;
}

/// <summary>Python's <c>IsADirectoryError</c>: a file operation was requested on a directory.</summary>
public class PyIsADirectoryError : PyOSError
{
    public PyIsADirectoryError(string message) : base(message) { }

    public PyIsADirectoryError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.IsADirectoryError;
}

/// <summary>Python's <c>NotADirectoryError</c>: a directory operation was requested on something that is not one.</summary>
public class PyNotADirectoryError : PyOSError
{
    public PyNotADirectoryError(string message) : base(message) { }

    public PyNotADirectoryError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.NotADirectoryError;
}

/// <summary>Python's <c>TimeoutError</c>: a system function timed out.</summary>
public class PyTimeoutError : PyOSError
{
    public PyTimeoutError(string message) : base(message) { }

    public PyTimeoutError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.TimeoutError;
}

/// <summary>Python's <c>ConnectionError</c>: a connection failed; the base of the connection errors.</summary>
public class PyConnectionError : PyOSError
{
    public PyConnectionError(string message) : base(message) { }

    public PyConnectionError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.ConnectionError;
}

/// <summary>Python's <c>ImportError</c>: an import failed.</summary>
public class PyImportError : PyBaseException
{
    public PyImportError(string message) : base(message) { }

    public PyImportError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.ImportError;
}

/// <summary>Python's <c>ModuleNotFoundError</c>: a module could not be found.</summary>
public class PyModuleNotFoundError : PyImportError
{
    public PyModuleNotFoundError(string message) : base(message) { }

    public PyModuleNotFoundError(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.ModuleNotFoundError;
}

/// <summary>Python's <c>Warning</c>: the base of the warning categories.</summary>
public class PyWarning : PyBaseException
{
    public PyWarning(string message) : base(message) { }

    public PyWarning(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.Warning;
}

/// <summary>Python's <c>UserWarning</c>: the default category of <c>warnings.warn</c>.</summary>
public class PyUserWarning : PyWarning
{
    public PyUserWarning(string message) : base(message) { }

    public PyUserWarning(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.UserWarning;
}

/// <summary>Python's <c>DeprecationWarning</c>: a deprecated feature, for other Python developers (hidden by default outside <c>__main__</c>).</summary>
public class PyDeprecationWarning : PyWarning
{
    public PyDeprecationWarning(string message) : base(message) { }

    public PyDeprecationWarning(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.DeprecationWarning;
}

/// <summary>Python's <c>PendingDeprecationWarning</c>: a feature that will be deprecated.</summary>
public class PyPendingDeprecationWarning : PyWarning
{
    public PyPendingDeprecationWarning(string message) : base(message) { }

    public PyPendingDeprecationWarning(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.PendingDeprecationWarning;
}

/// <summary>Python's <c>RuntimeWarning</c>: dubious runtime behaviour.</summary>
public class PyRuntimeWarning : PyWarning
{
    public PyRuntimeWarning(string message) : base(message) { }

    public PyRuntimeWarning(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.RuntimeWarning;
}

/// <summary>Python's <c>FutureWarning</c>: a deprecated feature, for end users.</summary>
public class PyFutureWarning : PyWarning
{
    public PyFutureWarning(string message) : base(message) { }

    public PyFutureWarning(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.FutureWarning;
}

/// <summary>Python's <c>SyntaxWarning</c>: dubious syntax.</summary>
public class PySyntaxWarning : PyWarning
{
    public PySyntaxWarning(string message) : base(message) { }

    public PySyntaxWarning(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.SyntaxWarning;
}

/// <summary>Python's <c>ImportWarning</c>: a probable mistake in a module import.</summary>
public class PyImportWarning : PyWarning
{
    public PyImportWarning(string message) : base(message) { }

    public PyImportWarning(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.ImportWarning;
}

/// <summary>Python's <c>UnicodeWarning</c>: a Unicode problem.</summary>
public class PyUnicodeWarning : PyWarning
{
    public PyUnicodeWarning(string message) : base(message) { }

    public PyUnicodeWarning(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.UnicodeWarning;
}

/// <summary>Python's <c>BytesWarning</c>: a problem with bytes and bytearray.</summary>
public class PyBytesWarning : PyWarning
{
    public PyBytesWarning(string message) : base(message) { }

    public PyBytesWarning(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.BytesWarning;
}

/// <summary>Python's <c>ResourceWarning</c>: a resource usage problem (an unclosed file).</summary>
public class PyResourceWarning : PyWarning
{
    public PyResourceWarning(string message) : base(message) { }

    public PyResourceWarning(string message, Exception? innerException) : base(message, innerException) { }

    private protected override unsafe PyObject* PythonType => Builtins.ResourceWarning;
}
