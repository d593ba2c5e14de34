using System;

namespace NdBindgen;

/// <summary>
/// Exports a .NET exception class as a Python exception class of the module: throwing it (or an unmarked
/// subclass of it) from C# that Python called raises that class, <c>except</c> catches it by that class or any
/// base, and its public properties are attributes of the raised exception (<c>Line</c> -> <c>e.line</c>).
/// The Python name is the class name with a trailing <c>Exception</c> made <c>Error</c>, as PEP 8 names
/// exception classes (<c>ParseException</c> -> <c>ParseError</c>; a name ending in Error or Warning stays), unless
/// <see cref="Name"/> is given; the XML doc comment becomes <c>__doc__</c>.
/// </summary>
/// <remarks>
/// The Python base class is the one the C# base maps to: a <c>[PyException]</c> base -> its class; a
/// <see cref="PyBaseException"/> family class (<see cref="PyTypeError"/>, <see cref="PyDeprecationWarning"/>, ...) ->
/// that built-in; a .NET exception -> the runtime's table (<see cref="ArgumentException"/> -> ValueError,
/// <see cref="System.Collections.Generic.KeyNotFoundException"/> -> KeyError, ...); <see cref="Exception"/> ->
/// Exception. A class deriving from a <see cref="PyWarning"/> is a warning category (<c>py.Warn(new
/// MyWarning("..."))</c>).
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class PyExceptionAttribute : Attribute
{
    public PyExceptionAttribute() { }

    public PyExceptionAttribute(string name) => Name = name;

    /// <summary>The Python name of the exception class, when the one made from the C# name is not wanted.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The <c>[PySubmodule]</c> static class whose submodule holds the exception class
    /// (<c>module.sub.Name</c>), when not the module itself.
    /// </summary>
    public Type? Submodule { get; set; }
}
