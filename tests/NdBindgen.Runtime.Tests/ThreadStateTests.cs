using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using Xunit;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>Per-thread release deferral, scopes that own only their own references, callback result messages, the interrupt flag.</summary>
public unsafe class ThreadStateTests
{
    [Fact]
    public void A_deallocating_thread_defers_only_its_own_releases()
    {
        PyObject* mine = null, theirs = null;
        EmbeddedPython.Run(() =>
        {
            mine = EmbeddedPython.Eval("object()");
            theirs = EmbeddedPython.Eval("object()");
        });
        using var inDealloc = new ManualResetEventSlim();
        using var otherDone = new ManualResetEventSlim();
        nint mineCountDeferred = 0, theirsCountAfter = 0, mineCountAfter = 0;
        int deferredOnA = -1, deferredOnB = -1;
        var a = new Thread(() => EmbeddedPython.Run(() =>
        {
            Py_INCREF(mine);
            PyRef.BeginDeallocating();
            try
            {
                PyRef.Release((nint)mine);                 // deferred: this thread deallocates
                mineCountDeferred = mine->ob_refcnt;
                deferredOnA = PyRef.DeferredOnThisThread;
                nint saved = PyEval_SaveThread();          // a slow __del__ lets the GIL go
                inDealloc.Set();
                otherDone.Wait();
                PyEval_RestoreThread(saved);
            }
            finally
            {
                PyRef.EndDeallocating();
            }
            mineCountAfter = mine->ob_refcnt;
        }));
        var b = new Thread(() =>
        {
            inDealloc.Wait();
            EmbeddedPython.Run(() =>
            {
                Py_INCREF(theirs);
                nint before = theirs->ob_refcnt;
                PyRef.Release((nint)theirs);               // at once: this thread deallocates nothing
                theirsCountAfter = before - theirs->ob_refcnt;
                deferredOnB = PyRef.DeferredOnThisThread;
            });
            otherDone.Set();
        });
        a.Start();
        b.Start();
        Assert.True(a.Join(TimeSpan.FromSeconds(30)) && b.Join(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, deferredOnA);
        Assert.Equal(0, deferredOnB);
        Assert.Equal(1, theirsCountAfter);
        Assert.Equal(mineCountDeferred - 1, mineCountAfter);   // made by the outermost EndDeallocating
        EmbeddedPython.Run(() =>
        {
            Py_DECREF(mine);
            Py_DECREF(theirs);
        });
    }

    [Fact]
    public void A_scope_does_not_adopt_references_made_behind_a_barrier_or_for_arguments()
    {
        EmbeddedPython.Run(() =>
        {
            Python py = Python.AssumeGilHeld();
            PyObject* o = EmbeddedPython.Eval("[1]");
            PyRef own, nested, argument;
            using (PyScope scope = py.Scope())
            {
                own = py.Eval("2");
                int before = scope.Count;
                using (PyScope.EnterPython())
                {
                    nested = py.Eval("3");                  // what a nested call from Python makes
                    argument = NdBindgen.Conversions.PyRefs.ToRef(o, PySignature.ForValue("f", "x"), 0);
                }
                Assert.Equal(before, scope.Count);
            }
            Assert.False(own.IsAlive);
            Assert.True(nested.IsAlive);
            Assert.True(argument.IsAlive);
            nested.Dispose();
            argument.Dispose();
            Py_DECREF(o);
        });
    }

    [Fact]
    public void A_bad_callback_result_names_the_parameter_and_function()
    {
        EmbeddedPython.Run(() =>
        {
            var sig = new PySignature("call_from_threads", ["fn", "threads"], required: 2);
            PyObject* text = EmbeddedPython.Eval("'x'");
            var e = Assert.Throws<PythonException>(() => NdBindgen.Conversions.Ints.ToInt64(text, sig.CallbackResult(0), 0));
            Assert.Equal("callback passed as 'fn' of call_from_threads returned str, expected int", e.Message);
            Assert.Same(sig.CallbackResult(0), sig.CallbackResult(0));
            Py_DECREF(text);
        });
    }

    [Fact]
    public void An_interrupt_is_seen_without_the_gil_until_cleared()
    {
        try
        {
            Interrupts.Raise();
            Assert.True(Python.InterruptPending);
            Assert.Throws<PythonInterruptedException>(() => Python.ThrowIfInterrupted());
        }
        finally
        {
            Interrupts.Reset();
        }
        Assert.False(Python.InterruptPending);
        Python.ThrowIfInterrupted();
    }
}
