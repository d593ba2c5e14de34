using System;
using NdBindgen;

namespace NdExt;

/// <summary>The cost of raising: benchmark rows against the C extension's <c>PyErr_SetString</c> path.</summary>
public static class Raising
{
    /// <summary>Raises ValueError("bad value") from .NET's <see cref="ArgumentException"/> (the exception table's row).</summary>
    [PyFunction]
    public static void RaiseMapped() => throw new ArgumentException("bad value");

    /// <summary>Raises ValueError("bad value") from <see cref="PyValueError"/>, the Python class named in C#.</summary>
    [PyFunction]
    public static void RaiseValueError() => throw new PyValueError("bad value");
}
