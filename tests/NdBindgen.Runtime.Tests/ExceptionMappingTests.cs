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
    };

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
