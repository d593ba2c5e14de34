using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NdBindgen.Generator.Model;

namespace NdBindgen.Generator.Naming;

/// <summary>
/// The Python class a .NET exception type maps to, as the generator needs it for a [PyException] class's base
/// (its stub; its registration asks the runtime's table): the runtime's rows for .NET's own exceptions, mirrored,
/// and NdBindgen's PyBaseException family (PyTypeError -> TypeError: the class name without "Py", as the runtime's
/// PyBuiltinExceptions.FamilyRow has it). tests/python's
/// test_exception_classes.py checks, for a [PyException] class derived from each row, that the class the
/// runtime made derives from what the stub says.
/// </summary>
internal static class PythonExceptions
{
    /// <summary>
    /// runtime/NdBindgen.Runtime/Core/PyErrors.cs <c>DotNetRow</c>, row for row, by metadata name
    /// (PythonInterruptedException is sealed: no class derives from it, so it has no row here).
    /// </summary>
    private static readonly Dictionary<string, string> s_dotNetRows = new()
    {
        ["System.Collections.Generic.KeyNotFoundException"] = "KeyError",
        ["System.IndexOutOfRangeException"] = "IndexError",
        ["System.ArgumentException"] = "ValueError",
        ["System.FormatException"] = "ValueError",
        ["System.InvalidCastException"] = "TypeError",
        ["System.ArrayTypeMismatchException"] = "TypeError",
        ["System.OverflowException"] = "OverflowError",
        ["System.DivideByZeroException"] = "ZeroDivisionError",
        ["System.ArithmeticException"] = "ArithmeticError",
        ["System.NotImplementedException"] = "NotImplementedError",
        ["System.OutOfMemoryException"] = "MemoryError",
        ["System.InsufficientExecutionStackException"] = "RecursionError",
        ["System.IO.FileNotFoundException"] = "FileNotFoundError",
        ["System.IO.DirectoryNotFoundException"] = "FileNotFoundError",
        ["System.UnauthorizedAccessException"] = "PermissionError",
        ["System.IO.EndOfStreamException"] = "EOFError",
        ["System.IO.IOException"] = "OSError",
        ["System.TimeoutException"] = "TimeoutError",
    };

    public const string SystemException = "System.Exception";
    private const string FamilyRoot = "PyBaseException";

    /// <summary>
    /// The Python class <paramref name="type"/> itself maps to (not looking at its bases): a row, a family member's
    /// built-in, or Exception for System.Exception; null for any other type.
    /// </summary>
    public static (ExceptionBaseKind Kind, string Python)? Row(INamedTypeSymbol type)
    {
        string name = type.ToDisplayString();
        if (s_dotNetRows.TryGetValue(name, out string? python)) return (ExceptionBaseKind.DotNet, python);
        if (name == SystemException) return (ExceptionBaseKind.DotNet, "Exception");
        if (IsFamily(type)) return (ExceptionBaseKind.Builtin, type.Name.Substring(2));
        return null;
    }

    /// <summary>A class of NdBindgen's PyBaseException family (not the abstract root itself).</summary>
    private static bool IsFamily(INamedTypeSymbol type)
    {
        if (type.Name == FamilyRoot || !KnownTypes.IsNdBindgen(type, type.Name) || !type.Name.StartsWith("Py"))
            return false;
        for (INamedTypeSymbol? t = type.BaseType; t is not null; t = t.BaseType)
            if (KnownTypes.IsNdBindgen(t, FamilyRoot)) return true;
        return false;
    }

    /// <summary>Whether <paramref name="type"/> is System.Exception or derives from it.</summary>
    public static bool IsException(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
            if (t.ToDisplayString() == SystemException) return true;
        return false;
    }
}
