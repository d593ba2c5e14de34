using System;
using System.ComponentModel;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// C# delegates (<c>Func&lt;...&gt;</c> and <c>Action&lt;...&gt;</c> of up to four arguments) made from Python
/// callables. The delegate takes the GIL itself when called without it (from another thread), converts its
/// arguments and result with the rows of the conversion table (the converter structs <c>C1</c>..<c>C4</c>,
/// <c>CR</c> the generator emits, as containers take them), and lets a Python exception propagate as a
/// <see cref="PythonException"/> carrying the original exception. A bad result names the callback's parameter
/// and function: "callback passed as 'f' of apply returned str, expected float".
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Callbacks
{
    public static Func<TResult> ToFunc<TResult, CR>(PyObject* o, PySignature sig, int index)
        where CR : IPyConverter<TResult> =>
        Of(o, sig, index).Invoke<TResult, CR>;

    public static Func<T1, TResult> ToFunc<T1, TResult, C1, CR>(PyObject* o, PySignature sig, int index)
        where C1 : IPyConverter<T1> where CR : IPyConverter<TResult> =>
        Of(o, sig, index).Invoke<T1, TResult, C1, CR>;

    public static Func<T1, T2, TResult> ToFunc<T1, T2, TResult, C1, C2, CR>(PyObject* o, PySignature sig, int index)
        where C1 : IPyConverter<T1> where C2 : IPyConverter<T2> where CR : IPyConverter<TResult> =>
        Of(o, sig, index).Invoke<T1, T2, TResult, C1, C2, CR>;

    public static Func<T1, T2, T3, TResult> ToFunc<T1, T2, T3, TResult, C1, C2, C3, CR>(PyObject* o,
        PySignature sig, int index)
        where C1 : IPyConverter<T1> where C2 : IPyConverter<T2> where C3 : IPyConverter<T3>
        where CR : IPyConverter<TResult> =>
        Of(o, sig, index).Invoke<T1, T2, T3, TResult, C1, C2, C3, CR>;

    public static Func<T1, T2, T3, T4, TResult> ToFunc<T1, T2, T3, T4, TResult, C1, C2, C3, C4, CR>(PyObject* o,
        PySignature sig, int index)
        where C1 : IPyConverter<T1> where C2 : IPyConverter<T2> where C3 : IPyConverter<T3>
        where C4 : IPyConverter<T4> where CR : IPyConverter<TResult> =>
        Of(o, sig, index).Invoke<T1, T2, T3, T4, TResult, C1, C2, C3, C4, CR>;

    public static Action ToAction(PyObject* o, PySignature sig, int index) => Of(o, sig, index).Run;

    public static Action<T1> ToAction<T1, C1>(PyObject* o, PySignature sig, int index)
        where C1 : IPyConverter<T1> =>
        Of(o, sig, index).Run<T1, C1>;

    public static Action<T1, T2> ToAction<T1, T2, C1, C2>(PyObject* o, PySignature sig, int index)
        where C1 : IPyConverter<T1> where C2 : IPyConverter<T2> =>
        Of(o, sig, index).Run<T1, T2, C1, C2>;

    public static Action<T1, T2, T3> ToAction<T1, T2, T3, C1, C2, C3>(PyObject* o, PySignature sig, int index)
        where C1 : IPyConverter<T1> where C2 : IPyConverter<T2> where C3 : IPyConverter<T3> =>
        Of(o, sig, index).Run<T1, T2, T3, C1, C2, C3>;

    public static Action<T1, T2, T3, T4> ToAction<T1, T2, T3, T4, C1, C2, C3, C4>(PyObject* o, PySignature sig,
        int index)
        where C1 : IPyConverter<T1> where C2 : IPyConverter<T2> where C3 : IPyConverter<T3>
        where C4 : IPyConverter<T4> =>
        Of(o, sig, index).Run<T1, T2, T3, T4, C1, C2, C3, C4>;

    /// <summary>
    /// Releases the callable of a delegate made here (the wrapper's work when the method did not
    /// keep the delegate); calling the delegate afterwards throws ObjectDisposedException.
    /// </summary>
    public static void Release(Delegate? callback) => (callback?.Target as Callable)?.Dispose();

    private static Callable Of(PyObject* o, PySignature sig, int index)
    {
        if (PyCallable_Check(o) == 0) throw sig.WrongType(index, "callable", o);
        return new Callable(PyRef.FromBorrowed(o).Keep(), sig, index);
    }

    /// <summary>
    /// The delegates' target: the callable's reference, released by <see cref="Release"/> (or its finalizer).
    /// Each method holds the GIL while it converts, calls and converts back; the arguments live in a
    /// vectorcall array on the stack, slot 0 free for the callee (PY_VECTORCALL_ARGUMENTS_OFFSET).
    /// </summary>
    private sealed class Callable(PyRef callable, PySignature function, int index) : IDisposable
    {
        public TResult Invoke<TResult, CR>() where CR : IPyConverter<TResult>
        {
            using GilGuard gil = Python.Acquire();
            PyObject** argv = stackalloc PyObject*[1];
            return Result<TResult, CR>(Call(argv, 0));
        }

        public TResult Invoke<T1, TResult, C1, CR>(T1 a)
            where C1 : IPyConverter<T1> where CR : IPyConverter<TResult>
        {
            using GilGuard gil = Python.Acquire();
            PyObject** argv = stackalloc PyObject*[2];
            argv[1] = C1.ToPython(a);
            return Result<TResult, CR>(Call(argv, 1));
        }

        public TResult Invoke<T1, T2, TResult, C1, C2, CR>(T1 a, T2 b)
            where C1 : IPyConverter<T1> where C2 : IPyConverter<T2> where CR : IPyConverter<TResult>
        {
            using GilGuard gil = Python.Acquire();
            PyObject** argv = stackalloc PyObject*[3];
            argv[1] = C1.ToPython(a);
            argv[2] = Argument<T2, C2>(b, argv, 1);
            return Result<TResult, CR>(Call(argv, 2));
        }

        public TResult Invoke<T1, T2, T3, TResult, C1, C2, C3, CR>(T1 a, T2 b, T3 c)
            where C1 : IPyConverter<T1> where C2 : IPyConverter<T2> where C3 : IPyConverter<T3>
            where CR : IPyConverter<TResult>
        {
            using GilGuard gil = Python.Acquire();
            PyObject** argv = stackalloc PyObject*[4];
            argv[1] = C1.ToPython(a);
            argv[2] = Argument<T2, C2>(b, argv, 1);
            argv[3] = Argument<T3, C3>(c, argv, 2);
            return Result<TResult, CR>(Call(argv, 3));
        }

        public TResult Invoke<T1, T2, T3, T4, TResult, C1, C2, C3, C4, CR>(T1 a, T2 b, T3 c, T4 d)
            where C1 : IPyConverter<T1> where C2 : IPyConverter<T2> where C3 : IPyConverter<T3>
            where C4 : IPyConverter<T4> where CR : IPyConverter<TResult>
        {
            using GilGuard gil = Python.Acquire();
            PyObject** argv = stackalloc PyObject*[5];
            argv[1] = C1.ToPython(a);
            argv[2] = Argument<T2, C2>(b, argv, 1);
            argv[3] = Argument<T3, C3>(c, argv, 2);
            argv[4] = Argument<T4, C4>(d, argv, 3);
            return Result<TResult, CR>(Call(argv, 4));
        }

        // Actions: the callable's result is dropped, whatever it is (a Python function returns None).
        public void Run()
        {
            using GilGuard gil = Python.Acquire();
            PyObject** argv = stackalloc PyObject*[1];
            Py_DECREF(Call(argv, 0));
        }

        public void Run<T1, C1>(T1 a) where C1 : IPyConverter<T1>
        {
            using GilGuard gil = Python.Acquire();
            PyObject** argv = stackalloc PyObject*[2];
            argv[1] = C1.ToPython(a);
            Py_DECREF(Call(argv, 1));
        }

        public void Run<T1, T2, C1, C2>(T1 a, T2 b) where C1 : IPyConverter<T1> where C2 : IPyConverter<T2>
        {
            using GilGuard gil = Python.Acquire();
            PyObject** argv = stackalloc PyObject*[3];
            argv[1] = C1.ToPython(a);
            argv[2] = Argument<T2, C2>(b, argv, 1);
            Py_DECREF(Call(argv, 2));
        }

        public void Run<T1, T2, T3, C1, C2, C3>(T1 a, T2 b, T3 c)
            where C1 : IPyConverter<T1> where C2 : IPyConverter<T2> where C3 : IPyConverter<T3>
        {
            using GilGuard gil = Python.Acquire();
            PyObject** argv = stackalloc PyObject*[4];
            argv[1] = C1.ToPython(a);
            argv[2] = Argument<T2, C2>(b, argv, 1);
            argv[3] = Argument<T3, C3>(c, argv, 2);
            Py_DECREF(Call(argv, 3));
        }

        public void Run<T1, T2, T3, T4, C1, C2, C3, C4>(T1 a, T2 b, T3 c, T4 d)
            where C1 : IPyConverter<T1> where C2 : IPyConverter<T2> where C3 : IPyConverter<T3>
            where C4 : IPyConverter<T4>
        {
            using GilGuard gil = Python.Acquire();
            PyObject** argv = stackalloc PyObject*[5];
            argv[1] = C1.ToPython(a);
            argv[2] = Argument<T2, C2>(b, argv, 1);
            argv[3] = Argument<T3, C3>(c, argv, 2);
            argv[4] = Argument<T4, C4>(d, argv, 3);
            Py_DECREF(Call(argv, 4));
        }

        public void Dispose() => callable.Dispose();

        /// <summary>Messages about a bad result name the parameter and function the callable came from.</summary>
        private PySignature ResultSignature => function.CallbackResult(index);

        /// <summary>
        /// Calls with <c>argv[1..count]</c>, whose references it takes (released here, whatever happens);
        /// returns the result, a new reference.
        /// </summary>
        private PyObject* Call(PyObject** argv, int count)
        {
            try
            {
                nuint nargsf = (nuint)count | unchecked((nuint)PyConst.PY_VECTORCALL_ARGUMENTS_OFFSET);
                PyObject* result;
                // Behind a barrier: module functions the callable calls make references for themselves, not for an
                // open PyScope; StackGuard: deep recursion is a RecursionError, not a crash.
                using (PyScope.EnterPython()) result = StackGuard.Call(callable.Handle, argv + 1, nargsf, null);
                return result != null ? result : throw PythonException.Fetch();
            }
            finally
            {
                ReleaseArguments(argv, count);
            }
        }

        /// <summary>Converts and releases the callable's <paramref name="result"/>.</summary>
        private TResult Result<TResult, CR>(PyObject* result) where CR : IPyConverter<TResult>
        {
            try
            {
                TResult value = CR.FromPython(result, ResultSignature, 0);
                // A PyRef the C# code receives is the open scope's, as every PyRef an API call returns.
                if (value is PyRef reference) PyScope.Track(reference);
                return value;
            }
            finally
            {
                Py_DECREF(result);
            }
        }
    }

    /// <summary>
    /// Argument <paramref name="built"/> + 1 as a new reference; when its conversion fails, the ones already
    /// made (<c>argv[1..built]</c>) are released: a half-built argument list leaks nothing.
    /// </summary>
    private static PyObject* Argument<T, C>(T value, PyObject** argv, int built) where C : IPyConverter<T>
    {
        try
        {
            return C.ToPython(value);
        }
        catch
        {
            ReleaseArguments(argv, built);
            throw;
        }
    }

    private static void ReleaseArguments(PyObject** argv, int count)
    {
        for (int i = 1; i <= count; i++) Py_DECREF(argv[i]);
    }
}
