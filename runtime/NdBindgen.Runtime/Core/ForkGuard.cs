using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Core;

/// <summary>
/// Refuses every call in a process forked from one that had imported the module. .NET does not
/// support fork(): the child has only the forking thread, so its first .NET collection walks or
/// suspends threads that are not there (SIGSEGV, SIGABRT) and whatever waits for the finalizer or
/// the thread pool (<c>NdParallel.For</c>, <c>GC.WaitForPendingFinalizers</c>) hangs.
/// <para>
/// The flag is the size of a one-element Python list whose <c>clear</c> is registered at import
/// with <c>os.register_at_fork(after_in_child=...)</c>: a builtin written in C, so no .NET code runs
/// inside fork(). Every entry point reads the size through a static pointer (a load and a branch)
/// and, in a forked child, raises a RuntimeError whose message was encoded at import (nothing is
/// allocated on the .NET heap). A module first imported in the child makes its own list and works.
/// </para>
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class ForkGuard
{
    // &list->ob_size at import; before that a cell of our own holding 1, so the check never reads
    // NULL (embedding and tests build types without a module import).
    private static nint* s_alive;
    private static byte* s_message;

#pragma warning disable CA2255 // a library's module initializer: it only points the flag at a constant
    [ModuleInitializer]
    internal static void Start()
#pragma warning restore CA2255
    {
        nint* cell = (nint*)NativeMemory.Alloc((nuint)sizeof(nint));
        *cell = 1;
        s_alive = cell;
    }

    /// <summary>True in a process forked (through os.fork) from one that had imported the module.</summary>
    public static bool Forked
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => *s_alive == 0;
    }

    /// <summary>Sets the fork RuntimeError and returns NULL, for an entry point returning an object.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static PyObject* Raise()
    {
        PyErr_SetString(Builtins.RuntimeError, s_message);
        return null;
    }

    /// <summary>Sets the fork RuntimeError and returns -1, for an entry point returning a status.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int RaiseStatus()
    {
        PyErr_SetString(Builtins.RuntimeError, s_message);
        return -1;
    }

    /// <summary>As <see cref="Raise"/>, with an ImportError (a re-import in the child).</summary>
    internal static PyObject* RaiseImportError()
    {
        PyErr_SetString(Builtins.ImportError, s_message);
        return null;
    }

    /// <summary>
    /// At the module's first import, with the GIL held: makes the flag and registers its reset
    /// in forked children. Where os.register_at_fork does not exist (not POSIX) there is no fork
    /// to guard against. Throws <see cref="PythonException"/> on failure.
    /// </summary>
    internal static void Initialize(string moduleName)
    {
        if (s_message != null) return;
        s_message = Utf8.AllocPermanent(
            $"{moduleName} cannot run in a process forked from one that had imported it: .NET does not " +
            "support fork(). Use multiprocessing's 'spawn' or 'forkserver' start method " +
            $"(multiprocessing.set_start_method('spawn')), or import {moduleName} only in the child.");
        PyObject* list = PyList_New(1);
        if (list == null) throw PythonException.Fetch();
        PyList_SetItem(list, 0, Py_NewRef(Builtins.None));
        PyObject* os = null, register = null, clear = null, kwargs = null, done = null;
        try
        {
            os = PyImport_ImportModule(Utf8.Z("os"u8));
            if (os == null) throw PythonException.Fetch();
            register = PyObject_GetAttrString(os, Utf8.Z("register_at_fork"u8));
            if (register == null)
            {
                PyErr_Clear();
                return;
            }
            clear = PyObject_GetAttrString(list, Utf8.Z("clear"u8));
            kwargs = PyDict_New();
            if (clear == null || kwargs == null) throw PythonException.Fetch();
            if (PyDict_SetItemString(kwargs, Utf8.Z("after_in_child"u8), clear) < 0) throw PythonException.Fetch();
            done = PyObject_VectorcallDict(register, null, 0, kwargs);
            if (done == null) throw PythonException.Fetch();
            // The list lives as long as the process: the hook holds it, and so does this reference.
            s_alive = &((PyVarObject*)Py_NewRef(list))->ob_size;
        }
        finally
        {
            Py_XDECREF(done);
            Py_XDECREF(kwargs);
            Py_XDECREF(clear);
            Py_XDECREF(register);
            Py_XDECREF(os);
            Py_DECREF(list);
        }
    }
}
