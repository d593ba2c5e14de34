using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Core;

/// <summary>
/// The .NET frames of an exception in the Python traceback: between the Python frames of the caller and
/// any Python frames the C# code called into, one entry per C# method, as Cython adds its .pyx lines.
/// <para>
/// Each entry is a frame of an empty code object (<c>PyCode_NewEmpty(file, "Namespace.Type.Method", line)</c>)
/// that never ran, pushed onto the traceback with <c>PyTraceBack_Here</c> as the interpreter does when an
/// exception leaves a frame: the line of a frame that never ran is the code object's first line, on every
/// CPython 3.9-3.13. Code objects are made once per call site and kept for the life of the process; a raise
/// makes only the frames and traceback objects.
/// </para>
/// <para>
/// Shown: the frames of the user's methods (and of the BCL methods they called) from the entry point to the
/// throw, outermost first. Left out: the runtime's own frames (the NdBindgen.Runtime assembly), the generated
/// glue (<c>NdBindgen.Generated</c>), methods .NET hides (<c>[StackTraceHidden]</c>) and methods inlined into
/// their callers. The file and line are those .NET reports; NativeAOT on .NET 10 reports none, so the file is
/// the assembly's name in angle brackets and the line 0 (docs/guide.md, ".NET frames in the traceback").
/// </para>
/// </summary>
internal static unsafe class PyTracebacks
{
    /// <summary>
    /// The AppContext switch the MSBuild property <c>PyDotNetFrames</c> sets (NdBindgen.targets). A feature
    /// switch: a module published with it false has this code trimmed away.
    /// </summary>
    internal const string Switch = "NdBindgen.DotNetFramesInTracebacks";

    [FeatureSwitchDefinition(Switch)]
    internal static bool IsEnabled => !AppContext.TryGetSwitch(Switch, out bool enabled) || enabled;

    /// <summary>The most .NET frames one exception gets, those nearest the throw (deep recursion would add thousands).</summary>
    internal const int MaxFrames = 200;

    // The code object of each call site (its native instruction pointer; 0 = a frame not shown), and of each
    // (method, file, line), so sites on one line share one. Touched with the GIL held; never released.
    private static readonly Dictionary<nint, nint> s_sites = new();
    private static readonly Dictionary<(string Method, string File, int Line), nint> s_codes = new();
    private static PyObject* s_globals;

    /// <summary>The code objects made so far (tests: a raise repeated does not make more).</summary>
    internal static int CodeObjectCount => s_codes.Count;

    /// <summary>
    /// Prepends the frames of <paramref name="e"/>'s .NET stack trace (throw site last) to the traceback of
    /// <paramref name="exception"/>. Never throws and never leaves an error set: a failure leaves the
    /// traceback as it was.
    /// </summary>
    internal static void AddDotNetFrames(PyObject* exception, Exception e)
    {
        if (!IsEnabled || exception == null) return;
        // An error set before (none is expected) is put back as it was, whatever happens here.
        PyObject* savedType, savedValue, savedTraceback;
        PyErr_Fetch(&savedType, &savedValue, &savedTraceback);
        try
        {
            Add(exception, e);
        }
        catch
        {
            // Out of memory in .NET: the traceback stays as Python made it.
        }
        PyErr_Clear();
        PyErr_Restore(savedType, savedValue, savedTraceback);
    }

    private static void Add(PyObject* exception, Exception e)
    {
        StackFrame[] frames = new StackTrace(e, fNeedFileInfo: true).GetFrames();
        if (frames.Length == 0) return;
        PyObject* globals = Globals();
        if (globals == null) return;

        // The code object of each frame shown, innermost (the throw site) first.
        int count = 0;
        nint* codes = stackalloc nint[MaxFrames];
        for (int i = 0; i < frames.Length && count < MaxFrames; i++)
        {
            nint code = CodeOf(frames[i]);
            if (code == -1) return;   // a Python error making it: no .NET frames this time
            if (code != 0) codes[count++] = code;
        }
        if (count == 0) return;

        // PyTraceBack_Here works on the error indicator: put the exception there with its traceback, push the
        // frames from the throw site outwards (each becomes the new head), and take the longer traceback back.
        PyObject* original = PyException_GetTraceback(exception);   // the Python frames C# called into, or NULL
        PyErr_Restore(Py_NewRef((PyObject*)Py_TYPE(exception)), Py_NewRef(exception), original == null ? null : Py_NewRef(original));
        nint tstate = PyThreadState_Get();
        bool complete = true;
        for (int i = 0; i < count && complete; i++)
        {
            PyObject* frame = PyFrame_New(tstate, (PyObject*)codes[i], globals, null);
            complete = frame != null && PyTraceBack_Here(frame) == 0;
            Py_XDECREF(frame);
        }
        PyObject* type, value, traceback;
        PyErr_Fetch(&type, &value, &traceback);
        // 3.12+ keep the traceback on the object as they go: set it either way, to the whole or the original.
        PyObject* result = complete && value == exception && traceback != null ? traceback : original;
        if (PyException_SetTraceback(exception, result == null ? Builtins.None : result) < 0) PyErr_Clear();
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(traceback);
        Py_XDECREF(original);
    }

    /// <summary>The code object of a frame (borrowed), 0 for a frame not shown, -1 with a Python error set.</summary>
    private static nint CodeOf(StackFrame frame)
    {
        // NativeAOT knows each frame's instruction pointer; the JIT reports 0 (then the name is the key).
        nint ip = frame.GetNativeIP();
        if (ip != 0 && s_sites.TryGetValue(ip, out nint known)) return known;
        nint code = 0;
        if (DiagnosticMethodInfo.Create(frame) is { } method && IsUsers(method))
        {
            string? file = frame.GetFileName();
            int line = file is null ? 0 : Math.Max(frame.GetFileLineNumber(), 0);
            file ??= Placeholder(method, ip, frame.GetNativeImageBase());
            var key = (MethodName(method.DeclaringTypeName, method.Name), file, line);
            if (!s_codes.TryGetValue(key, out code))
            {
                code = (nint)NewCode(key.Item1, file, line);
                if (code == 0) return -1;
                if (!s_codes.TryAdd(key, code))
                {
                    // Made meanwhile on another thread (the allocation ran Python code that let go of the GIL).
                    Py_DECREF((PyObject*)code);
                    code = s_codes[key];
                }
            }
        }
        if (ip != 0) s_sites[ip] = code;
        return code;
    }

    /// <summary>A frame of the user's code: not the runtime's, not the glue the generator wrote.</summary>
    private static bool IsUsers(DiagnosticMethodInfo method) =>
        ShortAssemblyName(method.DeclaringAssemblyName) != "NdBindgen.Runtime"
        && !method.DeclaringTypeName.StartsWith("NdBindgen.Generated.", StringComparison.Ordinal);

    /// <summary>
    /// "Namespace.Type.Method", nested types joined with dots as Python joins qualified names, and the methods the
    /// C# compiler makes named after the method the user wrote: a lambda <c>Type.Method.&lt;lambda&gt;</c> (Python's
    /// name for one), a local function <c>Type.Method.Local</c>, an async or iterator method's <c>MoveNext</c>
    /// <c>Type.Method</c>.
    /// </summary>
    internal static string MethodName(string type, string name)
    {
        int plus = type.LastIndexOf('+');
        if (plus >= 0)
        {
            string nested = type.Substring(plus + 1);
            int close = nested.IndexOf('>');
            if (nested.StartsWith("<>c", StringComparison.Ordinal))
                type = type.Substring(0, plus);                 // a closure class: <>c, <>c__DisplayClass3_0
            else if (nested.StartsWith('<') && close > 1 && name == "MoveNext")
            {
                type = type.Substring(0, plus);                 // a state machine: <Method>d__4
                name = nested.Substring(1, close - 1);
            }
        }
        int end = name.IndexOf('>');
        if (name.StartsWith('<') && end > 1 && end + 3 <= name.Length)
        {
            string within = name.Substring(1, end - 1), kind = name.Substring(end + 1);
            if (kind.StartsWith("b__", StringComparison.Ordinal)) name = within + ".<lambda>";
            else if (kind.StartsWith("g__", StringComparison.Ordinal))
                name = within + "." + (kind.IndexOf('|') is var bar && bar > 3 ? kind.Substring(3, bar - 3) : kind.Substring(3));
        }
        return type.Length == 0 ? name : type.Replace('+', '.') + "." + name;
    }

    /// <summary>
    /// The file of a frame .NET knows no file of: where the code is, <c>&lt;Assembly+0xADDRESS&gt;</c>, the address
    /// in the native image of the call (or throw) in that frame, which <c>addr2line -e Assembly.so.dbg 0xADDRESS</c>
    /// turns into the file and line; <c>&lt;Assembly&gt;</c> when the runtime knows no address.
    /// </summary>
    private static string Placeholder(DiagnosticMethodInfo method, nint ip, nint imageBase)
    {
        string assembly = ShortAssemblyName(method.DeclaringAssemblyName);
        // ip is a return address (the instruction after the call): one byte back is inside the call itself.
        return ip != 0 && imageBase != 0 && ip > imageBase ? $"<{assembly}+0x{ip - imageBase - 1:x}>" : $"<{assembly}>";
    }

    /// <summary>"NdTestModule" of "NdTestModule, Version=1.0.0.0, ...".</summary>
    private static string ShortAssemblyName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "dotnet";
        int comma = name.IndexOf(',');
        return comma < 0 ? name : name.Substring(0, comma);
    }

    private static PyObject* NewCode(string method, string file, int line)
    {
        byte* fileText = Utf8.AllocPermanent(file);
        byte* methodText = Utf8.AllocPermanent(method);
        try
        {
            return PyCode_NewEmpty(fileText, methodText, line);   // copies both into str objects
        }
        finally
        {
            System.Runtime.InteropServices.NativeMemory.Free(fileText);
            System.Runtime.InteropServices.NativeMemory.Free(methodText);
        }
    }

    /// <summary>The globals of the .NET frames (borrowed, made once): the builtins, so 3.9 need not make a dict per frame.</summary>
    private static PyObject* Globals()
    {
        if (s_globals != null) return s_globals;
        PyObject* globals = PyDict_New();
        if (globals == null) return null;
        PyObject* builtins = PyImport_ImportModule(Utf8.Z("builtins"u8));
        PyObject* name = PyUnicode_FromString(Utf8.Z("<dotnet>"u8));
        bool made = builtins != null && name != null
            && PyDict_SetItemString(globals, Utf8.Z("__builtins__"u8), builtins) == 0
            && PyDict_SetItemString(globals, Utf8.Z("__name__"u8), name) == 0;
        Py_XDECREF(builtins);
        Py_XDECREF(name);
        if (!made)
        {
            Py_DECREF(globals);
            return null;
        }
        if (s_globals != null)
        {
            Py_DECREF(globals);   // made meanwhile on another thread
            return s_globals;
        }
        s_globals = globals;
        return globals;
    }
}
