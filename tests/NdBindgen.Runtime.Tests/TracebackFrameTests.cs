using System.Runtime.CompilerServices;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// The .NET frames in the traceback (PyTracebacks) where .NET knows the file and line: under the JIT with the
/// test assembly's PDB, as a NativeAOT module will once its runtime reports them. NativeAOT's placeholders, the
/// filtering of the glue and the opt-out are tested end to end (tests/python/test_exception_frames.py).
/// </summary>
public unsafe class TracebackFrameTests
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Throws(int x) => x > 0 ? throw new InvalidOperationException("thrown by a test") : x;   // THROW SITE

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Calls(int x) => Throws(x) + 1;   // CALL SITE

    private static Exception Caught(Func<int> f)
    {
        try
        {
            f();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new InvalidOperationException("nothing thrown");
    }

    private static int LineOf(string marker, [CallerFilePath] string file = "") =>
        Array.FindIndex(File.ReadAllLines(file), line => line.Contains("// " + marker)) + 1;

    private const string Format = "''.join(__import__('traceback').format_exception(type(x), x, x.__traceback__))";

    [Fact]
    public void EachFrameWithAFileShowsItsLineAndLinecacheItsSourceText()
    {
        Run(() =>
        {
            Exception e = Caught(() => Calls(1));
            PyObject* exception = PyErrors.ToPython(e, 0);
            Assert.True(exception != null);
            Assert.True(PyErr_Occurred() == null);
            string text = EvalWith(Format, "x", exception);
            Py_DECREF(exception);
            string file = ThisFile();
            string calls = $"  File \"{file}\", line {LineOf("CALL SITE")}, in NdBindgen.Runtime.Tests.TracebackFrameTests.Calls\n"
                + "    private static int Calls(int x) => Throws(x) + 1;   // CALL SITE\n";
            string throws = $"  File \"{file}\", line {LineOf("THROW SITE")}, in NdBindgen.Runtime.Tests.TracebackFrameTests.Throws\n"
                + "    private static int Throws(int x) => x > 0 ? throw new InvalidOperationException(\"thrown by a test\") : x;   // THROW SITE\n";
            Assert.Contains(calls + throws + "RuntimeError: System.InvalidOperationException: thrown by a test", text);
            Assert.StartsWith("Traceback (most recent call last):\n", text);
            Assert.DoesNotContain("NdBindgen.Core.", text);   // the runtime's own frames are left out
        });
    }

    [Fact]
    public void TheCSharpFramesGoAboveThePythonFramesTheCodeCalledInto()
    {
        Run(() =>
        {
            PyObject* f = Eval("f", "def f():\n    raise LookupError('from python')\n");
            Exception e = Caught(() => CallsPython(f));
            Py_DECREF(f);
            Assert.IsType<PythonException>(e);
            PyObject* exception = PyErrors.ToPython(e, 0);
            Assert.True(exception != null);
            string names = EvalWith("[t.name for t in __import__('traceback').extract_tb(x.__traceback__)]", "x", exception);
            Py_DECREF(exception);
            Assert.Equal("['NdBindgen.Runtime.Tests.TracebackFrameTests.Caught', "
                + "'NdBindgen.Runtime.Tests.TracebackFrameTests.TheCSharpFramesGoAboveThePythonFramesTheCodeCalledInto.<lambda>', "
                + "'NdBindgen.Runtime.Tests.TracebackFrameTests.CallsPython', 'f']", names);
        });
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CallsPython(PyObject* f)
    {
        PyObject* args = PyTuple_New(0);
        PyObject* result = PyObject_Call(f, args, null);
        Py_DECREF(args);
        if (result == null) throw PythonException.Fetch();
        Py_DECREF(result);
        return 0;
    }

    [Fact]
    public void ARaiseRepeatedMakesNoNewCodeObjects()
    {
        Run(() =>
        {
            for (int round = 0; round < 3; round++)
            {
                int before = PyTracebacks.CodeObjectCount;
                Exception e = Caught(() => Calls(1));
                PyObject* exception = PyErrors.ToPython(e, 0);
                Assert.True(exception != null);
                Py_DECREF(exception);
                if (round > 0) Assert.Equal(before, PyTracebacks.CodeObjectCount);
            }
        });
    }

    [Fact]
    public void AnErrorAlreadySetIsLeftAsItWas()
    {
        Run(() =>
        {
            PyObject* exception = Eval("ValueError('made')");
            PyObject* pending = Eval("KeyError('pending')");
            PyErr_SetObject((PyObject*)Py_TYPE(pending), pending);
            PyTracebacks.AddDotNetFrames(exception, Caught(() => Calls(1)));
            PyObject* type, value, tb;
            PyErr_Fetch(&type, &value, &tb);
            Assert.True(value == pending, "the pending error must be the one still set");
            Py_XDECREF(type);
            Py_XDECREF(value);
            Py_XDECREF(tb);
            Assert.Contains("TracebackFrameTests.Throws", EvalWith(Format, "x", exception));
            Py_DECREF(exception);
            Py_DECREF(pending);
        });
    }

    [Theory]
    [InlineData("Ns.Type", "Method", "Ns.Type.Method")]
    [InlineData("Ns.Outer+Inner", "Method", "Ns.Outer.Inner.Method")]
    [InlineData("Ns.Type+<>c", "<Run>b__3_0", "Ns.Type.Run.<lambda>")]
    [InlineData("Ns.Type+<>c__DisplayClass6_0", "<Run>b__1", "Ns.Type.Run.<lambda>")]
    [InlineData("Ns.Type", "<Run>g__Check|2_0", "Ns.Type.Run.Check")]
    [InlineData("Ns.Type+<FetchAsync>d__4", "MoveNext", "Ns.Type.FetchAsync")]
    [InlineData("Ns.Type+<Items>d__2", "MoveNext", "Ns.Type.Items")]
    [InlineData("System.Linq.Enumerable+SelectIterator`2", "MoveNext", "System.Linq.Enumerable.SelectIterator`2.MoveNext")]
    [InlineData("Ns.Type", "<>x", "Ns.Type.<>x")]
    [InlineData("", "Function", "Function")]
    public void CompilerMadeMethodsAreNamedAfterTheMethodTheUserWrote(string type, string method, string expected) =>
        Assert.Equal(expected, PyTracebacks.MethodName(type, method));

    private static string ThisFile([CallerFilePath] string file = "") => file;
}
