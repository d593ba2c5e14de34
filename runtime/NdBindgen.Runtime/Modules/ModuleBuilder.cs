using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using NdBindgen.Memory;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Modules;

/// <summary>One exported function as the module table lists it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct FunctionExport
{
    public FunctionExport(string name, string? doc, delegate* unmanaged<PyObject*, PyObject**, nint, PyObject*, PyObject*> entry)
    {
        Name = name;
        Doc = doc;
        Entry = entry;
    }

    public string Name { get; }
    public string? Doc { get; }
    public delegate* unmanaged<PyObject*, PyObject**, nint, PyObject*, PyObject*> Entry { get; }
}

/// <summary>Builds the module object in <c>PyInit_&lt;name&gt;</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class ModuleBuilder
{
    /// <summary>The CPython version whose struct layouts Interop/ mirrors.</summary>
    private const string LayoutsVersion = "3.11";

    // One module per native library: its PyInit makes it once.
    private static PyObject* s_module;

    /// <summary>
    /// Creates the module (a new reference), or returns NULL with an ImportError set.
    /// <paramref name="builtForPython"/> is the "major.minor" the module was compiled for: object
    /// layouts differ between CPython versions, so any other interpreter is refused. So are
    /// subinterpreters (the runtime's state is process-wide); a second import in the main
    /// interpreter gets the module made by the first.
    /// </summary>
    public static PyObject* Create(string name, string? doc, string builtForPython, ReadOnlySpan<FunctionExport> functions) =>
        Create(name, doc, builtForPython, functions, default);

    /// <summary>As above, then each class registration adds its type to the new module.</summary>
    public static PyObject* Create(string name, string? doc, string builtForPython, ReadOnlySpan<FunctionExport> functions,
        ReadOnlySpan<nint> classRegistrations)
    {
        PyObject* module = null;
        try
        {
            string running = Utf8.FromC(Py_GetVersion());
            if (!running.StartsWith(builtForPython + ".", StringComparison.Ordinal))
            {
                string version = running.Split(' ')[0];
                SetImportErrorRaw($"module '{name}' was built for CPython {builtForPython} and cannot be imported into CPython {version}; rebuild it for this interpreter (dotnet publish -p:PythonExecutable=<path to python>)");
                return null;
            }
            if (builtForPython != LayoutsVersion)
            {
                SetImportErrorRaw($"module '{name}' was built for CPython {builtForPython}, but NdBindgen's runtime knows the object layouts of CPython {LayoutsVersion} only; rebuild it with -p:PythonExecutable=<a CPython {LayoutsVersion} interpreter>");
                return null;
            }
            if (PyInterpreterState_Get() != PyInterpreterState_Main())
            {
                SetImportErrorRaw($"module '{name}' cannot be imported into a subinterpreter: it keeps process-wide state (its types, cached objects), so it runs only in the main interpreter");
                return null;
            }
            if (ForkGuard.Forked) return ForkGuard.RaiseImportError();
            // Imported again (del sys.modules[name]; import name): the same module, the same types.
            if (s_module != null) return Py_NewRef(s_module);
            Builtins.Initialize();
            ForkGuard.Initialize(name);
            Finalizing.Initialize();
            CommittedMemoryWatch.Start();

            // The definitions must outlive the module (CPython keeps pointers to them): they are
            // allocated once in native memory and never freed.
            var methods = (PyMethodDef*)NativeMemory.AllocZeroed((nuint)(functions.Length + 1), (nuint)sizeof(PyMethodDef));
            for (int i = 0; i < functions.Length; i++)
            {
                methods[i].ml_name = Utf8.AllocPermanent(functions[i].Name);
                methods[i].ml_meth = functions[i].Entry;
                methods[i].ml_flags = PyConst.METH_FASTCALL | PyConst.METH_KEYWORDS;
                methods[i].ml_doc = Utf8.AllocPermanent(functions[i].Doc);
            }
            var def = (PyModuleDef*)NativeMemory.AllocZeroed((nuint)sizeof(PyModuleDef));
            def->m_base_ob_base.ob_refcnt = 1;
            def->m_name = Utf8.AllocPermanent(name);
            def->m_doc = Utf8.AllocPermanent(doc);
            // Not -1: CPython would then copy the first module's dict into every later import,
            // subinterpreters included, without calling PyInit again, so they could not be refused.
            // With 0 every import calls PyInit, which refuses them and returns this module again.
            def->m_size = 0;
            def->m_methods = methods;
            module = PyModule_Create2(def, PyConst.PYTHON_API_VERSION);
            if (module == null) return null;
            foreach (nint register in classRegistrations) ((delegate*<PyObject*, void>)register)(module);
            s_module = Py_NewRef(module);   // kept for the life of the process, as the types are
            return module;
        }
        catch (Exception e)
        {
            Py_XDECREF(module);
            return PyErrors.Raise(e);
        }
    }

    private static void SetImportErrorRaw(string message)
    {
        // Builtins is not initialized on a foreign interpreter: look ImportError up by hand.
        PyObject* builtins = PyImport_ImportModule(Utf8.Z("builtins"u8));
        if (builtins == null) return;
        PyObject* importError = PyObject_GetAttrString(builtins, Utf8.Z("ImportError"u8));
        Py_DECREF(builtins);
        if (importError == null) return;
        PyErrors.SetString(importError, message);
        Py_DECREF(importError);
    }
}
