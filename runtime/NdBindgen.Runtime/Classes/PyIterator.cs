using System;
using System.Collections;
using System.ComponentModel;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Classes;

/// <summary>
/// <c>__iter__</c> of a class implementing <c>IEnumerable&lt;T&gt;</c>: a Python iterator over a .NET
/// enumerator, converting each item with the conversion the generator chose for T.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PyIterator
{
    [StructLayout(LayoutKind.Sequential)]
    private struct IteratorObject
    {
        public PyObject ob_base;
        public nint enumerator;                          // GCHandle of the IEnumerator
        public delegate*<object?, PyObject*> convert;    // item -> new reference
    }

    private static PyTypeObject* s_type;

    /// <summary>A new iterator (a new reference) over <paramref name="items"/>.</summary>
    public static PyObject* Create(IEnumerable items, delegate*<object?, PyObject*> convert)
    {
        PyTypeObject* type = Type();
        var alloc = (delegate* unmanaged<PyTypeObject*, nint, PyObject*>)PyType_GetSlot(type, PySlot.tp_alloc);
        IEnumerator enumerator = items.GetEnumerator();
        PyObject* self = alloc(type, 0);
        if (self == null) throw PythonException.Fetch();
        ((IteratorObject*)self)->enumerator = GCHandle.ToIntPtr(GCHandle.Alloc(enumerator));
        ((IteratorObject*)self)->convert = convert;
        return self;
    }

    private static PyTypeObject* Type()
    {
        if (s_type != null) return s_type;
        var slots = (PyType_Slot*)NativeMemory.AllocZeroed(4, (nuint)sizeof(PyType_Slot));
        slots[0] = new PyType_Slot { slot = PySlot.tp_dealloc, pfunc = (delegate* unmanaged<PyObject*, void>)&Dealloc };
        slots[1] = new PyType_Slot { slot = PySlot.tp_iter, pfunc = (delegate* unmanaged<PyObject*, PyObject*>)&Self };
        slots[2] = new PyType_Slot { slot = PySlot.tp_iternext, pfunc = (delegate* unmanaged<PyObject*, PyObject*>)&Next };
        var spec = (PyType_Spec*)NativeMemory.AllocZeroed((nuint)sizeof(PyType_Spec));
        spec->name = Utf8.AllocPermanent("ndbindgen.iterator");
        spec->basicsize = sizeof(IteratorObject);
        spec->flags = PySlot.Py_TPFLAGS_DEFAULT;
        spec->slots = slots;
        var type = (PyTypeObject*)PyType_FromSpecWithBases(spec, null);
        if (type == null) throw PythonException.Fetch();
        return s_type = type;
    }

    [UnmanagedCallersOnly]
    private static PyObject* Self(PyObject* self) => Py_NewRef(self);

    [UnmanagedCallersOnly]
    private static PyObject* Next(PyObject* self)
    {
        if (ForkGuard.Forked) return ForkGuard.Raise();
        try
        {
            var it = (IteratorObject*)self;
            if (it->enumerator == 0) return null;
            var enumerator = (IEnumerator)GCHandle.FromIntPtr(it->enumerator).Target!;
            return enumerator.MoveNext() ? it->convert(enumerator.Current) : null;   // NULL, no error: StopIteration
        }
        catch (Exception e)
        {
            return PyErrors.Raise(e);
        }
    }

    [UnmanagedCallersOnly]
    private static void Dealloc(PyObject* self)
    {
        var it = (IteratorObject*)self;
        if (it->enumerator != 0 && !ForkGuard.Forked)   // in a forked child, .NET is left alone
        {
            GCHandle handle = GCHandle.FromIntPtr(it->enumerator);
            it->enumerator = 0;
            try
            {
                (handle.Target as IDisposable)?.Dispose();
            }
            catch (Exception e)
            {
                Unraisable.Report(e, Py_TYPE(self));   // not self: it is being freed
            }
            handle.Free();
        }
        PyTypeObject* type = Py_TYPE(self);
        var free = (delegate* unmanaged<void*, void>)PyType_GetSlot(type, PySlot.tp_free);
        free(self);
        Py_DECREF((PyObject*)type);
    }
}
