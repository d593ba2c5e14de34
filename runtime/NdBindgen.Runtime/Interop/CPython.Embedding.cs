using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/pylifecycle.h, pystate.h, ceval.h: hosting an interpreter and taking its lock.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void Py_InitializeEx(int initsigs);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int Py_IsInitialized();

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
