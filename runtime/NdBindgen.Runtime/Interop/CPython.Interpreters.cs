using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/pystate.h, cpython/pystate.h: which interpreter is running (PyInterpreterState is opaque).
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern nint PyInterpreterState_Get();

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern nint PyInterpreterState_Main();

    // Include/ceval.h: run func(arg) soon from the main thread's eval loop, at a point where Python code may run.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int Py_AddPendingCall(delegate* unmanaged<void*, int> func, void* arg);
}
