using System;
using System.Collections.Generic;
using NdBindgen;

namespace Samples
{
    /// <summary>Where a parse failed.</summary>
    public enum Stage { Lexing = 1, Parsing = 2 }

    /// <summary>The input could not be parsed.</summary>
    [PyException]
    public class ParseException(string message, int line) : ArgumentException(message)
    {
        /// <summary>The 1-based line of the error.</summary>
        public int Line { get; } = line;

        /// <summary>The stage that failed.</summary>
        public Stage Stage { get; init; } = Stage.Parsing;

        /// <summary>The source file, or <see langword="null"/> for a string.</summary>
        public string? File { get; init; }

        /// <summary>The positions of every error found.</summary>
        public List<int> Positions { get; init; } = new();

        /// <summary>The span as (start, end).</summary>
        public (int Start, int End) Span { get; init; }

        public override string Message => base.Message;   // Exception's own: not an attribute

        internal int Hidden => 0;                           // not public: not an attribute
    }

    /// <summary>An unexpected token.</summary>
    [PyException]
    public class UnexpectedTokenException(string m, int line, string token) : ParseException(m, line)
    {
        public string Token { get; } = token;

        public double? Score { get; init; }
    }

    // Unmarked: raises ParseError; its base's attributes are all it gets.
    public class EmptyInputException(string m) : ParseException(m, 0);

    /// <summary>Names its Python class itself.</summary>
    [PyException("Oops")]
    public class OopsException(string m) : Exception(m)
    {
        public bool Fatal { get; init; }
    }

    /// <summary>A base for catching: abstract in C#.</summary>
    [PyException]
    public abstract class StoreError(string m) : KeyNotFoundException(m);

    /// <summary>An old API was used.</summary>
    [PyException]
    public class OldApiWarning(string m) : PyDeprecationWarning(m);

    // An unmarked base between: the nearest row decides (IOException -> OSError).
    public class DiskException(string m) : System.IO.IOException(m) { public long Free { get; init; } }

    [PyException]
    public class DiskFullException(string m) : DiskException(m);

    /// <summary>Linear algebra.</summary>
    [PySubmodule]
    public static class LinAlg
    {
        [PyFunction] public static double Det(double a) => a;
    }

    /// <summary>The matrix is singular.</summary>
    [PyException(Submodule = typeof(LinAlg))]
    public class SingularMatrixException(string m) : PyArithmeticError(m)
    {
        public int Rank { get; init; }
    }

    // A submodule's class deriving from the module's.
    [PyException(Submodule = typeof(LinAlg))]
    public class BadShapeException(string m) : ParseException(m, 0);
}

namespace Samples
{
    public static class Parsing
    {
        /// <summary>Parses <paramref name="text"/>.</summary>
        /// <exception cref="ParseException">The text is not valid.</exception>
        /// <exception cref="EmptyInputException">The text is empty (an unmarked subclass: its marked base's class).</exception>
        /// <exception cref="SingularMatrixException">A submodule's class.</exception>
        /// <exception cref="System.FormatException">A row of the table.</exception>
        /// <exception cref="PyTypeError">A family member.</exception>
        /// <exception cref="System.InvalidOperationException">Anything else.</exception>
        [PyFunction] public static int Parse(string text) => text.Length;
    }
}
