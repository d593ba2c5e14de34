using System;
using System.ComponentModel;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// C# delegates (<c>Func&lt;...&gt;</c>, <c>Action&lt;...&gt;</c>) made from Python callables. The
/// delegate takes the GIL itself when called without it (from another thread), converts its
/// arguments and result like any function does, and lets a Python exception propagate as a
/// <see cref="PythonException"/> carrying the original exception.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Callbacks
{
    public static Func<TResult> ToFunc<TResult>(PyObject* o, PySignature sig, int index) =>
        new Callable(Require(o, sig, index), sig, index).Invoke<TResult>;

    public static Func<T1, TResult> ToFunc<T1, TResult>(PyObject* o, PySignature sig, int index) =>
        new Callable(Require(o, sig, index), sig, index).Invoke<T1, TResult>;

    public static Func<T1, T2, TResult> ToFunc<T1, T2, TResult>(PyObject* o, PySignature sig, int index) =>
        new Callable(Require(o, sig, index), sig, index).Invoke<T1, T2, TResult>;

    public static Action<T1> ToAction<T1>(PyObject* o, PySignature sig, int index) =>
        new Callable(Require(o, sig, index), sig, index).Run<T1>;

    /// <summary>
    /// Releases the callable of a delegate made here (the wrapper's work when the method did not
    /// keep the delegate); calling the delegate afterwards throws ObjectDisposedException.
    /// </summary>
    public static void Release(Delegate? callback) => (callback?.Target as Callable)?.Dispose();

    private static PyRef Require(PyObject* o, PySignature sig, int index)
    {
        if (PyCallable_Check(o) == 0) throw sig.WrongType(index, "callable", o);
        return PyRef.FromBorrowed(o).Keep();
    }

    /// <summary>The delegates' target: the callable's reference, released by <see cref="Release"/> (or its finalizer).</summary>
    private sealed class Callable(PyRef callable, PySignature function, int index) : IDisposable
    {

        public TResult Invoke<TResult>()
        {
            using GilGuard gil = Python.Acquire();
            return Call<TResult>(callable, null, null, 0, this);
        }

        public TResult Invoke<T1, TResult>(T1 a)
        {
            using GilGuard gil = Python.Acquire();
            return Call<TResult>(callable, ToPython(a), null, 1, this);
        }

        public TResult Invoke<T1, T2, TResult>(T1 a, T2 b)
        {
            using GilGuard gil = Python.Acquire();
            PyObject* x = ToPython(a);
            PyObject* y;
            try
            {
                y = ToPython(b);
            }
            catch
            {
                Py_DECREF(x);
                throw;
            }
            return Call<TResult>(callable, x, y, 2, this);
        }

        public void Run<T1>(T1 a)
        {
            using GilGuard gil = Python.Acquire();
            Call<object>(callable, ToPython(a), null, 1, this);
        }

        public void Dispose() => callable.Dispose();

        /// <summary>Messages about a bad result name the parameter and function the callable came from.</summary>
        public PySignature ResultSignature => function.CallbackResult(index);
    }

    /// <summary>Calls with the GIL held; takes ownership of the argument references <paramref name="x"/> and <paramref name="y"/>.</summary>
    private static TResult Call<TResult>(PyRef callable, PyObject* x, PyObject* y, int count, Callable owner)
    {
        try
        {
            PyObject** argv = stackalloc PyObject*[3];
            argv[1] = x;
            argv[2] = y;
            nuint nargsf = (nuint)count | unchecked((nuint)PyConst.PY_VECTORCALL_ARGUMENTS_OFFSET);
            PyObject* result;
            // Behind a barrier: module functions the callable calls make references for themselves, not for an open PyScope;
            // StackGuard: deep recursion is a RecursionError, not a crash.
            using (PyScope.EnterPython()) result = StackGuard.Call(callable.Handle, argv + 1, nargsf, null);
            if (result == null) throw PythonException.Fetch();
            try
            {
                return FromPython<TResult>(result, owner);
            }
            finally
            {
                Py_DECREF(result);
            }
        }
        finally
        {
            Py_XDECREF(x);
            Py_XDECREF(y);
        }
    }

    /// <summary>A new reference for an argument; the type tests fold at compile time for each T.</summary>
    private static PyObject* ToPython<T>(T value)
    {
        if (typeof(T) == typeof(double)) return Floats.FromDouble((double)(object)value!);
        if (typeof(T) == typeof(float)) return Floats.FromDouble((float)(object)value!);
        if (typeof(T) == typeof(long)) return Ints.FromInt64((long)(object)value!);
        if (typeof(T) == typeof(int)) return Ints.FromInt64((int)(object)value!);
        if (typeof(T) == typeof(bool)) return Bools.FromBool((bool)(object)value!);
        if (typeof(T) == typeof(string)) return Strings.FromString((string)(object)value!);
        if (value is PyRef r) return Py_NewRef(r.Handle);
        throw new NotSupportedException($"callback argument type {typeof(T).Name}");
    }

    private static TResult FromPython<TResult>(PyObject* o, Callable owner)
    {
        if (typeof(TResult) == typeof(object)) return default!;   // Action: the result is ignored
        PySignature result = owner.ResultSignature;
        if (typeof(TResult) == typeof(double)) return (TResult)(object)Floats.ToDouble(o, result, 0);
        if (typeof(TResult) == typeof(float)) return (TResult)(object)Floats.ToSingle(o, result, 0);
        if (typeof(TResult) == typeof(long)) return (TResult)(object)Ints.ToInt64(o, result, 0);
        if (typeof(TResult) == typeof(int)) return (TResult)(object)Ints.ToInt32(o, result, 0);
        if (typeof(TResult) == typeof(bool)) return (TResult)(object)Bools.ToBool(o, result, 0);
        if (typeof(TResult) == typeof(string)) return (TResult)(object)Strings.ToString(o, result, 0);
        if (typeof(TResult) == typeof(PyRef)) return (TResult)(object)PyRef.FromBorrowed(o);
        throw new NotSupportedException($"callback result type {typeof(TResult).Name}");
    }
}
