using System.ComponentModel;
using System.Runtime.CompilerServices;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Core;

/// <summary>
/// Recursion through the module (Python -> C# -> Python -> ...) raises RecursionError instead of
/// overflowing the native stack, which kills the process. Such recursion passes through a C# ->
/// Python call, or a conversion's slow path that lets CPython call an argument's <c>__float__</c>
/// or <c>__index__</c>: the checks are there, off the plain call's path. The native stack left
/// (<see cref="RuntimeHelpers.TryEnsureSufficientExecutionStack"/>: the current stack address
/// against the thread's stack bounds from pthread_getattr_np, cached per thread; fails with less
/// than 128 KiB left on 64-bit), then Python's own count (<c>Py_EnterRecursiveCall</c>, which in
/// 3.12+ counts C recursion against a limit that sys.setrecursionlimit does not raise). The native
/// check catches what the count misses: a raised recursion limit, threads with small stacks.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class StackGuard
{
    /// <summary>
    /// <c>PyObject_VectorcallDict</c> behind both checks: NULL with RecursionError set when the
    /// stack or the recursion limit is exhausted, else the call's result (NULL with its error).
    /// </summary>
    public static PyObject* Call(PyObject* callable, PyObject** args, nuint nargsf, PyObject* kwargs)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) return NativeStackExhausted();
        if (Py_EnterRecursiveCall(Utf8.Z(" while calling a Python object from C#"u8)) != 0) return null;
        PyObject* result = PyObject_VectorcallDict(callable, args, nargsf, kwargs);
        Py_LeaveRecursiveCall();
        return result;
    }

    /// <summary>
    /// Throws RecursionError when less than the safe margin of native stack is left: for the
    /// conversions' slow paths, where CPython's own C code calls Python (an argument's
    /// <c>__float__</c> or <c>__index__</c> calling the module again). Not in the
    /// entry frame: there it cost 2-5 ns a call (a thread-static read), 10-20% of add_scalars.
    /// </summary>
    public static void Check()
    {
        if (RuntimeHelpers.TryEnsureSufficientExecutionStack()) return;
        NativeStackExhausted();
        throw PythonException.Fetch();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyObject* NativeStackExhausted()
    {
        // A literal: nothing to allocate, and little stack to spend, where stack is short.
        PyErr_SetString(Builtins.RecursionError,
            Utf8.Z("maximum recursion depth exceeded while calling a Python object from C# (native stack)"u8));
        return null;
    }
}
