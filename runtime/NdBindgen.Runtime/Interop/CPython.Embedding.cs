using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/pylifecycle.h, pystate.h, ceval.h: hosting an interpreter and taking its lock.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void Py_InitializeEx(int initsigs);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int Py_IsInitialized();

    /// <summary>
    /// True once Py_FinalizeEx has begun: from then on a thread other than the finalizing one that
    /// waits for the GIL is ended by pthread_exit. Reads one runtime field, callable without the GIL.
    /// 3.9-3.12 export it under this name; 3.13 makes it public as Py_IsFinalizing.
    /// </summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int _Py_IsFinalizing();

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern nint PyEval_SaveThread();

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyEval_RestoreThread(nint threadState);

    /// <summary>Reads the calling thread's state: a leaf.</summary>
    [DllImport(Lib, ExactSpelling = true), System.Runtime.InteropServices.SuppressGCTransition]
    internal static extern int PyGILState_Check();

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int Py_FinalizeEx();

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyErr_CheckSignals();

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyGILState_Ensure();

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void PyGILState_Release(int state);

    /// <summary>Py_eval_input: the start symbol for a single expression.</summary>
    internal const int Py_eval_input = 258;

    /// <summary>Py_file_input: the start symbol for a sequence of statements.</summary>
    internal const int Py_file_input = 257;

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyRun_StringFlags(byte* source, int start, PyObject* globals, PyObject* locals, void* flags);
}
