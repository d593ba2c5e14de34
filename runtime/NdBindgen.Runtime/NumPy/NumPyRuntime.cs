using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.NumPy;

/// <summary>
/// numpy's C API table, loaded on first need. Reading arrays only uses it when numpy is already
/// imported (an ndarray cannot exist otherwise), so modules never import numpy by surprise;
/// creating arrays imports it. Loading checks the C API version numpy reports and records its
/// descriptor layout (<see cref="DescrLayout"/>), once.
/// </summary>
internal static unsafe class NumPyRuntime
{
    private static NumPyApiTable* s_api;   // native memory: a pointer to it stays valid
    private static NpyDescrLayout s_descrLayout;   // written before s_api, under the GIL

    /// <summary>The table if NdBindgen has loaded it already (no call into Python), else null.</summary>
    internal static NumPyApiTable* IfLoaded => s_api;

    /// <summary>The descriptor layout of the numpy whose table is loaded (meaningful once it is).</summary>
    internal static NpyDescrLayout DescrLayout => s_descrLayout;

    /// <summary>The table if numpy is imported in this interpreter, else null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static NumPyApiTable* IfImported() => s_api != null ? s_api : LoadIfImported();

    // numpy 2 renamed numpy.core to numpy._core and keeps numpy.core as a shim that is not imported
    // with numpy and warns when its attributes are used; numpy 1.x has only numpy.core (1.26 also a
    // numpy._core stub for pickles, with the same table). The table says which numpy it is.
    private static ReadOnlySpan<byte> MultiarrayNumPy2 => "numpy._core.multiarray"u8;
    private static ReadOnlySpan<byte> MultiarrayNumPy1 => "numpy.core.multiarray"u8;

    // Without numpy in sys.modules (the common miss: a buffer that is not an ndarray), one lookup.
    private static NumPyApiTable* LoadIfImported()
    {
        PyObject* numpy = Imported("numpy"u8);
        if (numpy == null) return null;
        Py_DECREF(numpy);
        PyObject* module = Imported(MultiarrayNumPy2);
        if (module == null) module = Imported(MultiarrayNumPy1);
        return module == null ? null : Load(module);   // null while numpy's own import is under way
    }

    /// <summary>The table, importing numpy if needed; an ImportError if numpy is not installed or not usable.</summary>
    internal static NumPyApiTable* Require()
    {
        if (s_api != null) return s_api;
        PyObject* module = Imported(MultiarrayNumPy2);
        if (module == null) module = Imported(MultiarrayNumPy1);
        if (module == null) module = PyImport_ImportModule(Utf8.Z(MultiarrayNumPy2));
        if (module == null)
        {
            if (PyErr_ExceptionMatches(Builtins.ModuleNotFoundError) == 0) throw PythonException.Fetch();
            PyErr_Clear();   // numpy 1.x before 1.26 (or no numpy: the second import says so)
            module = PyImport_ImportModule(Utf8.Z(MultiarrayNumPy1));
            if (module == null) throw PythonException.Fetch();
        }
        return Load(module);
    }

    /// <summary>
    /// The multiarray module of the numpy whose table is loaded, if imported (a new reference), else
    /// null: numpy._core.multiarray for numpy 2, numpy.core.multiarray for 1.x, as rust-numpy picks it.
    /// </summary>
    internal static PyObject* ImportedMultiarray() =>
        Imported(s_descrLayout == NpyDescrLayout.NumPy2 ? MultiarrayNumPy2 : MultiarrayNumPy1);

    /// <summary>The module if it is in sys.modules (a new reference), else null.</summary>
    private static PyObject* Imported(ReadOnlySpan<byte> name)
    {
        PyObject* text = PyUnicode_FromString(Utf8.Z(name));
        if (text == null) throw PythonException.Fetch();
        PyObject* module = PyImport_GetModule(text);
        Py_DECREF(text);
        if (module == null && PyErr_Occurred() != null) throw PythonException.Fetch();
        return module;
    }

    /// <summary>Reads the table from <paramref name="module"/>'s <c>_ARRAY_API</c> capsule; takes the reference.</summary>
    private static NumPyApiTable* Load(PyObject* module)
    {
        PyObject* capsule = PyObject_GetAttrString(module, Utf8.Z("_ARRAY_API"u8));
        Py_DECREF(module);
        if (capsule == null) throw PythonException.Fetch();
        void** api = (void**)PyCapsule_GetPointer(capsule, null);
        Py_DECREF(capsule);   // the module keeps the capsule, and the table, alive
        if (api == null) throw PythonException.Fetch();

        // Before any other slot: the versions say whether this table is one NdBindgen can read.
        var version = NumPyCVersion.Read(api);
        if (!version.IsUsable)
            throw new PythonException(Builtins.ImportError, version.Refusal(NumPyVersionText())!);
        var table = (NumPyApiTable*)NativeMemory.Alloc((nuint)sizeof(NumPyApiTable));
        *table = NumPyApiTable.FromCapsuleTable(api);
        s_descrLayout = version.DescrLayout;
        s_api = table;
        return table;
    }

    /// <summary><c>numpy.__version__</c>, or "(version unknown)"; leaves no error set.</summary>
    private static string NumPyVersionText()
    {
        PyObject* numpy = Imported("numpy"u8);
        PyObject* text = numpy == null ? null : PyObject_GetAttrString(numpy, Utf8.Z("__version__"u8));
        if (numpy != null) Py_DECREF(numpy);
        string? version = null;
        if (text != null)
        {
            version = Utf8.FromStr(text);
            Py_DECREF(text);
        }
        PyErr_Clear();
        return version ?? "(version unknown)";
    }

    /// <summary>True when <paramref name="o"/> is a numpy.ndarray or a subclass of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsArray(NumPyApiTable* api, PyObject* o)
    {
        PyTypeObject* t = Py_TYPE(o);
        return t == api->PyArray_Type || PyType_IsSubtype(t, api->PyArray_Type) != 0;
    }
}
