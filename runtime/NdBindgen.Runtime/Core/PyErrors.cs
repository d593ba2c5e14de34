using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Core;

/// <summary>
/// How .NET exceptions become Python exceptions. One table maps a .NET exception type to a Python
/// class: the rows below for .NET's own exceptions, the <see cref="PyBaseException"/> family (each
/// names its built-in), and the <c>[PyException]</c> classes the module registers at import
/// (<see cref="RegisterException"/>). An exception is looked up by its type and then its base types,
/// the first hit wins; anything else is a RuntimeError that names the .NET type.
/// <para>
/// <see cref="Raise(Exception)"/> makes the Python exception object itself: its attributes, its
/// <c>__cause__</c> from the <see cref="Exception.InnerException"/> (recursively, each mapped the same way;
/// a <see cref="PythonException"/> is its own Python object again), an <see cref="AggregateException"/> as an
/// ExceptionGroup, and the .NET frames in its traceback (<see cref="PyTracebacks"/>).
/// </para>
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PyErrors
{
    /// <summary>What a .NET exception type raises: a Python class, and how to copy attributes onto the object.</summary>
    private sealed class Entry(nint pythonType, delegate*<Exception, PyObject*, void> setAttributes, bool namesDotNetType)
    {
        public readonly nint PythonType = pythonType;
        public readonly delegate*<Exception, PyObject*, void> SetAttributes = setAttributes;
        /// <summary>An unmapped type: the message starts with the .NET type's full name.</summary>
        public readonly bool NamesDotNetType = namesDotNetType;
    }

    // The registrations and, memoized, every type looked up so far (its own row or its nearest base's).
    // Written and read with the GIL held.
    private static readonly Dictionary<Type, Entry> s_registered = new();
    private static readonly Dictionary<Type, Entry> s_resolved = new();

    /// <summary>The rows for .NET's own exceptions, most specific first where they derive from each other.</summary>
    private static PyObject* DotNetRow(Type t) =>
        t == typeof(KeyNotFoundException) ? Builtins.KeyError
        : t == typeof(IndexOutOfRangeException) ? Builtins.IndexError
        : t == typeof(ArgumentException) ? Builtins.ValueError            // and ArgumentOutOfRange/ArgumentNull
        : t == typeof(FormatException) ? Builtins.ValueError              // int.Parse("x"), as int("x")
        : t == typeof(InvalidCastException) ? Builtins.TypeError
        : t == typeof(ArrayTypeMismatchException) ? Builtins.TypeError
        : t == typeof(OverflowException) ? Builtins.OverflowError
        : t == typeof(DivideByZeroException) ? Builtins.ZeroDivisionError
        : t == typeof(ArithmeticException) ? Builtins.ArithmeticError
        : t == typeof(NotImplementedException) ? Builtins.NotImplementedError
        : t == typeof(OutOfMemoryException) ? Builtins.MemoryError
        : t == typeof(InsufficientExecutionStackException) ? Builtins.RecursionError
        : t == typeof(FileNotFoundException) ? Builtins.FileNotFoundError
        : t == typeof(DirectoryNotFoundException) ? Builtins.FileNotFoundError
        : t == typeof(UnauthorizedAccessException) ? Builtins.PermissionError
        : t == typeof(EndOfStreamException) ? Builtins.EOFError
        : t == typeof(IOException) ? Builtins.OSError
        : t == typeof(TimeoutException) ? Builtins.TimeoutError
        : t == typeof(PythonInterruptedException) ? Builtins.KeyboardInterrupt
        : null;   // the PyBaseException family's rows: PyBuiltinExceptions.FamilyRow

    /// <summary>The table's answer for an exception: its entry (an unmapped type's is RuntimeError).</summary>
    private static Entry Lookup(Exception e)
    {
        Type type = e.GetType();
        if (s_resolved.TryGetValue(type, out Entry? known)) return known;
        Entry entry = Resolve(type);
        s_resolved[type] = entry;
        return entry;
    }

    private static Entry Resolve(Type type)
    {
        for (Type? t = type; t is not null && t != typeof(Exception); t = t.BaseType)
        {
            if (s_registered.TryGetValue(t, out Entry? registered)) return registered;
            if (Row(t) is var row && row != null) return new Entry((nint)row, null, false);
        }
        return new Entry((nint)Builtins.RuntimeError, null, true);
    }

    /// <summary>A built-in row: .NET's own exceptions here, the PyBaseException family's next to it.</summary>
    private static PyObject* Row(Type t) => DotNetRow(t) is var row && row != null ? row : PyBuiltinExceptions.FamilyRow(t);

    /// <summary>
    /// The Python class a .NET exception type maps to, for a <c>[PyException]</c> base that is not itself
    /// marked: its row or its nearest base's; <see cref="Exception"/> itself is Python's <c>Exception</c>.
    /// </summary>
    public static PyObject* PythonTypeOf(Type type)
    {
        for (Type? t = type; t is not null; t = t.BaseType)
        {
            if (t == typeof(Exception)) return Builtins.Exception;
            if (s_registered.TryGetValue(t, out Entry? registered)) return (PyObject*)registered.PythonType;
            if (Row(t) is var row && row != null) return row;
        }
        return Builtins.Exception;
    }

    /// <summary>
    /// Called by the generated module init for a <c>[PyException]</c> class <typeparamref name="T"/>: makes
    /// the Python class <paramref name="name"/> of <paramref name="module"/> (its <c>__module__</c> is the
    /// module's <c>__name__</c>, so pickle finds it) deriving from <paramref name="baseType"/>, adds it to the
    /// module, and maps <typeparamref name="T"/> (and its unmarked subclasses) to it. <paramref name="setAttributes"/>
    /// copies the exception's properties onto the Python object when it is raised (null when there are
    /// none). Returns the class, a reference the runtime keeps for the life of the process. Throws
    /// <see cref="PythonException"/>.
    /// </summary>
    public static PyObject* RegisterException<T>(PyObject* module, string name, string? doc, PyObject* baseType,
        delegate*<Exception, PyObject*, void> setAttributes) where T : Exception
    {
        PyObject* moduleName = PyObject_GetAttrString(module, Utf8.Z("__name__"u8));
        if (moduleName == null) throw PythonException.Fetch();
        string qualified = (Utf8.FromStr(moduleName) ?? "") + "." + name;
        Py_DECREF(moduleName);
        byte* nameText = Utf8.AllocPermanent(qualified);
        byte* docText = Utf8.AllocPermanent(doc);
        PyObject* type = PyErr_NewExceptionWithDoc(nameText, docText, baseType, null);
        NativeMemory.Free(nameText);   // the class copies both
        NativeMemory.Free(docText);
        if (type == null) throw PythonException.Fetch();
        PyObject* key = Utf8.NewStr(name);
        int added = PyObject_SetAttr(module, key, type);
        Py_DECREF(key);
        if (added < 0)
        {
            Py_DECREF(type);
            throw PythonException.Fetch();
        }
        s_registered[typeof(T)] = new Entry((nint)type, setAttributes, false);
        s_resolved.Clear();   // a type resolved before to a base's entry may now have its own
        return type;
    }

    /// <summary>PyErr_WarnEx in the warning's category (its row of the table); -1 when the filter raised it.</summary>
    internal static int WarnEx(PyWarning warning, int stackLevel)
    {
        Entry entry = Lookup(warning);
        byte* text = Utf8.AllocPermanent(warning.Message);
        try
        {
            return PyErr_WarnEx((PyObject*)entry.PythonType, text, stackLevel);
        }
        finally
        {
            NativeMemory.Free(text);
        }
    }

    /// <summary>Sets attribute <paramref name="name"/> of <paramref name="o"/> to <paramref name="value"/> (stolen). Throws <see cref="PythonException"/>.</summary>
    public static void SetAttribute(PyObject* o, string name, PyObject* value)
    {
        if (value == null) throw PythonException.Fetch();
        PyObject* key = Utf8.NewStr(name);
        int status = key == null ? -1 : PyObject_SetAttr(o, key, value);
        Py_XDECREF(key);
        Py_DECREF(value);
        if (status < 0) throw PythonException.Fetch();
    }

    /// <summary>The Python message for a .NET exception: its message, prefixed by the .NET type when unmapped.</summary>
    private static string MessageFor(Exception e, Entry entry) =>
        entry.NamesDotNetType ? $"{e.GetType().FullName}: {e.Message}" : e.Message;

    /// <summary>
    /// Turns an exception that reached an entry point from Python into the Python error indicator,
    /// and returns NULL for the entry point to return. Never throws.
    /// </summary>
    public static PyObject* Raise(Exception e)
    {
        try
        {
            PyObject* exception = ToPython(e, 0);
            if (exception == null)
            {
                if (PyErr_Occurred() == null) NoMemory();
                return null;
            }
            // As `raise exception` in C: __context__ from the exception being handled, the traceback from the object.
            PyErr_SetObject((PyObject*)Py_TYPE(exception), exception);
            Py_DECREF(exception);
        }
        catch
        {
            // Building the exception failed (out of memory): still leave an error set.
            PyErr_Clear();
            NoMemory();
        }
        return null;
    }

    private static void NoMemory() =>
        PyErr_SetString(Builtins.MemoryError, Utf8.Z("NdBindgen: failed to convert a .NET exception"u8));

    /// <summary>As <see cref="Raise(Exception)"/>, for entry points that return an int status.</summary>
    public static int RaiseStatus(Exception e)
    {
        Raise(e);
        return -1;
    }

    // Causes nested deeper than this end the chain (a cycle of InnerExceptions cannot be built in .NET,
    // but a chain can be arbitrarily long).
    private const int MaxCauseDepth = 64;

    /// <summary>
    /// The Python exception object for <paramref name="e"/> (a new reference; NULL with an error set),
    /// with its attributes, cause chain and .NET frames. Throws only when .NET itself fails (out of memory).
    /// </summary>
    internal static PyObject* ToPython(Exception e, int depth)
    {
        PyObject* exception;
        if (e is PythonException pe)
        {
            // The very object Python raised (its own cause, context and traceback kept), or a conversion's
            // type and message made into one now.
            exception = pe.TakeObject();
            if (exception == null) return null;
        }
        else if (e is AggregateException group && group.InnerExceptions.Count > 0)
        {
            exception = Group(group, depth);
            if (exception == null) return null;
        }
        else
        {
            Entry entry = Lookup(e);
            PyObject* args = e is PyBaseException b ? b.Arguments() : MessageArguments(MessageFor(e, entry));
            if (args == null) return null;
            exception = PyObject_Call((PyObject*)entry.PythonType, args, null);
            Py_DECREF(args);
            if (exception == null) return null;
            if (entry.SetAttributes != null && !CopyAttributes(entry, e, exception))
            {
                Py_DECREF(exception);
                return null;
            }
            if (e.InnerException is { } inner) SetCause(exception, inner, depth);
        }
        PyTracebacks.AddDotNetFrames(exception, e);
        return exception;
    }

    private static bool CopyAttributes(Entry entry, Exception e, PyObject* exception)
    {
        try
        {
            entry.SetAttributes(e, exception);
            return true;
        }
        catch (PythonException failed)
        {
            // The exception raised while copying is the one Python gets, with the original as its cause.
            PyObject* instead = failed.TakeObject();
            if (instead == null) return false;
            SetCause(instead, e, MaxCauseDepth);
            PyErr_SetObject((PyObject*)Py_TYPE(instead), instead);
            Py_DECREF(instead);
            return false;
        }
        catch (Exception other)
        {
            Raise(other);
            return false;
        }
    }

    /// <summary>Sets __cause__ of <paramref name="exception"/> to the Python form of <paramref name="inner"/>; a failure leaves no cause and no error.</summary>
    private static void SetCause(PyObject* exception, Exception inner, int depth)
    {
        if (depth >= MaxCauseDepth) return;
        PyObject* cause = ToPython(inner, depth + 1);
        if (cause == null)
        {
            PyErr_Clear();
            return;
        }
        PyException_SetCause(exception, cause);   // steals
    }

    /// <summary>
    /// An AggregateException: <c>BaseExceptionGroup(message, [each inner exception])</c> (an ExceptionGroup
    /// when all of them are Exceptions, as Python decides): the built-in class on 3.11+, the
    /// <c>exceptiongroup</c> backport's before 3.11 when it can be imported (pytest, anyio and trio
    /// install it). Without either, a RuntimeError naming the .NET type, whose <c>exceptions</c> attribute
    /// is the tuple of the inner exceptions and whose <c>__cause__</c> is the first.
    /// </summary>
    private static PyObject* Group(AggregateException group, int depth)
    {
        var inner = group.InnerExceptions;
        PyObject* members = PyTuple_New(inner.Count);
        if (members == null) return null;
        for (int i = 0; i < inner.Count; i++)
        {
            PyObject* member = depth < MaxCauseDepth ? ToPython(inner[i], depth + 1) : MessageObject(Builtins.RuntimeError, inner[i].Message);
            if (member == null)
            {
                Py_DECREF(members);
                return null;
            }
            PyTuple_SET_ITEM(members, i, member);
        }
        string message = GroupMessage(group);
        PyObject* exception;
        if (GroupClass() is var groupClass && groupClass != null)
        {
            PyObject* args = PyTuple_New(2);
            if (args == null)
            {
                Py_DECREF(members);
                return null;
            }
            PyTuple_SET_ITEM(args, 1, members);
            PyObject* text = Utf8.NewStr(message);
            PyTuple_SET_ITEM(args, 0, text);
            exception = PyObject_Call(groupClass, args, null);
            Py_DECREF(args);
            return exception;
        }
        exception = MessageObject(Builtins.RuntimeError, $"{group.GetType().FullName}: {message}");
        if (exception == null)
        {
            Py_DECREF(members);
            return null;
        }
        PyException_SetCause(exception, Py_NewRef(PyTuple_GET_ITEM(members, 0)));
        SetAttribute(exception, "exceptions", members);
        return exception;
    }

    // Before 3.11: the backport's BaseExceptionGroup, looked for on the first group (0: not yet; -1: none).
    private static nint s_backportGroup;

    private static PyObject* GroupClass()
    {
        if (Builtins.BaseExceptionGroup != null) return Builtins.BaseExceptionGroup;
        if (s_backportGroup == 0)
        {
            s_backportGroup = -1;
            PyObject* module = PyImport_ImportModule(Utf8.Z("exceptiongroup"u8));
            PyObject* cls = module == null ? null : PyObject_GetAttrString(module, Utf8.Z("BaseExceptionGroup"u8));
            Py_XDECREF(module);
            if (cls == null) PyErr_Clear();
            else s_backportGroup = (nint)cls;   // kept for the life of the process
        }
        return s_backportGroup == -1 ? null : (PyObject*)s_backportGroup;
    }

    /// <summary>The message an AggregateException was made with: .NET appends " (inner message)" per inner exception.</summary>
    internal static string GroupMessage(AggregateException group)
    {
        var suffix = new StringBuilder();
        foreach (Exception inner in group.InnerExceptions) suffix.Append(" (").Append(inner.Message).Append(')');
        string message = group.Message;
        return message.EndsWith(suffix.ToString(), StringComparison.Ordinal)
            ? message[..^suffix.Length]
            : message;
    }

    /// <summary><paramref name="type"/>(<paramref name="message"/>), a new reference or NULL with an error.</summary>
    private static PyObject* MessageObject(PyObject* type, string message)
    {
        PyObject* args = MessageArguments(message);
        if (args == null) return null;
        PyObject* exception = PyObject_Call(type, args, null);
        Py_DECREF(args);
        return exception;
    }

    /// <summary>(message,) as a new tuple, the whole message (NULs included); NULL with an error.</summary>
    internal static PyObject* MessageArguments(string message) => OneArgument(Utf8.NewStr(message));

    /// <summary>(item,) as a new tuple, <paramref name="item"/> stolen (NULL passes the error on).</summary>
    internal static PyObject* OneArgument(PyObject* item)
    {
        if (item == null) return null;
        PyObject* args = PyTuple_New(1);
        if (args == null)
        {
            Py_DECREF(item);
            return null;
        }
        PyTuple_SET_ITEM(args, 0, item);
        return args;
    }

    /// <summary>A reference of the exception's own to a value it carries (the GIL is held): outside any scope, so it lives as long as the exception.</summary>
    internal static PyRef? OwnReference(PyRef? value) =>
        value is null ? null : PyRef.OwnUntracked(Py_NewRef(value.Handle));
}
