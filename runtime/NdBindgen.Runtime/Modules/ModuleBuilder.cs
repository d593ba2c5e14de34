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
    // One module per native library: its PyInit makes it once.
    private static PyObject* s_module;

    /// <summary>
    /// Creates the module (a new reference), or returns NULL with an ImportError set. One build
    /// runs on every CPython of <see cref="PythonVersions"/>: the running interpreter's version,
    /// read first, picks the object layouts; any other interpreter (older, newer, free-threaded)
    /// is refused, and so are subinterpreters (the runtime's state is process-wide). A second
    /// import in the main interpreter gets the module made by the first.
    /// </summary>
    public static PyObject* Create(string name, string? doc, ReadOnlySpan<FunctionExport> functions) =>
        Create(name, doc, functions, default);

    /// <summary>As above, then each class registration adds its type to the new module.</summary>
    public static PyObject* Create(string name, string? doc, ReadOnlySpan<FunctionExport> functions,
        ReadOnlySpan<nint> classRegistrations)
    {
        PyObject* module = null;
        try
        {
            // Before any reference is counted: how Py_INCREF counts depends on the interpreter.
            if (PythonVersions.Admit() is { } refusal)
            {
                SetImportErrorRaw($"module '{name}' cannot be imported: {refusal}");
                return null;
            }
            CPython.ResolveVersionedFunctions();
            if (PyInterpreterState_Get() != PyInterpreterState_Main())
            {
                SetImportErrorRaw($"module '{name}' cannot be imported into a subinterpreter: it keeps process-wide "
                    + "state (its types, cached objects), so it runs only in the main interpreter");
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
        catch (Exception e) when (!Builtins.IsInitialized)
        {
            SetImportErrorRaw($"module '{name}' cannot be imported: {e.Message}");
            return null;
        }
        catch (Exception e)
        {
            Py_XDECREF(module);
            return PyErrors.Raise(e);
        }
    }

    /// <summary>
    /// Sets ImportError(<paramref name="message"/>) on an interpreter NdBindgen may not know: only C
    /// functions, no inlined reference counting (Builtins is not initialized there either).
    /// </summary>
    private static void SetImportErrorRaw(string message)
    {
        PyObject* builtins = PyImport_ImportModule(Utf8.Z("builtins"u8));
        if (builtins == null) return;
        PyObject* importError = PyObject_GetAttrString(builtins, Utf8.Z("ImportError"u8));
        Py_DecRef(builtins);
        if (importError == null) return;
        byte* text = Utf8.AllocPermanent(message);
        PyErr_SetString(importError, text);
        NativeMemory.Free(text);
        Py_DecRef(importError);
    }
}
