using System;
using NdBindgen.Core;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>
/// An interpreter inside a C# program (the program links libpython3.11; see examples/Memory).
/// <see cref="Start"/> initializes it and releases the GIL, so any thread then works under
/// <see cref="Python.Acquire"/>; <see cref="Dispose"/> shuts it down.
/// </summary>
public sealed class PythonHost : IDisposable
{
    private nint _mainThreadState;
    private bool _owns;

    private PythonHost() { }

    /// <summary>Starts the interpreter (or joins the one already running in this process).</summary>
    public static PythonHost Start()
    {
        var host = new PythonHost();
        if (Py_IsInitialized() == 0)
        {
            Py_InitializeEx(0);   // 0: leave signal handling to the host program
            host._owns = true;
            Builtins.Initialize();
            host._mainThreadState = PyEval_SaveThread();
        }
        else
        {
            using var gil = Python.Acquire();
            Builtins.Initialize();
        }
        return host;
    }

    /// <summary>Finalizes the interpreter if this host started it; call on the thread that called <see cref="Start"/>.</summary>
    public void Dispose()
    {
        if (!_owns) return;
        _owns = false;
        PyEval_RestoreThread(_mainThreadState);
        PyRef.ReleasePending();
        if (Py_FinalizeEx() < 0) throw new InvalidOperationException("Python failed to shut down cleanly (Py_FinalizeEx)");
    }
}
