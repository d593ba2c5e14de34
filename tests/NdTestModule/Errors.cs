using NdBindgen;

namespace NdTestModule;

/// <summary>An exception type of the module's own, which maps to Python's RuntimeError.</summary>
public sealed class CustomError(string message) : Exception(message);

/// <summary>.NET exceptions thrown on demand, to prove each becomes the documented Python exception.</summary>
public static class Errors
{
    /// <summary>Throws the .NET exception named by <paramref name="kind"/> (e.g. "ArgumentException") with the message "boom: kind".</summary>
    /// <exception cref="ArgumentException">When <paramref name="kind"/> names no known exception.</exception>
    [PyFunction("raise_exception")]
    public static void Raise(string kind)
    {
        string message = "boom: " + kind;
        throw kind switch
        {
            "ArgumentException" => new ArgumentException(message),
            "ArgumentOutOfRangeException" => new ArgumentOutOfRangeException("x", message),
            "ArgumentNullException" => new ArgumentNullException("x", message),
            "IndexOutOfRangeException" => new IndexOutOfRangeException(message),
            "KeyNotFoundException" => new KeyNotFoundException(message),
            "OverflowException" => new OverflowException(message),
            "DivideByZeroException" => new DivideByZeroException(message),
            "NotImplementedException" => new NotImplementedException(message),
            "OutOfMemoryException" => new OutOfMemoryException(message),
            "InsufficientExecutionStackException" => new InsufficientExecutionStackException(message),
            "InvalidOperationException" => new InvalidOperationException(message),
            "NullReferenceException" => new NullReferenceException(message),
            "FormatException" => new FormatException(message),
            "InvalidCastException" => new InvalidCastException(message),
            "ArrayTypeMismatchException" => new ArrayTypeMismatchException(message),
            "ArithmeticException" => new ArithmeticException(message),
            "FileNotFoundException" => new System.IO.FileNotFoundException(message),
            "DirectoryNotFoundException" => new System.IO.DirectoryNotFoundException(message),
            "UnauthorizedAccessException" => new UnauthorizedAccessException(message),
            "EndOfStreamException" => new System.IO.EndOfStreamException(message),
            "IOException" => new System.IO.IOException(message),
            "TimeoutException" => new TimeoutException(message),
            "NotSupportedException" => new NotSupportedException(message),
            "ObjectDisposedException" => new ObjectDisposedException(null, message),
            "CustomError" => new CustomError(message),
            _ => new ArgumentException($"unknown exception kind '{kind}'", nameof(kind)),
        };
    }

    /// <summary>Integer division: a real DivideByZeroException when <paramref name="b"/> is 0.</summary>
    [PyFunction]
    public static int Divide(int a, int b) => a / b;

    /// <summary>Checked multiplication: a real OverflowException when the product leaves int32.</summary>
    [PyFunction]
    public static int CheckedMultiply(int a, int b) => checked(a * b);

    /// <summary>Reads element <paramref name="i"/> of a 3-element .NET array: a real IndexOutOfRangeException.</summary>
    [PyFunction]
    public static int ManagedIndex(int i) => new[] { 10, 20, 30 }[i];

    /// <summary>Looks <paramref name="key"/> up in a small dictionary: a real KeyNotFoundException.</summary>
    [PyFunction]
    public static int Lookup(string key) => new Dictionary<string, int> { ["one"] = 1, ["two"] = 2 }[key];

    /// <summary>Dereferences null: a real NullReferenceException.</summary>
    [PyFunction]
    public static int NullDeref(string? s) => s!.Length;
}
