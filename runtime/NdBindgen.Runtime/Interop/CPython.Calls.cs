using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

internal static unsafe partial class CPython
{
    // Include/abstract.h, cpython/abstract.h, object.h: calling and attributes; tupleobject.h, dictobject.h.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyCallable_Check(PyObject* o);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyObject_GetAttr(PyObject* o, PyObject* name);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyObject_SetAttr(PyObject* o, PyObject* name, PyObject* value);

    [DllImport(Lib, ExactSpelling = true)]
    internal static extern int PyDict_SetItemString(PyObject* dict, byte* key, PyObject* value);

    // Include/methodobject.h: a builtin function object for a C function.
    [DllImport(Lib, ExactSpelling = true)]
    internal static extern PyObject* PyCFunction_NewEx(PyMethodDef* def, PyObject* self, PyObject* module);
}
