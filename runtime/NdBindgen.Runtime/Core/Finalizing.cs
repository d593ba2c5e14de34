using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Core;

/// <summary>
/// The gate threads without the GIL pass to take it (<see cref="Python.Acquire"/>). Once
/// Py_FinalizeEx has begun, CPython ends any thread but the finalizing one that waits for the GIL
/// (pthread_exit: its work is lost without an error), so the gate refuses with
/// <see cref="PythonFinalizingException"/>. Checking <c>Py_IsFinalizing</c> alone leaves a
/// window: a thread that passed the check and waits for the GIL when finalization begins. So the
/// gate closes a step earlier, from an atexit hook (registered on the first pass; atexit runs
/// after non-daemon threads were joined, while the interpreter is intact): it refuses newcomers
/// and lets the threads already waiting through before finalization begins. atexit handlers run
/// last-registered first: handlers registered after the gate's still run with it open.
/// <para>
/// Once the gate is closed only the finalizing thread, and threads that took the GIL before and
/// take it again inside, may pass: after finalization <c>PyGILState_Check</c> answers 1 on every
/// thread (its thread-local key is gone), and a thread believing it holds the GIL would call into
/// an interpreter that no longer exists (seen: a C# thread started by a kernel as the process
/// exited, SIGSEGV in <c>PyGILState_Ensure</c>). So a module registers the hook at import
/// (<see cref="Initialize"/>); an embedding program's, at its first foreign thread.
/// </para>
/// </summary>
internal static unsafe class Finalizing
{
    /// <summary>How many <see cref="Python.Acquire"/> guards this thread holds.</summary>
    [ThreadStatic] internal static int t_acquired;
    private static int s_finalizingThread;   // managed id of the thread that closed the gate
    private static int s_closed;     // 1 once the atexit hook ran
    private static int s_entering;   // threads between passing the gate and holding the GIL
    private static int s_registered;

    /// <summary>Throws once the gate is closed, but on the finalizing thread and inside this thread's own guards.</summary>
    internal static void RefuseIfClosed()
    {
        if (Volatile.Read(ref s_closed) == 0 || t_acquired > 0) return;
        if (Environment.CurrentManagedThreadId != Volatile.Read(ref s_finalizingThread))
            throw new PythonFinalizingException();
    }

    /// <summary>Passes the gate or throws; call <see cref="Entered"/> once the GIL is held.</summary>
    internal static void Enter()
    {
        Interlocked.Increment(ref s_entering);   // a full fence: the hook sees us, or we see it closed
        if (Volatile.Read(ref s_closed) != 0 || Py_IsFinalizing() != 0)
        {
            Interlocked.Decrement(ref s_entering);
            throw new PythonFinalizingException();
        }
    }

    /// <summary>This thread holds the GIL now; the first such thread registers the atexit hook.</summary>
    internal static void Entered()
    {
        Interlocked.Decrement(ref s_entering);
        if (s_registered == 0) Register();
    }

    /// <summary>Registers the atexit hook now (at import; the GIL is held).</summary>
    internal static void Initialize()
    {
        if (s_registered == 0) Register();
    }

    private static void Register()
    {
        s_registered = 1;
        Python py = Python.AssumeGilHeld();
        var def = (PyMethodDef*)NativeMemory.AllocZeroed((nuint)sizeof(PyMethodDef));   // lives as long as the process
        def->ml_name = Utf8.Z("ndbindgen_close_gil_gate"u8);
        def->ml_meth = (delegate* unmanaged<PyObject*, PyObject*, PyObject*>)&Close;
        def->ml_flags = PyConst.METH_NOARGS;
        try
        {
            using PyRef hook = PyRef.OwnUntracked(PyCFunction_NewEx(def, null, null) is var f && f != null ? f : throw PythonException.Fetch());
            using PyRef atexit = py.Import("atexit");
            atexit.CallMethod(py, "register", hook).Dispose();
        }
        catch (PythonException)
        {
            // Without the hook only Py_IsFinalizing guards the gate.
        }
    }

    [UnmanagedCallersOnly]
    private static PyObject* Close(PyObject* self, PyObject* unused)
    {
        if (ForkGuard.Forked) return Py_NewRef(Builtins.None);   // a forked child: .NET is left alone
        Volatile.Write(ref s_finalizingThread, Environment.CurrentManagedThreadId);
        Interlocked.Exchange(ref s_closed, 1);
        if (Volatile.Read(ref s_entering) > 0)
        {
            // Threads already through the gate wait for the GIL: let them have it (bounded, in case one never comes).
            nint saved = PyEval_SaveThread();
            var clock = Stopwatch.StartNew();
            while (Volatile.Read(ref s_entering) > 0 && clock.ElapsedMilliseconds < 5000) Thread.Sleep(1);
            PyEval_RestoreThread(saved);
        }
        return Py_NewRef(Builtins.None);
    }
}
