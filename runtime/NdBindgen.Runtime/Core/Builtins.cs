using System;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Core;

/// <summary>
/// The interpreter's singletons, builtin types and exception types, looked up once by name in
/// <c>builtins</c> (a NativeAOT library cannot import C data symbols such as <c>PyExc_TypeError</c>).
/// The references are kept for the life of the process.
/// </summary>
internal static unsafe class Builtins
{
    internal static PyObject* None, True, False, NotImplemented;
    internal static PyTypeObject* FloatType, ComplexType, LongType, BoolType, UnicodeType;

    // The containers' fast paths (Conversions/Sequences.cs, Mappings.cs).
    internal static PyTypeObject* ListType, TupleType, DictType, SetType, FrozenSetType;

    /// <summary>
    /// complex's nb_float: on 3.9 a slot that only raises "can't convert complex to float" (3.10
    /// removed it), so complex does not count as having __float__; 0 from 3.10 on.
    /// </summary>
    internal static nint ComplexNbFloat;

    internal static PyObject* TypeError, ValueError, OverflowError, IndexError, KeyError,
        ZeroDivisionError, NotImplementedError, MemoryError, RuntimeError, ImportError, ModuleNotFoundError,
        AttributeError, RecursionError, KeyboardInterrupt, BufferError;

    // The rest of the exception hierarchy the PyBaseException family raises (Core/PyExceptions.cs).
    internal static PyObject* BaseException, Exception, LookupError, ArithmeticError, AssertionError, EOFError,
        OSError, FileNotFoundError, FileExistsError, PermissionError, TimeoutError, IsADirectoryError,
        NotADirectoryError, ConnectionError, NameError, SystemError, UnicodeError, ReferenceError,
        Warning, UserWarning, DeprecationWarning, PendingDeprecationWarning, RuntimeWarning, FutureWarning,
        ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, SyntaxWarning;

    /// <summary>3.11's <c>BaseExceptionGroup</c>; NULL before 3.11.</summary>
    internal static PyObject* BaseExceptionGroup;

    // Containers and iterators (Classes/PyContainers.cs).
    internal static PyTypeObject* SliceType;
    internal static PyObject* StopIteration;

    private static bool s_initialized;

    internal static bool IsInitialized => s_initialized;

    /// <summary>
    /// Meets the interpreter (<see cref="PythonVersions.Admit"/>: refuses an unsupported one with
    /// <see cref="NotSupportedException"/>, picks the layouts), then looks everything up; call with
    /// the GIL held. Throws <see cref="PythonException"/> on failure.
    /// </summary>
    internal static void Initialize()
    {
        if (s_initialized) return;
        if (PythonVersions.Admit() is { } refusal) throw new NotSupportedException(refusal);
        PyObject* builtins = PyImport_ImportModule(Utf8.Z("builtins"u8));
        if (builtins == null) throw PythonException.Fetch();
        try
        {
            None = Get(builtins, "None"u8);
            True = Get(builtins, "True"u8);
            False = Get(builtins, "False"u8);
            NotImplemented = Get(builtins, "NotImplemented"u8);
            FloatType = (PyTypeObject*)Get(builtins, "float"u8);
            ComplexType = (PyTypeObject*)Get(builtins, "complex"u8);
            ComplexNbFloat = PyType_NbFloat(ComplexType);
            LongType = (PyTypeObject*)Get(builtins, "int"u8);
            BoolType = (PyTypeObject*)Get(builtins, "bool"u8);
            UnicodeType = (PyTypeObject*)Get(builtins, "str"u8);
            ListType = (PyTypeObject*)Get(builtins, "list"u8);
            TupleType = (PyTypeObject*)Get(builtins, "tuple"u8);
            DictType = (PyTypeObject*)Get(builtins, "dict"u8);
            SetType = (PyTypeObject*)Get(builtins, "set"u8);
            FrozenSetType = (PyTypeObject*)Get(builtins, "frozenset"u8);
            TypeError = Get(builtins, "TypeError"u8);
            ValueError = Get(builtins, "ValueError"u8);
            OverflowError = Get(builtins, "OverflowError"u8);
            IndexError = Get(builtins, "IndexError"u8);
            KeyError = Get(builtins, "KeyError"u8);
            ZeroDivisionError = Get(builtins, "ZeroDivisionError"u8);
            NotImplementedError = Get(builtins, "NotImplementedError"u8);
            MemoryError = Get(builtins, "MemoryError"u8);
            RuntimeError = Get(builtins, "RuntimeError"u8);
            ImportError = Get(builtins, "ImportError"u8);
            ModuleNotFoundError = Get(builtins, "ModuleNotFoundError"u8);
            AttributeError = Get(builtins, "AttributeError"u8);
            RecursionError = Get(builtins, "RecursionError"u8);
            KeyboardInterrupt = Get(builtins, "KeyboardInterrupt"u8);
            BufferError = Get(builtins, "BufferError"u8);
            BaseException = Get(builtins, "BaseException"u8);
            Exception = Get(builtins, "Exception"u8);
            LookupError = Get(builtins, "LookupError"u8);
            ArithmeticError = Get(builtins, "ArithmeticError"u8);
            AssertionError = Get(builtins, "AssertionError"u8);
            EOFError = Get(builtins, "EOFError"u8);
            OSError = Get(builtins, "OSError"u8);
            FileNotFoundError = Get(builtins, "FileNotFoundError"u8);
            FileExistsError = Get(builtins, "FileExistsError"u8);
            PermissionError = Get(builtins, "PermissionError"u8);
            TimeoutError = Get(builtins, "TimeoutError"u8);
            IsADirectoryError = Get(builtins, "IsADirectoryError"u8);
            NotADirectoryError = Get(builtins, "NotADirectoryError"u8);
            ConnectionError = Get(builtins, "ConnectionError"u8);
            NameError = Get(builtins, "NameError"u8);
            SystemError = Get(builtins, "SystemError"u8);
            UnicodeError = Get(builtins, "UnicodeError"u8);
            ReferenceError = Get(builtins, "ReferenceError"u8);
            Warning = Get(builtins, "Warning"u8);
            UserWarning = Get(builtins, "UserWarning"u8);
            DeprecationWarning = Get(builtins, "DeprecationWarning"u8);
            PendingDeprecationWarning = Get(builtins, "PendingDeprecationWarning"u8);
            RuntimeWarning = Get(builtins, "RuntimeWarning"u8);
            FutureWarning = Get(builtins, "FutureWarning"u8);
            ImportWarning = Get(builtins, "ImportWarning"u8);
            UnicodeWarning = Get(builtins, "UnicodeWarning"u8);
            BytesWarning = Get(builtins, "BytesWarning"u8);
            ResourceWarning = Get(builtins, "ResourceWarning"u8);
            SyntaxWarning = Get(builtins, "SyntaxWarning"u8);
            BaseExceptionGroup = PythonVersions.RunningMinor >= 11 ? Get(builtins, "BaseExceptionGroup"u8) : null;
            SliceType = (PyTypeObject*)Get(builtins, "slice"u8);
            StopIteration = Get(builtins, "StopIteration"u8);
        }
        finally
        {
            Py_DECREF(builtins);
        }
        s_initialized = true;
    }

    private static PyObject* Get(PyObject* module, ReadOnlySpan<byte> name)
    {
        PyObject* o = PyObject_GetAttrString(module, Utf8.Z(name));
        if (o == null) throw PythonException.Fetch();
        return o;
    }
}
