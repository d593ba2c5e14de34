using System;
using System.Collections.Generic;
using NdBindgen.Conversions;
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

/// <summary>
/// One [PyConstant]: its Python name, the C# member it reads (named when reading fails) and the generated
/// function that reads it and converts the value (a new reference).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct ConstantExport(string name, string member, delegate*<PyObject*> read)
{
    public string Name { get; } = name;
    public string Member { get; } = member;
    public delegate*<PyObject*> Read { get; } = read;
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
        ReadOnlySpan<nint> classRegistrations) => Create(name, doc, functions, classRegistrations, null);

    /// <summary>
    /// As above, then <paramref name="populate"/> adds the rest (<see cref="AddVersion"/>, <see cref="AddConstants"/>,
    /// <see cref="AddSubmodule"/>). Only when all of it succeeded do the submodules go into <c>sys.modules</c>:
    /// an import that fails half-way leaves nothing behind.
    /// </summary>
    public static PyObject* Create(string name, string? doc, ReadOnlySpan<FunctionExport> functions,
        ReadOnlySpan<nint> classRegistrations, delegate*<PyObject*, void> populate)
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

            module = PyModule_Create2(Definition(name, doc, functions), PyConst.PYTHON_API_VERSION);
            if (module == null) return null;
            foreach (nint register in classRegistrations) ((delegate*<PyObject*, void>)register)(module);
            if (populate != null)
            {
                // Module code (static constructors the constants run) is a call too: arrays it makes
                // and does not keep are released when it is done.
                ulong arrays = Core.CallArrays.Mark;
                try
                {
                    populate(module);
                }
                finally
                {
                    Core.CallArrays.End(arrays);
                }
            }
            PublishSubmodules();
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
            DropSubmodules();
            Py_XDECREF(module);
            return PyErrors.Raise(e);
        }
    }

    /// <summary>
    /// The module's definition. It must outlive the module (CPython keeps pointers into it): allocated once in
    /// native memory and never freed.
    /// </summary>
    private static PyModuleDef* Definition(string name, string? doc, ReadOnlySpan<FunctionExport> functions)
    {
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
        return def;
    }

    // The submodules made during this PyInit (each an owned reference), until they go into sys.modules.
    private static readonly List<(string FullName, nint Module)> s_pendingSubmodules = new();

    /// <summary>Sets <c>__version__</c>, the project's Version.</summary>
    public static void AddVersion(PyObject* module, string version) =>
        SetAttribute(module, "__version__", Strings.FromString(version));

    /// <summary>
    /// Reads and converts each constant once and sets it as an attribute of <paramref name="module"/>. A constant
    /// that cannot be read (its static initializer throws, say) makes the import fail with an ImportError naming it.
    /// </summary>
    public static void AddConstants(PyObject* module, ReadOnlySpan<ConstantExport> constants)
    {
        foreach (ConstantExport c in constants)
        {
            PyObject* value;
            try
            {
                value = c.Read();
            }
            catch (Exception e)
            {
                Exception cause = e is TypeInitializationException { InnerException: { } inner } ? inner : e;
                string why = cause is PythonException pe ? $"{pe.PythonTypeName}: {pe.Message}"
                    : $"{cause.GetType().FullName}: {cause.Message}";
                throw new PythonException(Builtins.ImportError,
                    $"module '{ModuleName(module)}' cannot be imported: its constant {c.Name} ({c.Member}) "
                    + $"could not be read: {why}");
            }
            SetAttribute(module, c.Name, value);
        }
    }

    /// <summary>
    /// Creates the submodule <paramref name="fullName"/> ("pkg.sub"): an attribute of <paramref name="parent"/>, and
    /// in <c>sys.modules</c> once the whole import succeeded, so that <c>import pkg.sub</c> finds it (a module
    /// made by an extension has no file of its own to import). Returns it, borrowed: the parent holds it.
    /// </summary>
    public static PyObject* AddSubmodule(PyObject* parent, string fullName, string? doc,
        ReadOnlySpan<FunctionExport> functions, ReadOnlySpan<nint> classRegistrations)
    {
        PyObject* submodule = PyModule_Create2(Definition(fullName, doc, functions), PyConst.PYTHON_API_VERSION);
        if (submodule == null) throw PythonException.Fetch();
        s_pendingSubmodules.Add((fullName, (nint)submodule));   // owned until published or dropped
        SetAttribute(parent, fullName[(fullName.LastIndexOf('.') + 1)..], Py_NewRef(submodule));
        foreach (nint register in classRegistrations) ((delegate*<PyObject*, void>)register)(submodule);
        return submodule;
    }

    /// <summary>Sets module.<paramref name="name"/> to <paramref name="value"/> (a new reference, consumed).</summary>
    private static void SetAttribute(PyObject* module, string name, PyObject* value)
    {
        byte* key = Utf8.AllocPermanent(name);
        int added = PyDict_SetItemString(PyModule_GetDict(module), key, value);
        NativeMemory.Free(key);
        Py_DECREF(value);
        if (added < 0) throw PythonException.Fetch();
    }

    internal static void PublishSubmodules()
    {
        PyObject* modules = PySys_GetObject(Utf8.Z("modules"u8));
        if (modules == null) throw new PythonException(Builtins.ImportError, "sys.modules is missing");
        foreach (var (fullName, submodule) in s_pendingSubmodules)
        {
            byte* key = Utf8.AllocPermanent(fullName);
            int added = PyDict_SetItemString(modules, key, (PyObject*)submodule);
            NativeMemory.Free(key);
            if (added < 0) throw PythonException.Fetch();   // the ones already in stay: they are complete
        }
        DropSubmodules();
    }

    /// <summary>Releases this PyInit's own references to its submodules.</summary>
    internal static void DropSubmodules()
    {
        foreach (var (_, submodule) in s_pendingSubmodules) Py_DECREF((PyObject*)submodule);
        s_pendingSubmodules.Clear();
    }

    private static string ModuleName(PyObject* module) => Utf8.FromC(PyModule_GetName(module));

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
