using System;
using NdBindgen.Interop;

namespace NdBindgen.Core;

/// <summary>
/// The .NET frames of an exception in the Python traceback: between the Python frames of the caller and
/// any Python frames the C# code called into, one entry per C# method, as Cython adds its .pyx lines.
/// </summary>
internal static unsafe class PyTracebacks
{
    /// <summary>
    /// Prepends the frames of <paramref name="e"/>'s .NET stack trace (throw site last) to the traceback of
    /// <paramref name="exception"/>. Never throws and never leaves an error set: a failure leaves the
    /// traceback as it was.
    /// </summary>
    internal static void AddDotNetFrames(PyObject* exception, Exception e)
    {
    }
}
