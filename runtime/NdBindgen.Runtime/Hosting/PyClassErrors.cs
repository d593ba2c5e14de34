using System;
using System.ComponentModel;
using NdBindgen.Core;

namespace NdBindgen.Hosting;

/// <summary>The errors generated class code raises, worded once.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PyClassErrors
{
    public static Exception CannotDelete(string typeName, string attribute) =>
        new PythonException(Py.AttributeError, $"cannot delete attribute '{attribute}' of '{typeName}' objects");

    public static Exception CannotDeleteItems(string typeName) =>
        new PythonException(Py.TypeError, $"'{typeName}' object doesn't support item deletion");
}
