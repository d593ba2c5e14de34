using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Which interpreter is running: PyInterpreterState_Get and _Main, in CPython.Resolved.cs.
    // Include/ceval.h: run func(arg) soon from the main thread's eval loop, at a point where Python code may run.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int Py_AddPendingCall(delegate* unmanaged<void*, int> func, void* arg);
}
