using System.Reflection;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// One CPython interpreter embedded in the test process. In a published module "python3" binds
/// to the host interpreter; here it is mapped to Debian's libpython3.11.
/// </summary>
public static unsafe class EmbeddedPython
{
    private const int RTLD_NOW = 2, RTLD_GLOBAL = 0x100;
    private static readonly object s_lock = new();

    [DllImport("libc", EntryPoint = "dlopen")]
    private static extern nint dlopen(string file, int mode);
    private static bool s_started;

    private static void Start()
    {
        lock (s_lock)
        {
            if (s_started) return;
            // RTLD_GLOBAL, as the python3 executable has it: extension modules (numpy) bind to its symbols.
            nint libpython = dlopen("libpython3.11.so.1.0", RTLD_NOW | RTLD_GLOBAL);
            if (libpython == 0) throw new DllNotFoundException("libpython3.11.so.1.0 (apt-get install python3-dev)");
            NativeLibrary.SetDllImportResolver(typeof(Builtins).Assembly, (name, _, _) => name == CPython.Lib ? libpython : 0);
            Py_InitializeEx(0);
            Builtins.Initialize();
            PyEval_SaveThread();   // tests take the GIL with PyGILState_Ensure, from any thread
            s_started = true;
        }
    }

    /// <summary>Runs <paramref name="body"/> with the GIL held.</summary>
    public static void Run(Action body)
    {
        Start();
        int state = PyGILState_Ensure();
        try
        {
            body();
        }
        finally
        {
            if (PyErr_Occurred() != null) PyErr_Clear();
            PyGILState_Release(state);
        }
    }

    /// <summary>Evaluates a Python expression (after optional setup statements) to a new reference; numpy is imported as np.</summary>
    public static PyObject* Eval(string expression, string setup = "")
    {
        PyObject* globals = PyDict_New();
        try
        {
            Exec("import numpy as np\n" + setup, globals);
            PyObject* result = RunString(expression, Py_eval_input, globals);
            if (result == null) throw PythonException.Fetch();
            return result;
        }
        finally
        {
            Py_DECREF(globals);
        }
    }

    /// <summary>Evaluates a Python expression in which <paramref name="name"/> is <paramref name="value"/>: "TypeName: message" if it raises.</summary>
    public static string EvalWith(string expression, string name, PyObject* value)
    {
        PyObject* globals = PyDict_New();
        try
        {
            byte[] key = System.Text.Encoding.UTF8.GetBytes(name + "\0");
            fixed (byte* k = key)
            {
                if (PyDict_SetItemString(globals, k, value) < 0) throw PythonException.Fetch();
            }
            Exec("pass", globals);   // __builtins__
            PyObject* result = RunString(expression, Py_eval_input, globals);
            if (result == null) return TakeError();
            string text = Str(result);
            Py_DECREF(result);
            return text;
        }
        finally
        {
            Py_DECREF(globals);
        }
    }

    private static void Exec(string code, PyObject* globals)
    {
        PyObject* r = RunString(code, Py_file_input, globals);
        if (r == null) throw PythonException.Fetch();
        Py_DECREF(r);
    }

    private static PyObject* RunString(string code, int start, PyObject* globals)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(code + "\0");
        fixed (byte* p = utf8) return PyRun_StringFlags(p, start, globals, globals, null);
    }

    /// <summary>str(o) as .NET text.</summary>
    public static string Str(PyObject* o)
    {
        PyObject* s = PyObject_Str(o);
        if (s == null) throw PythonException.Fetch();
        try
        {
            return Utf8.FromStr(s)!;
        }
        finally
        {
            Py_DECREF(s);
        }
    }

    /// <summary>Takes the pending Python error and returns "TypeName: message".</summary>
    public static string TakeError()
    {
        Assert.True(PyErr_Occurred() != null, "expected a Python error to be set");
        var e = PythonException.Fetch();
        return $"{e.PythonTypeName}: {e.Message}";
    }
}
