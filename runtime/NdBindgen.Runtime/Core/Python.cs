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
    public static GilGuard Acquire()
    {
        int state = PyGILState_Ensure();
        PyRef.ReleasePending();
        return new GilGuard(state);
    }

    /// <summary>True when the calling thread holds the GIL.</summary>
    public static bool IsGilHeld => PyGILState_Check() != 0;

    /// <summary><c>import name</c>.</summary>
    public unsafe PyRef Import(string name)
    {
        fixed (byte* p = Encoding.UTF8.GetBytes(name + "\0")) return PyRef.Own(PyImport_ImportModule(p));
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
            fixed (byte* p = utf8) return PyRef.Own(PyRun_StringFlags(p, start, g, g, null));
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

    /// <summary>Runs pending signal handlers: after Ctrl-C this throws KeyboardInterrupt (as a <see cref="PythonException"/>), which a long kernel lets propagate.</summary>
    public void CheckSignals()
    {
        if (PyErr_CheckSignals() < 0) throw PythonException.Fetch();
    }

    /// <summary>
    /// Runs <paramref name="body"/> with the GIL released, so other Python threads run meanwhile.
    /// <paramref name="state"/> (e.g. an NdViewMut of the call's array) is handed through: the body
    /// cannot capture this token, so it cannot touch Python.
    /// </summary>
    public void AllowThreads<TState>(TState state, Action<TState> body) where TState : allows ref struct
    {
        nint saved = PyEval_SaveThread();
        try
        {
            body(state);
        }
        finally
        {
            PyEval_RestoreThread(saved);
        }
    }

    /// <summary>As <see cref="AllowThreads{TState}(TState, Action{TState})"/>, returning the body's result.</summary>
    public TResult AllowThreads<TState, TResult>(TState state, Func<TState, TResult> body) where TState : allows ref struct
    {
        nint saved = PyEval_SaveThread();
        try
        {
            return body(state);
        }
        finally
        {
            PyEval_RestoreThread(saved);
        }
    }

    /// <summary>
    /// Bounds the lifetime of temporaries (the tutorial's pool): every <see cref="PyRef"/> made on
    /// this thread while the scope is open is released when it closes, unless <see cref="PyRef.Keep"/>
    /// took it out. One scope per loop iteration keeps a long loop's memory flat.
    /// </summary>
    public PyScope Scope() => PyScope.Open();
}

/// <summary>The GIL taken by <see cref="Python.Acquire"/>; <see cref="Dispose"/> gives it back.</summary>
public ref struct GilGuard
{
    private readonly int _state;
    private bool _held;

    internal GilGuard(int state)
    {
        _state = state;
        _held = true;
    }

    /// <summary>The token for code under this guard.</summary>
    public readonly Python Python => default;

    public void Dispose()
    {
        if (!_held) return;
        _held = false;
        PyGILState_Release(_state);
    }
}
