using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/ceval.h: functions (not macros) since 3.9, in the limited API since 3.13. In 3.12+
    // they count C recursion against a fixed limit that sys.setrecursionlimit does not raise.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int Py_EnterRecursiveCall(byte* where);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern void Py_LeaveRecursiveCall();
}
