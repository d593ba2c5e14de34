using NdBindgen.Core;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>The .NET -> Python exception table and what Raise leaves in the interpreter.</summary>
public unsafe class ExceptionMappingTests
{
    public static TheoryData<Exception, string> Cases => new()
    {
        { new ArgumentException("bad value"), "ValueError: bad value" },
        { new ArgumentOutOfRangeException("n", "too big"), "ValueError: too big (Parameter 'n')" },
        { new IndexOutOfRangeException("no such index"), "IndexError: no such index" },
        { new KeyNotFoundException("no key"), "KeyError: 'no key'" },
        { new OverflowException("too large"), "OverflowError: too large" },
        { new DivideByZeroException("zero"), "ZeroDivisionError: zero" },
        { new NotImplementedException("later"), "NotImplementedError: later" },
        { new OutOfMemoryException("full"), "MemoryError: full" },
        { new InvalidOperationException("wrong state"), "RuntimeError: System.InvalidOperationException: wrong state" },
        { new FormatException("not a number"), "ValueError: not a number" },
        { new InvalidCastException("no cast"), "TypeError: no cast" },
        { new ArithmeticException("math"), "ArithmeticError: math" },
        { new System.IO.FileNotFoundException("no file"), "FileNotFoundError: no file" },
        { new System.IO.DirectoryNotFoundException("no dir"), "FileNotFoundError: no dir" },
        { new UnauthorizedAccessException("denied"), "PermissionError: denied" },
        { new System.IO.EndOfStreamException("short"), "EOFError: short" },
        { new System.IO.IOException("disk"), "OSError: disk" },
        { new TimeoutException("slow"), "TimeoutError: slow" },
        { new ObjectDisposedException(null, "gone"), "RuntimeError: System.ObjectDisposedException: gone" },
        { new PyTypeError("typed"), "TypeError: typed" },
        { new PyModuleNotFoundError("no module"), "ModuleNotFoundError: no module" },
        { new PyDeprecationWarning("old"), "DeprecationWarning: old" },
        { new UnmappedSubclassOfArgument("derived"), "ValueError: derived" },
        { new UnmappedSubclassOfPyLookupError("derived lookup"), "LookupError: derived lookup" },
        { new AggregateException("none inside"), "RuntimeError: System.AggregateException: none inside" },
    };

    private sealed class UnmappedSubclassOfArgument(string message) : ArgumentException(message);

    private sealed class UnmappedSubclassOfPyLookupError(string message) : PyLookupError(message);

    private sealed class RegisteredError(string message) : ArgumentException(message)
    {
        public int Code => 7;
    }

    private sealed class SubclassOfRegistered(string message) : InvalidOperationException(message);

    [Fact]
    public void TheClassOfAnUnmarkedBaseIsItsRowOrItsNearestBasesRow()
    {
        Run(() =>
        {
            Assert.Equal("ValueError", Name(PyErrors.PythonTypeOf(typeof(ArgumentOutOfRangeException))));
            Assert.Equal("KeyError", Name(PyErrors.PythonTypeOf(typeof(KeyNotFoundException))));
            Assert.Equal("Exception", Name(PyErrors.PythonTypeOf(typeof(Exception))));
            Assert.Equal("Exception", Name(PyErrors.PythonTypeOf(typeof(InvalidOperationException))));
            Assert.Equal("OSError", Name(PyErrors.PythonTypeOf(typeof(System.IO.PathTooLongException))));
            Assert.Equal("ArithmeticError", Name(PyErrors.PythonTypeOf(typeof(PyArithmeticError))));
            Assert.Equal("LookupError", Name(PyErrors.PythonTypeOf(typeof(UnmappedSubclassOfPyLookupError))));
            Assert.Equal("DeprecationWarning", Name(PyErrors.PythonTypeOf(typeof(PyDeprecationWarning))));
        });
    }

    private static string Name(Interop.PyObject* type) => Utf8.FromC(((Interop.PyTypeObject*)type)->tp_name);

    private static void SetCode(Exception e, Interop.PyObject* o) =>
        PyErrors.SetAttribute(o, "code", PyLong_FromLongLong(((RegisteredError)e).Code));

    [Fact]
    public void ARegisteredClassIsRaisedWithItsAttributesAndFoundForSubclasses()
    {
        Run(() =>
        {
            Interop.PyObject* module = Eval("types.ModuleType('regmod')", "import types");
            Interop.PyObject* type = PyErrors.RegisterException<RegisteredError>(module, "RegisteredError", "a doc",
                PyErrors.PythonTypeOf(typeof(ArgumentException)), &SetCode);
            Assert.Equal("regmod.RegisteredError|a doc|True|7", EvalWith(
                "f'{t.__module__}.{t.__name__}|{t.__doc__}|{issubclass(t, ValueError)}|{t(\"x\").__class__ is t and 7}'", "t", type));
            Assert.True(PyErrors.Raise(new RegisteredError("raised")) == null);
            Interop.PyObject* etype, value, tb;
            PyErr_Fetch(&etype, &value, &tb);
            PyErr_NormalizeException(&etype, &value, &tb);
            Assert.True(etype == type);
            Assert.Equal("raised 7", EvalWith("f'{e} {e.code}'", "e", value));
            Py_XDECREF(etype); Py_XDECREF(value); Py_XDECREF(tb);
            // A .NET subclass of a registered type is not this one's: InvalidOperationException is unmapped.
            PyErrors.Raise(new SubclassOfRegistered("other"));
            Assert.Equal("RuntimeError: NdBindgen.Runtime.Tests.ExceptionMappingTests+SubclassOfRegistered: other", TakeError());
            Py_DECREF(module);
        });
    }

    [Fact]
    public void AnInnerExceptionBecomesTheCauseMappedTheSameWay()
    {
        Run(() =>
        {
            PyErrors.Raise(new PyKeyError("outer", new ArgumentException("middle", new TimeoutException("inner"))));
            Interop.PyObject* etype, value, tb;
            PyErr_Fetch(&etype, &value, &tb);
            PyErr_NormalizeException(&etype, &value, &tb);
            Assert.Equal("KeyError('outer') ValueError('middle') TimeoutError('inner') None True",
                EvalWith("f'{e!r} {e.__cause__!r} {e.__cause__.__cause__!r} {e.__cause__.__cause__.__cause__} {e.__suppress_context__}'", "e", value));
            Py_XDECREF(etype); Py_XDECREF(value); Py_XDECREF(tb);
        });
    }

    [Theory]
    [InlineData("outer", new[] { "a", "b" }, "outer")]
    [InlineData("has (a) inside (b)", new[] { "a", "b" }, "has (a) inside (b)")]
    [InlineData("", new[] { "a" }, "")]
    public void AGroupsMessageIsTheOneItWasMadeWith(string message, string[] inner, string expected)
    {
        var group = new AggregateException(message, inner.Select(m => new Exception(m)));
        Assert.Equal(expected, PyErrors.GroupMessage(group));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachExceptionBecomesItsPythonType(Exception exception, string expected)
    {
        Run(() =>
        {
            Assert.True(PyErrors.Raise(exception) == null);
            Assert.Equal(expected, TakeError());
        });
    }

    [Fact]
    public void APythonErrorFetchedIntoDotNetIsRestoredAsTheSameObject()
    {
        Run(() =>
        {
            var original = Eval("e", "e = ValueError('original')");
            PyErr_SetObject((Interop.PyObject*)Py_TYPE(original), original);
            var fetched = PythonException.Fetch();
            Assert.Equal("ValueError", fetched.PythonTypeName);
            Assert.Equal("original", fetched.Message);
            PyErrors.Raise(fetched);
            Interop.PyObject* type, value, tb;
            PyErr_Fetch(&type, &value, &tb);
            Assert.True(value == original, "the exception object itself must come back");
            Py_XDECREF(type); Py_XDECREF(value); Py_XDECREF(tb);
            Py_DECREF(original);
        });
    }
}
