using System.Collections.Generic;
using NdBindgen;

namespace NdTestModule;

// [PyException]: Python exception classes declared in C# (tests/python/test_exception_classes.py).

/// <summary>Where a parse failed.</summary>
public enum ParseStage
{
    Lexing = 1,
    Parsing = 2,
}

/// <summary>The input could not be parsed.</summary>
[PyException]
public class ParseException(string message, int line) : ArgumentException(message)
{
    /// <summary>The 1-based line of the error.</summary>
    public int Line { get; } = line;

    /// <summary>The source file, or <see langword="null"/> for a string.</summary>
    public string? File { get; init; }

    public double Column { get; init; }

    public bool Fatal { get; init; }

    public ParseStage Stage { get; init; } = ParseStage.Parsing;

    public List<string> Expected { get; init; } = new();

    public override string Message => base.Message;   // Exception's own: not an attribute
}

/// <summary>A token that does not fit.</summary>
[PyException]
public class UnexpectedTokenException(string message, int line, string token) : ParseException(message, line)
{
    public string Token { get; } = token;
}

// Unmarked: raises ParseError.
public class EmptyInputException(string message) : ParseException(message, 0);

/// <summary>Something went wrong.</summary>
[PyException("Oops")]
public class OopsException(string message) : Exception(message);

/// <summary>A store lookup failed: a base to catch, abstract in C#.</summary>
[PyException]
public abstract class StoreException(string message) : KeyNotFoundException(message);

// Unmarked and concrete: raises StoreError.
public class MissingItemException(string message) : StoreException(message);

/// <summary>An old API was used.</summary>
[PyException]
public class OldApiWarning(string message) : PyDeprecationWarning(message);

/// <summary>Loading failed; the reason is the inner exception.</summary>
[PyException]
public class LoadException(string message, Exception inner) : Exception(message, inner);

/// <summary>A failure at a point: the attribute is the caller's own Python object.</summary>
[PyException]
public class LocatedException(string message, ConstPoint where) : Exception(message)
{
    public ConstPoint Where { get; } = where;
}

/// <summary>Its attribute's getter throws.</summary>
[PyException]
public class BrokenException(string message) : Exception(message)
{
    public int Broken => throw new InvalidOperationException("the getter broke");
}

/// <summary>Linear algebra: a submodule with an exception class of its own.</summary>
[PySubmodule]
public static class LinAlg
{
    /// <summary>1 / x; x = 0 raises SingularMatrixError.</summary>
    [PyFunction]
    public static double Invert(double x) => x == 0 ? throw new SingularMatrixException("singular", 0) : 1 / x;
}

/// <summary>The matrix is singular.</summary>
[PyException(Submodule = typeof(LinAlg))]
public class SingularMatrixException(string message, int rank) : PyArithmeticError(message)
{
    public int Rank { get; } = rank;
}

/// <summary>A submodule's class deriving from the module's.</summary>
[PyException(Submodule = typeof(LinAlg))]
public class BadShapeException(string message, int line) : ParseException(message, line);

public static class ExceptionClasses
{
    /// <summary>Raises ParseError with every kind of attribute set.</summary>
    /// <exception cref="ParseException">Always.</exception>
    [PyFunction]
    public static void RaiseParse(string message, int line, string? file = null) =>
        throw new ParseException(message, line)
        {
            File = file, Column = 1.5, Fatal = true, Stage = ParseStage.Lexing, Expected = ["a", "b"],
        };

    /// <summary>Raises UnexpectedTokenError, a ParseError.</summary>
    [PyFunction]
    public static void RaiseToken(string message, int line, string token) =>
        throw new UnexpectedTokenException(message, line, token);

    /// <summary>Throws an unmarked subclass of ParseException: raises ParseError.</summary>
    [PyFunction]
    public static void RaiseEmpty() => throw new EmptyInputException("empty input");

    /// <summary>Raises Oops.</summary>
    [PyFunction]
    public static void RaiseOops(string message) => throw new OopsException(message);

    /// <summary>Throws an unmarked subclass of the abstract StoreException: raises StoreError.</summary>
    [PyFunction]
    public static void RaiseMissing(string message) => throw new MissingItemException(message);

    /// <summary>Raises lin_alg.BadShapeError, a submodule's class deriving from ParseError.</summary>
    [PyFunction]
    public static void RaiseBadShape(int line) => throw new BadShapeException("bad shape", line);

    /// <summary>Raises LoadError whose InnerException (its __cause__) is a ParseException.</summary>
    [PyFunction]
    public static void RaiseLoad(string message, int innerLine) =>
        throw new LoadException(message, new ParseException("inner", innerLine));

    /// <summary>Raises LocatedError whose attribute is <paramref name="where"/> itself.</summary>
    [PyFunction]
    public static void RaiseLocated(ConstPoint where) => throw new LocatedException("here", where);

    /// <summary>Raises BrokenError, whose attribute's getter throws.</summary>
    [PyFunction]
    public static void RaiseBroken() => throw new BrokenException("broken");

    /// <summary>Issues OldApiWarning through the warnings filter.</summary>
    [PyFunction]
    public static void WarnOldApi(Python py, string message) => py.Warn(new OldApiWarning(message));

    /// <summary>Throws the row class named <paramref name="name"/> (one of the Row classes below).</summary>
    [PyFunction]
    public static void RaiseRow(string name, string message) =>
        throw name switch
        {
            "RowKeyNotFoundException" => new RowKeyNotFoundException(message),
            "RowArgumentException" => new RowArgumentException(message),
            "RowFormatException" => new RowFormatException(message),
            "RowInvalidCastException" => new RowInvalidCastException(message),
            "RowArrayTypeMismatchException" => new RowArrayTypeMismatchException(message),
            "RowOverflowException" => new RowOverflowException(message),
            "RowDivideByZeroException" => new RowDivideByZeroException(message),
            "RowArithmeticException" => new RowArithmeticException(message),
            "RowNotImplementedException" => new RowNotImplementedException(message),
            "RowOutOfMemoryException" => new RowOutOfMemoryException(message),
            "RowFileNotFoundException" => new RowFileNotFoundException(message),
            "RowDirectoryNotFoundException" => new RowDirectoryNotFoundException(message),
            "RowUnauthorizedAccessException" => new RowUnauthorizedAccessException(message),
            "RowEndOfStreamException" => new RowEndOfStreamException(message),
            "RowIOException" => new RowIOException(message),
            "RowTimeoutException" => new RowTimeoutException(message),
            "RowExceptionException" => new RowExceptionException(message),
            "RowPyLookupError" => new RowPyLookupError(message),
            "RowPyKeyError" => new RowPyKeyError(message),
            "RowPyIndexError" => new RowPyIndexError(message),
            "RowPyArithmeticError" => new RowPyArithmeticError(message),
            "RowPyOverflowError" => new RowPyOverflowError(message),
            "RowPyZeroDivisionError" => new RowPyZeroDivisionError(message),
            "RowPyTypeError" => new RowPyTypeError(message),
            "RowPyValueError" => new RowPyValueError(message),
            "RowPyAttributeError" => new RowPyAttributeError(message),
            "RowPyRuntimeError" => new RowPyRuntimeError(message),
            "RowPyNotImplementedError" => new RowPyNotImplementedError(message),
            "RowPyRecursionError" => new RowPyRecursionError(message),
            "RowPyAssertionError" => new RowPyAssertionError(message),
            "RowPyBufferError" => new RowPyBufferError(message),
            "RowPyEOFError" => new RowPyEOFError(message),
            "RowPyMemoryError" => new RowPyMemoryError(message),
            "RowPyNameError" => new RowPyNameError(message),
            "RowPyReferenceError" => new RowPyReferenceError(message),
            "RowPySystemError" => new RowPySystemError(message),
            "RowPyUnicodeError" => new RowPyUnicodeError(message),
            "RowPyOSError" => new RowPyOSError(message),
            "RowPyFileNotFoundError" => new RowPyFileNotFoundError(message),
            "RowPyFileExistsError" => new RowPyFileExistsError(message),
            "RowPyPermissionError" => new RowPyPermissionError(message),
            "RowPyIsADirectoryError" => new RowPyIsADirectoryError(message),
            "RowPyNotADirectoryError" => new RowPyNotADirectoryError(message),
            "RowPyTimeoutError" => new RowPyTimeoutError(message),
            "RowPyConnectionError" => new RowPyConnectionError(message),
            "RowPyImportError" => new RowPyImportError(message),
            "RowPyModuleNotFoundError" => new RowPyModuleNotFoundError(message),
            "RowPyWarning" => new RowPyWarning(message),
            "RowPyUserWarning" => new RowPyUserWarning(message),
            "RowPyDeprecationWarning" => new RowPyDeprecationWarning(message),
            "RowPyPendingDeprecationWarning" => new RowPyPendingDeprecationWarning(message),
            "RowPyRuntimeWarning" => new RowPyRuntimeWarning(message),
            "RowPyFutureWarning" => new RowPyFutureWarning(message),
            "RowPySyntaxWarning" => new RowPySyntaxWarning(message),
            "RowPyImportWarning" => new RowPyImportWarning(message),
            "RowPyUnicodeWarning" => new RowPyUnicodeWarning(message),
            "RowPyBytesWarning" => new RowPyBytesWarning(message),
            "RowPyResourceWarning" => new RowPyResourceWarning(message),
            _ => new ArgumentException($"no row class {name}"),
        };
}

// A [PyException] class derived from each row of the runtime's table (PyErrors.DotNetRow; IndexOutOfRangeException,
// InsufficientExecutionStackException and PythonInterruptedException are sealed) and from each class of the
// PyBaseException family (PyStopIteration is sealed): test_exception_classes.py checks that the runtime made each
// derive from what the stub says.
[PyException] public class RowKeyNotFoundException(string m) : System.Collections.Generic.KeyNotFoundException(m);
[PyException] public class RowArgumentException(string m) : System.ArgumentException(m);
[PyException] public class RowFormatException(string m) : System.FormatException(m);
[PyException] public class RowInvalidCastException(string m) : System.InvalidCastException(m);
[PyException] public class RowArrayTypeMismatchException(string m) : System.ArrayTypeMismatchException(m);
[PyException] public class RowOverflowException(string m) : System.OverflowException(m);
[PyException] public class RowDivideByZeroException(string m) : System.DivideByZeroException(m);
[PyException] public class RowArithmeticException(string m) : System.ArithmeticException(m);
[PyException] public class RowNotImplementedException(string m) : System.NotImplementedException(m);
[PyException] public class RowOutOfMemoryException(string m) : System.OutOfMemoryException(m);
[PyException] public class RowFileNotFoundException(string m) : System.IO.FileNotFoundException(m);
[PyException] public class RowDirectoryNotFoundException(string m) : System.IO.DirectoryNotFoundException(m);
[PyException] public class RowUnauthorizedAccessException(string m) : System.UnauthorizedAccessException(m);
[PyException] public class RowEndOfStreamException(string m) : System.IO.EndOfStreamException(m);
[PyException] public class RowIOException(string m) : System.IO.IOException(m);
[PyException] public class RowTimeoutException(string m) : System.TimeoutException(m);
[PyException] public class RowExceptionException(string m) : System.Exception(m);
[PyException] public class RowPyLookupError(string m) : PyLookupError(m);
[PyException] public class RowPyKeyError(string m) : PyKeyError(m);
[PyException] public class RowPyIndexError(string m) : PyIndexError(m);
[PyException] public class RowPyArithmeticError(string m) : PyArithmeticError(m);
[PyException] public class RowPyOverflowError(string m) : PyOverflowError(m);
[PyException] public class RowPyZeroDivisionError(string m) : PyZeroDivisionError(m);
[PyException] public class RowPyTypeError(string m) : PyTypeError(m);
[PyException] public class RowPyValueError(string m) : PyValueError(m);
[PyException] public class RowPyAttributeError(string m) : PyAttributeError(m);
[PyException] public class RowPyRuntimeError(string m) : PyRuntimeError(m);
[PyException] public class RowPyNotImplementedError(string m) : PyNotImplementedError(m);
[PyException] public class RowPyRecursionError(string m) : PyRecursionError(m);
[PyException] public class RowPyAssertionError(string m) : PyAssertionError(m);
[PyException] public class RowPyBufferError(string m) : PyBufferError(m);
[PyException] public class RowPyEOFError(string m) : PyEOFError(m);
[PyException] public class RowPyMemoryError(string m) : PyMemoryError(m);
[PyException] public class RowPyNameError(string m) : PyNameError(m);
[PyException] public class RowPyReferenceError(string m) : PyReferenceError(m);
[PyException] public class RowPySystemError(string m) : PySystemError(m);
[PyException] public class RowPyUnicodeError(string m) : PyUnicodeError(m);
[PyException] public class RowPyOSError(string m) : PyOSError(m);
[PyException] public class RowPyFileNotFoundError(string m) : PyFileNotFoundError(m);
[PyException] public class RowPyFileExistsError(string m) : PyFileExistsError(m);
[PyException] public class RowPyPermissionError(string m) : PyPermissionError(m);
[PyException] public class RowPyIsADirectoryError(string m) : PyIsADirectoryError(m);
[PyException] public class RowPyNotADirectoryError(string m) : PyNotADirectoryError(m);
[PyException] public class RowPyTimeoutError(string m) : PyTimeoutError(m);
[PyException] public class RowPyConnectionError(string m) : PyConnectionError(m);
[PyException] public class RowPyImportError(string m) : PyImportError(m);
[PyException] public class RowPyModuleNotFoundError(string m) : PyModuleNotFoundError(m);
[PyException] public class RowPyWarning(string m) : PyWarning(m);
[PyException] public class RowPyUserWarning(string m) : PyUserWarning(m);
[PyException] public class RowPyDeprecationWarning(string m) : PyDeprecationWarning(m);
[PyException] public class RowPyPendingDeprecationWarning(string m) : PyPendingDeprecationWarning(m);
[PyException] public class RowPyRuntimeWarning(string m) : PyRuntimeWarning(m);
[PyException] public class RowPyFutureWarning(string m) : PyFutureWarning(m);
[PyException] public class RowPySyntaxWarning(string m) : PySyntaxWarning(m);
[PyException] public class RowPyImportWarning(string m) : PyImportWarning(m);
[PyException] public class RowPyUnicodeWarning(string m) : PyUnicodeWarning(m);
[PyException] public class RowPyBytesWarning(string m) : PyBytesWarning(m);
[PyException] public class RowPyResourceWarning(string m) : PyResourceWarning(m);
