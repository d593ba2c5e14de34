using System;
using System.ComponentModel;
using System.Text;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen;

/// <summary>
/// Proof that the calling thread holds the GIL (PyO3's <c>Python&lt;'py&gt;</c>). It is a ref struct:
/// it cannot be stored in a field, captured by a lambda or kept across <c>await</c>, so code that
/// runs without the GIL (a thread, an <c>AllowThreads</c> body) cannot have one, and every
/// API that touches Python asks for it. A <c>[PyFunction]</c> or method gets one by declaring a
/// parameter of this type; other threads get one from <see cref="Acquire"/>.
/// </summary>
public readonly ref struct Python
{
    /// <summary>For generated code, which runs with the GIL held.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static Python AssumeGilHeld() => default;

    /// <summary>
    /// Takes the GIL on this thread (any thread; re-entrant) until the guard is disposed. The
    /// interpreter must be running: the module was imported, or <see cref="PythonHost"/> started it.
    /// </summary>
    /// <exception cref="PythonFinalizingException">The interpreter is shutting down and this thread does not hold the GIL.</exception>
    public static GilGuard Acquire()
    {
        // During Py_FinalizeEx, PyGILState_Ensure ends every thread but the finalizing one with
        // pthread_exit: its work would vanish without an error. Finalizing closes the gate first.
        Finalizing.RefuseIfClosed();
        int state;
        if (PyGILState_Check() != 0)
        {
            state = PyGILState_Ensure();   // re-entrant: nothing to wait for
        }
        else
        {
            Finalizing.Enter();
            state = PyGILState_Ensure();
            Finalizing.Entered();
        }
        Finalizing.t_acquired++;
        PyRef.ReleasePending();
        return new GilGuard(state);
    }

    /// <summary>True when the calling thread holds the GIL.</summary>
    public static bool IsGilHeld => PyGILState_Check() != 0;

    /// <summary><c>import name</c>.</summary>
    public unsafe PyRef Import(string name)
    {
        PyObject* module;
        fixed (byte* p = Encoding.UTF8.GetBytes(name + "\0"))
            using (PyScope.EnterPython()) module = PyImport_ImportModule(p);
        return PyRef.Own(module);
    }

    /// <summary>Evaluates an expression, in <paramref name="globals"/> (a dict) or a fresh namespace with builtins.</summary>
    public unsafe PyRef Eval(string expression, PyRef? globals = null) => Run(expression, Py_eval_input, globals);

    /// <summary>Runs statements, in <paramref name="globals"/> (a dict) or a fresh namespace with builtins.</summary>
    public unsafe void Exec(string code, PyRef? globals = null) => Run(code, Py_file_input, globals).Dispose();

    private unsafe PyRef Run(string code, int start, PyRef? globals)
    {
        // The C API reads a C string: a NUL would end the source there, running only what precedes it.
        if (code.Contains('\0')) throw new PythonException(Builtins.ValueError, "source code string cannot contain null bytes");
        PyRef? fresh = globals is null ? NewDict() : null;
        try
        {
            PyObject* g = (globals ?? fresh)!.Handle;
            byte[] utf8 = Encoding.UTF8.GetBytes(code + "\0");
            PyObject* result;
            fixed (byte* p = utf8)
                using (PyScope.EnterPython()) result = PyRun_StringFlags(p, start, g, g, null);
            return PyRef.Own(result);
        }
        finally
        {
            fresh?.Dispose();
        }
    }

    /// <summary>A new empty dict, e.g. a namespace for <see cref="Exec"/> and <see cref="Eval"/>.</summary>
    public unsafe PyRef NewDict() => PyRef.Own(PyDict_New());

    /// <summary>None.</summary>
    public unsafe PyRef None => PyRef.Own(Py_NewRef(Builtins.None));

    // From(double), From(string), ...: Conversions/ConversionExtensions.cs.

    /// <summary>
    /// Issues a warning, as <c>warnings.warn(message, UserWarning, stacklevel)</c>: <paramref name="stackLevel"/> 1
    /// blames the Python line that called into C#. The warnings filter decides what happens: shown once,
    /// ignored, or (with <c>-W error</c>, <c>warnings.simplefilter("error")</c>) raised, which throws a
    /// <see cref="PythonException"/> to let propagate.
    /// </summary>
    public void Warn(string message, int stackLevel = 1) => Warn(new PyUserWarning(message), stackLevel);

    /// <summary>
    /// Issues <paramref name="warning"/> in its category: <c>py.Warn(new PyDeprecationWarning("use g()"))</c>,
    /// or a <c>[PyException]</c> class deriving from a <see cref="PyWarning"/> for a category of the module's own.
    /// As <see cref="Warn(string, int)"/> otherwise.
    /// </summary>
    public unsafe void Warn(PyWarning warning, int stackLevel = 1)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (PyErrors.WarnEx(warning, stackLevel) < 0) throw PythonException.Fetch();
    }

    /// <summary>Runs pending signal handlers: after Ctrl-C this throws KeyboardInterrupt (as a <see cref="PythonException"/>), which a long kernel lets propagate.</summary>
    public void CheckSignals()
    {
        if (PyErr_CheckSignals() < 0) throw PythonException.Fetch();
    }

    /// <summary>
    /// True after Ctrl-C (SIGINT) until the main thread runs Python code again: a kernel running
    /// with the GIL released (<see cref="AllowThreads{TState}(TState, Action{TState})"/>) reads it
    /// to stop early. One memory read, no GIL, callable from any thread; <see cref="NdParallel"/>
    /// checks it between chunks.
    /// </summary>
    public static bool InterruptPending => Interrupts.Pending;

    /// <summary>Throws <see cref="PythonInterruptedException"/> when <see cref="InterruptPending"/>: the way out of a kernel after Ctrl-C.</summary>
    public static void ThrowIfInterrupted()
    {
        if (Interrupts.Pending) throw new PythonInterruptedException();
    }

    /// <summary>
    /// Runs <paramref name="body"/> with the GIL released, so other Python threads run meanwhile.
    /// <paramref name="state"/> (e.g. an NdViewMut of the call's array) is handed through: the body
    /// cannot capture this token, so it cannot touch Python. A body that stops on Ctrl-C by throwing
    /// <see cref="PythonInterruptedException"/> (<see cref="ThrowIfInterrupted"/>, <see cref="NdParallel"/>)
    /// ends here with Python's KeyboardInterrupt, raised by Python's own signal handler.
    /// </summary>
    public void AllowThreads<TState>(TState state, Action<TState> body) where TState : allows ref struct
    {
        Interrupts.Watch();
        nint saved = PyEval_SaveThread();
        try
        {
            body(state);
        }
        catch (PythonInterruptedException)
        {
            PyEval_RestoreThread(saved);
            saved = 0;
            CheckSignals();   // Python's own handler: KeyboardInterrupt (on the main thread)
            throw;
        }
        finally
        {
            if (saved != 0) PyEval_RestoreThread(saved);
        }
    }

    /// <summary>As <see cref="AllowThreads{TState}(TState, Action{TState})"/>, returning the body's result.</summary>
    public TResult AllowThreads<TState, TResult>(TState state, Func<TState, TResult> body) where TState : allows ref struct
    {
        Interrupts.Watch();
        nint saved = PyEval_SaveThread();
        try
        {
            return body(state);
        }
        catch (PythonInterruptedException)
        {
            PyEval_RestoreThread(saved);
            saved = 0;
            CheckSignals();   // Python's own handler: KeyboardInterrupt (on the main thread)
            throw;
        }
        finally
        {
            if (saved != 0) PyEval_RestoreThread(saved);
        }
    }

    /// <summary>
    /// Bounds the lifetime of temporaries (the tutorial's pool): every <see cref="PyRef"/> made on
    /// this thread while the scope is open is released when it closes, unless <see cref="PyRef.Keep"/>
    /// took it out. One scope per loop iteration keeps a long loop's memory flat.
    /// </summary>
    public PyScope Scope() => PyScope.Open();
}

/// <summary>
/// The GIL taken by <see cref="Python.Acquire"/>; <see cref="Dispose"/> gives it back. Like a call
/// from Python, the guard owns the <see cref="NdArray{T}"/>s its thread makes under it: those not
/// handed to Python or kept (<see cref="NdArray{T}.Keep"/>) are released when it is disposed.
/// </summary>
public ref struct GilGuard
{
    private readonly int _state;
    private readonly ulong _arrays;
    private bool _held;

    internal GilGuard(int state)
    {
        _state = state;
        _arrays = CallArrays.Mark;
        _held = true;
    }

    /// <summary>The token for code under this guard.</summary>
    public readonly Python Python => default;

    public void Dispose()
    {
        if (!_held) return;
        _held = false;
        CallArrays.End(_arrays);
        Finalizing.t_acquired--;
        PyGILState_Release(_state);
    }
}
