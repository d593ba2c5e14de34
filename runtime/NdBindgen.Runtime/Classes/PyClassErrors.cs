using System;
using System.ComponentModel;
using NdBindgen.Core;

namespace NdBindgen.Classes;

/// <summary>The errors generated class code raises, worded once.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PyClassErrors
{
    public static Exception CannotDelete(string typeName, string attribute) =>
        new PythonException(Builtins.AttributeError, $"cannot delete attribute '{attribute}' of '{typeName}' objects");

    public static Exception CannotDeleteItems(string typeName) =>
        new PythonException(Builtins.TypeError, $"'{typeName}' object doesn't support item deletion");

    /// <summary>A negative Count/Length: what Python says of a negative <c>__len__</c> (CPython would otherwise report a SystemError).</summary>
    public static Exception NegativeLength() => new PythonException(Builtins.ValueError, "__len__() should return >= 0");

    /// <summary>
    /// What an indexer threw, as <c>obj[i]</c> reports it: an index out of range is IndexError, as
    /// for Python's sequences, also when the indexer throws ArgumentOutOfRangeException as
    /// List&lt;T&gt; does; a setter's complaint about the value (ParamName "value") stays a ValueError.
    /// </summary>
    public static Exception FromIndexer(Exception e) =>
        e is ArgumentOutOfRangeException { ParamName: not "value" } ? new PythonException(Builtins.IndexError, e.Message) : e;
}
