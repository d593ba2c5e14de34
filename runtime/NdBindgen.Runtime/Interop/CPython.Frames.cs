using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

// Code, frame and traceback objects: what Cython's __Pyx_AddTraceback uses to put its .pyx lines in a
// traceback, here for the .NET frames (Exceptions/PyTracebacks.cs). None is in the limited API, but every
// CPython 3.6-3.13 exports each with this signature (tests/python/test_hosts.py audits the exports), so they
// are direct calls. The objects are opaque: PyCodeObject*, PyFrameObject* and PyThreadState* are pointers only.
internal static unsafe partial class CPython
{
    /// <summary>
    /// Include/pystate.h: the calling thread's state (the GIL is held); never NULL then. A leaf: it reads
    /// one variable (measured: the GC transition was 35 of the 40 instructions an NdArray paid for it).
    /// </summary>
    [DllImport(Lib, ExactSpelling = true), SuppressGCTransition]
    internal static extern nint PyThreadState_Get();

    /// <summary>
    /// Include/cpython/code.h (code.h before 3.11): a code object that runs nothing, whose
    /// <c>co_filename</c>, <c>co_name</c> and <c>co_firstlineno</c> are given: its line for any instruction
    /// offset, the one of a frame that never ran, is <paramref name="firstlineno"/>.
    /// </summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyCode_NewEmpty(byte* filename, byte* funcname, int firstlineno);

    /// <summary>
    /// Include/cpython/frameobject.h (frameobject.h before 3.11): a frame of <paramref name="code"/> that
    /// never ran (PyFrameObject*, a new reference). <paramref name="globals"/> is a dict; locals may be NULL.
    /// </summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyFrame_New(nint tstate, PyObject* code, PyObject* globals, PyObject* locals);

    /// <summary>
    /// Include/traceback.h: puts <paramref name="frame"/> at the head (the outermost end) of the traceback
    /// of the exception in the error indicator, as the interpreter does when an exception leaves a frame.
    /// </summary>
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyTraceBack_Here(PyObject* frame);
}
