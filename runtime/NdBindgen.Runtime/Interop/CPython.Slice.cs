using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

/// <summary>Include/sliceobject.h: a slice's fields (the layout is the same in every CPython 3).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PySliceObject
{
    public PyObject ob_base;
    public PyObject* start, stop, step;   // never NULL: None when omitted
}

internal static unsafe partial class CPython
{
    // Include/abstract.h: an __index__ result as a Py_ssize_t; exc NULL clamps to PY_SSIZE_T_MIN/MAX.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern nint PyNumber_AsSsize_t(PyObject* o, PyObject* exc);

    // Include/abstract.h: callable(*args, **kwargs).
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyObject_Call(PyObject* callable, PyObject* args, PyObject* kwargs);
}
