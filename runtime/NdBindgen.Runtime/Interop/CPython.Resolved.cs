using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NdBindgen.Interop;

// Functions that one supported CPython exports under another name (Py_IsFinalizing is
// _Py_IsFinalizing before 3.13), or that an older CPython lacks (PyInterpreterState_Get,
// PyObject_VectorcallDict, Py_EnterRecursiveCall and Py_LeaveRecursiveCall are 3.9+;
// PyInterpreterState_Main and PyImport_GetModule 3.7+; tests/python/test_hosts.py has the
// audit that every other function is exported by CPython 3.6-3.13). A direct
// call would leave an undefined symbol, and the dynamic loader (RTLD_NOW) would refuse the whole
// module before PyInit_<name> ran: an older interpreter could not be told why. These are looked up
// on first use, by name, in the process's global symbols: where the loader found every direct
// call's symbol (the python executable, or the libpython it loaded). An interpreter only gets here
// once PyInit has accepted its version, so the lookups cannot fail on a supported one.
internal static unsafe partial class CPython
{
    /// <summary>
    /// True once Py_FinalizeEx has begun: from then on a thread other than the finalizing one that
    /// waits for the GIL is ended by pthread_exit. Reads one runtime field, callable without the GIL.
    /// </summary>
    internal static int Py_IsFinalizing() => Resolved.Py_IsFinalizing();

    // Include/pystate.h: the interpreter of the calling thread (3.8: _PyInterpreterState_Get), and
    // the main one (PyInterpreterState is opaque).
    internal static nint PyInterpreterState_Get() => Resolved.PyInterpreterState_Get();

    internal static nint PyInterpreterState_Main() => Resolved.PyInterpreterState_Main();

    /// <summary>Include/import.h: sys.modules[name] (a new reference), or NULL without an error when absent.</summary>
    internal static PyObject* PyImport_GetModule(PyObject* name) => Resolved.PyImport_GetModule(name);

    // Include/cpython/abstract.h (3.8: _PyObject_FastCallDict).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static PyObject* PyObject_VectorcallDict(
        PyObject* callable, PyObject** args, nuint nargsf, PyObject* kwargs) =>
        Resolved.PyObject_VectorcallDict(callable, args, nargsf, kwargs);

    // Include/ceval.h: functions since 3.9 (macros before), in the limited API since 3.13. In 3.12+
    // they count C recursion against a fixed limit that sys.setrecursionlimit does not raise.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Py_EnterRecursiveCall(byte* where) => Resolved.Py_EnterRecursiveCall(where);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Py_LeaveRecursiveCall() => Resolved.Py_LeaveRecursiveCall();

    /// <summary>
    /// Include/cpython/longobject.h: an int as <paramref name="n"/> little-endian two's complement
    /// bytes (<paramref name="n"/> from <see cref="PyLong_ByteCount"/>). 3.13's PyLong_AsNativeBytes
    /// where it exists; before, _PyLong_AsByteArray, which 3.13 gave a sixth parameter (so it is never
    /// called there). Returns -1 with an exception set on failure.
    /// </summary>
    internal static int PyLong_AsLittleEndianBytes(PyObject* v, byte* bytes, nint n) =>
        Resolved.PyLong_AsNativeBytes != null
            ? (Resolved.PyLong_AsNativeBytes(v, bytes, n, 1) is var r && r < 0 ? -1 : 0)
            : Resolved._PyLong_AsByteArray(v, bytes, (nuint)n, 1, 1);

    /// <summary>Bytes enough for <see cref="PyLong_AsLittleEndianBytes"/> to hold the int <paramref name="v"/> whole.</summary>
    internal static nint PyLong_ByteCount(PyObject* v)
    {
        if (Resolved.PyLong_AsNativeBytes != null) return Resolved.PyLong_AsNativeBytes(v, null, 0, 1);
        nuint bits = _PyLong_NumBits(v);
        return bits == nuint.MaxValue ? -1 : (nint)(bits / 8 + 1);   // + 1: room for the sign bit
    }

    /// <summary>An int from <paramref name="n"/> little-endian two's complement bytes (PyLong_FromNativeBytes on 3.13).</summary>
    internal static PyObject* PyLong_FromLittleEndianBytes(byte* bytes, nint n) =>
        Resolved.PyLong_FromNativeBytes != null
            ? Resolved.PyLong_FromNativeBytes(bytes, (nuint)n, 1)
            : Resolved._PyLong_FromByteArray(bytes, (nuint)n, 1, 1);

    /// <summary>
    /// A new dict with room for <paramref name="count"/> items, so filling it never resizes: _PyDict_NewPresized,
    /// which every supported CPython exports though no header of 3.13 declares it for extensions; PyDict_New
    /// where a later one lacks it.
    /// </summary>
    internal static PyObject* PyDict_NewPresized(nint count) =>
        Resolved._PyDict_NewPresized != null ? Resolved._PyDict_NewPresized(count) : PyDict_New();

    /// <summary>The address of PyMember_GetOne(obj, member), a getset getter for a field described by a PyMemberDef.</summary>
    internal static void* PyMember_GetOneAddress => (void*)Resolved.PyMember_GetOne;

    /// <summary>Looks the functions up now (a missing one throws EntryPointNotFoundException here).</summary>
    internal static void ResolveVersionedFunctions() => Resolved.Touch();

    private static class Resolved
    {
        internal static readonly delegate* unmanaged<int> Py_IsFinalizing =
            (delegate* unmanaged<int>)(TryFind("Py_IsFinalizing") is var f && f != 0 ? f : Find("_Py_IsFinalizing"));

        internal static readonly delegate* unmanaged<nint> PyInterpreterState_Get =
            (delegate* unmanaged<nint>)Find("PyInterpreterState_Get");

        internal static readonly delegate* unmanaged<nint> PyInterpreterState_Main =
            (delegate* unmanaged<nint>)Find("PyInterpreterState_Main");

        internal static readonly delegate* unmanaged<PyObject*, PyObject*> PyImport_GetModule =
            (delegate* unmanaged<PyObject*, PyObject*>)Find("PyImport_GetModule");

        internal static readonly delegate* unmanaged<PyObject*, PyObject**, nuint, PyObject*, PyObject*>
            PyObject_VectorcallDict = (delegate* unmanaged<PyObject*, PyObject**, nuint, PyObject*, PyObject*>)
                Find("PyObject_VectorcallDict");

        internal static readonly delegate* unmanaged<byte*, int> Py_EnterRecursiveCall =
            (delegate* unmanaged<byte*, int>)Find("Py_EnterRecursiveCall");

        internal static readonly delegate* unmanaged<void> Py_LeaveRecursiveCall =
            (delegate* unmanaged<void>)Find("Py_LeaveRecursiveCall");

        // 3.13+ (null before): flags 1 = little-endian, signed.
        internal static readonly delegate* unmanaged<PyObject*, void*, nint, int, nint> PyLong_AsNativeBytes =
            (delegate* unmanaged<PyObject*, void*, nint, int, nint>)TryFind("PyLong_AsNativeBytes");

        internal static readonly delegate* unmanaged<void*, nuint, int, PyObject*> PyLong_FromNativeBytes =
            (delegate* unmanaged<void*, nuint, int, PyObject*>)TryFind("PyLong_FromNativeBytes");

        // 3.9-3.12 (v, bytes, n, little_endian, is_signed); only looked up where the 3.13 pair is absent.
        internal static readonly delegate* unmanaged<PyObject*, byte*, nuint, int, int, int> _PyLong_AsByteArray =
            PyLong_AsNativeBytes != null ? null
                : (delegate* unmanaged<PyObject*, byte*, nuint, int, int, int>)Find("_PyLong_AsByteArray");

        internal static readonly delegate* unmanaged<byte*, nuint, int, int, PyObject*> _PyLong_FromByteArray =
            PyLong_FromNativeBytes != null ? null
                : (delegate* unmanaged<byte*, nuint, int, int, PyObject*>)Find("_PyLong_FromByteArray");

        internal static readonly delegate* unmanaged<nint, PyObject*> _PyDict_NewPresized =
            (delegate* unmanaged<nint, PyObject*>)TryFind("_PyDict_NewPresized");

        // Include/descrobject.h (structmember.h before 3.12): the member described by m, read at obj + m->offset.
        // Its (obj, m) is a getter's (self, closure): a struct [PyClass]'s fields are read with no code of ours.
        internal static readonly nint PyMember_GetOne = Find("PyMember_GetOne");

        internal static void Touch() { }

        private static nint TryFind(string name) =>
            NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), name, out nint address) ? address : 0;

        private static nint Find(string name) => TryFind(name) is var address && address != 0
            ? address
            : throw new EntryPointNotFoundException($"the running Python interpreter has no C function {name}");
    }
}
