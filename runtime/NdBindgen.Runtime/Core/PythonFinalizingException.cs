using System;

namespace NdBindgen;

/// <summary>
/// A thread asked for the GIL (<see cref="Python.Acquire"/>, a callback called from C#) while the
/// interpreter shuts down. CPython would end such a thread on the spot (pthread_exit), its work
/// silently lost; the runtime refuses instead. Reaching Python, it is a RuntimeError.
/// </summary>
public sealed class PythonFinalizingException : InvalidOperationException
{
    public PythonFinalizingException()
        : base("Python is finalizing: a thread that does not hold the GIL can no longer call into Python (the interpreter is shutting down)") { }
}

/// <summary>
/// Ctrl-C (SIGINT) arrived while the GIL was released, and the kernel stopped early
/// (<see cref="Python.ThrowIfInterrupted"/>, <see cref="NdParallel"/>). When it reaches the end of
/// <see cref="Python.AllowThreads{TState}(TState, System.Action{TState})"/>, Python's own signal
/// handler runs there (KeyboardInterrupt, on the main thread); reaching Python otherwise, it is a KeyboardInterrupt.
/// </summary>
public sealed class PythonInterruptedException : OperationCanceledException
{
    public PythonInterruptedException()
        : base("interrupted by Ctrl-C (SIGINT) while the GIL was released") { }
}
