using NdBindgen.Classes;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// ClassAttributes on a type Python made: a static property's descriptor reads C# on each access and refuses
/// setting through instances; a constant is read once; a constant that cannot be read is an ImportError.
/// </summary>
public unsafe class ClassAttributeTests
{
    private static long s_count;

    private static PyObject* ReadCount() => Conversions.Ints.FromInt64(s_count);

    private static int s_limitReads;

    private static PyObject* ReadLimit() => Conversions.Ints.FromInt64(++s_limitReads * 1000);

    private static PyObject* ReadBroken() => throw new InvalidOperationException("not yet");

    [Fact]
    public void StaticPropertiesReadEachTimeAndConstantsOnce()
    {
        Run(() =>
        {
            var type = (PyTypeObject*)Eval("type('T', (), {})");
            var t = (PyObject*)type;
            s_count = 1;
            s_limitReads = 0;
            ClassAttributes.Add(type,
            [
                new("count", "T.Count", "How many.", &ReadCount, constant: false),
                new("LIMIT", "T.Limit", null, &ReadLimit, constant: true),
                new("broken", "T.Broken", null, &ReadBroken, constant: false),
            ]);
            Assert.Equal("1", EvalWith("T.count", "T", t));
            Assert.Equal("1000", EvalWith("T.LIMIT", "T", t));               // read once, when added
            s_count = 7;
            Assert.Equal("7", EvalWith("T.count", "T", t));
            Assert.Equal("7", EvalWith("T().count", "T", t));                // through an instance
            Assert.Equal("1000", EvalWith("T.LIMIT", "T", t));
            Assert.Equal(1, s_limitReads);
            Assert.Equal("True", EvalWith("type(T.__dict__['LIMIT']) is int", "T", t));
            Assert.Equal("RuntimeError: System.InvalidOperationException: not yet", EvalWith("T.broken", "T", t));
            Assert.Equal("<class attribute 'count' of 'T'>", EvalWith("repr(T.__dict__['count'])", "T", t));
            Assert.Equal("How many.", EvalWith("T.__dict__['count'].__doc__", "T", t));
            Assert.Equal("AttributeError: class attribute 'count' of 'T' is read-only",
                EvalWith("setattr(T(), 'count', 3)", "T", t));
            Assert.Equal("AttributeError: cannot delete class attribute 'count' of 'T'",
                EvalWith("delattr(T(), 'count')", "T", t));
            Py_DECREF(t);
        });
    }

    [Fact]
    public void AConstantThatCannotBeReadIsAnImportErrorNamingIt()
    {
        Run(() =>
        {
            var type = (PyTypeObject*)Eval("type('Paint', (), {})");
            var e = Assert.Throws<PythonException>(() => ClassAttributes.Add(type,
                [new("RED", "Paint.Red", null, &ReadBroken, constant: true)]));
            Assert.Equal("ImportError", e.PythonTypeName);
            Assert.Equal("class attribute Paint.RED (Paint.Red) could not be read: "
                + "System.InvalidOperationException: not yet", e.Message);
            Py_DECREF((PyObject*)type);
        });
    }
}
