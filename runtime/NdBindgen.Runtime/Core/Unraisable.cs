using System;
using System.Collections.Generic;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Core;

/// <summary>
/// Exceptions thrown where CPython cannot take one (tp_dealloc, tp_traverse, tp_clear) go to
/// <c>sys.unraisablehook</c>, as CPython reports an exception in <c>__del__</c>, and the
/// interpreter goes on. The object reported is the class: the instance may be half torn down, and
/// a dying one must not be handed out (the hook would take a reference to it).
/// </summary>
internal static unsafe class Unraisable
{
    private static readonly List<(Exception Error, nint Type)> s_later = new();
    private static bool s_scheduled;
    private const int MaxQueued = 64;

    /// <summary>Reports <paramref name="e"/> now, leaving an exception the caller may be propagating (dealloc during unwinding) as it was.</summary>
    internal static void Report(Exception e, PyTypeObject* type)
    {
        PyObject* savedType, savedValue, savedTraceback;
        PyErr_Fetch(&savedType, &savedValue, &savedTraceback);
        PyErrors.Raise(e);
        PyErr_WriteUnraisable((PyObject*)type);
        PyErr_Restore(savedType, savedValue, savedTraceback);
    }

    /// <summary>
    /// Reports <paramref name="e"/> from the main thread's eval loop, soon: tp_traverse runs inside
    /// a collection, where the hook's Python code (allocating, dropping the last reference to an
    /// object being examined) could corrupt the collector's lists. The GIL must be held.
    /// </summary>
    internal static void ReportLater(Exception e, PyTypeObject* type)
    {
        if (s_later.Count >= MaxQueued) return;   // the main thread is not running Python: do not grow without bound
        Py_INCREF((PyObject*)type);
        s_later.Add((e, (nint)type));
        if (!s_scheduled) s_scheduled = Py_AddPendingCall(&ReportPending, null) == 0;
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static int ReportPending(void* arg)
    {
        s_scheduled = false;
        if (ForkGuard.Forked) return 0;
        try
        {
            // The hook may run a collection that queues more: take the queue first.
            var reports = s_later.ToArray();
            s_later.Clear();
            foreach (var (error, type) in reports)
            {
                Report(error, (PyTypeObject*)type);
                Py_DECREF((PyObject*)type);
            }
        }
        catch
        {
            // Out of memory while copying the queue: nothing more can be reported.
        }
        return 0;
    }
}
