using System;
using System.Collections.Generic;
using System.Threading;
using NdBindgen.NumPy;
using NdBindgen.Core;
using Xunit;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// The call's table of arrays it made (CallArrays): a call ends only the arrays its own thread made
/// after its mark, newest first, and leaves older ones and other threads' to their calls. As in a
/// call from Python, the GIL is held (entries remember the thread's Python thread state).
/// </summary>
[Collection("CallArrays")]   // the table is the process's
public class CallArraysTests
{
    private sealed class Fake(List<string> released, string name, nint thread) : ICallOwnedArray
    {
        public ulong Serial { get; set; }
        public nint Thread { get; } = thread;
        public void ReleaseAtCallEnd() => released.Add(name);
    }

    private static Fake Make(List<string> released, string name, nint? thread = null)
    {
        var a = new Fake(released, name, thread ?? CallArrays.CurrentThread());
        a.Serial = CallArrays.Adopt(a);
        return a;
    }

    [Fact]
    public void A_call_ends_the_arrays_its_thread_made_after_its_mark_newest_first()
    {
        EmbeddedPython.Run(() =>
        {
            var released = new List<string>();
            int live = CallArrays.Live;
            Fake before = Make(released, "before");
            ulong mark = CallArrays.Mark;
            Make(released, "a");
            Make(released, "other thread's", thread: -1);
            Make(released, "b");
            CallArrays.End(mark);
            Assert.Equal(new[] { "b", "a" }, released);
            Assert.Equal(live + 2, CallArrays.Live);   // "before" and the other thread's are left
            CallArrays.Remove(before);
            Assert.Equal(live + 1, CallArrays.Live);
        });
    }

    [Fact]
    public void Returned_or_kept_arrays_are_not_released_and_an_empty_call_costs_nothing()
    {
        EmbeddedPython.Run(() =>
        {
            var released = new List<string>();
            int live = CallArrays.Live;
            ulong mark = CallArrays.Mark;
            Fake returned = Make(released, "returned");
            CallArrays.Remove(returned);               // handed to Python
            CallArrays.End(mark);
            Assert.Empty(released);
            Assert.Equal(live, CallArrays.Live);
            ulong nothing = CallArrays.Mark;
            CallArrays.End(nothing);                   // no array made: nothing to do
            Assert.Equal(nothing, CallArrays.Mark);
        });
    }

    [Fact]
    public void The_table_grows_past_its_first_size()
    {
        EmbeddedPython.Run(() =>
        {
            var released = new List<string>();
            ulong mark = CallArrays.Mark;
            for (int i = 0; i < 100; i++) Make(released, i.ToString());
            CallArrays.End(mark);
            Assert.Equal(100, released.Count);
            Assert.Equal("99", released[0]);
        });
    }

    [Fact]
    public void An_NdArray_made_without_Python_is_not_the_calls()
    {
        int live = CallArrays.Live;
        using var a = NdArray<double>.Full(1.5, 4);
        Assert.Equal(live, CallArrays.Live);       // .NET memory with a finalizer guard
        Assert.Equal(new[] { 1.5, 1.5, 1.5, 1.5 }, a.AsSpan().ToArray());
        Assert.Same(a, a.Keep());                  // nothing to keep: already its own
    }

    [Fact]
    public void A_gil_guard_owns_the_arrays_made_under_it()
    {
        EmbeddedPython.Run(() => { });   // the interpreter running; this thread without the GIL
        NdArray<double> dropped, kept;
        using (GilGuard gil = Python.Acquire())
        {
            dropped = NdArray<double>.Full(1.0, 3);
            kept = NdArray<double>.Full(2.0, 3).Keep();
            Assert.Equal(3.0, dropped.AsSpan()[0] * 3);
        }
        Assert.Throws<ObjectDisposedException>(() => dropped.AsSpan().Length);
        Assert.Equal(new[] { 2.0, 2.0, 2.0 }, kept.AsSpan().ToArray());
        using (Python.Acquire()) kept.Dispose();
    }
}
