using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using NdBindgen;

namespace NdTestModule;

/// <summary>
/// C# call chains that throw, for the .NET frames in the Python traceback (tests/python/test_exception_frames.py).
/// The methods between the entry point and the throw are not inlined, so each keeps a frame of its own (an
/// inlined method has none, in .NET's stack traces as here). tests/NdFramesOff compiles this same file into a
/// module published with PyDotNetFrames=false.
/// </summary>
public static class FramesChain
{
    /// <summary>FrameA -> FrameB -> FrameC, which throws InvalidOperationException("chain failed").</summary>
    [PyFunction]
    public static int FramesRaiseChain() => FrameA(1);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FrameA(int x) => FrameB(x + 1) + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FrameB(int x) => FrameC(x + 1) + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FrameC(int x) => x > 0 ? throw new InvalidOperationException("chain failed") : x;

    /// <summary>FrameCallsBack -> f(), a Python callable that raises: its exception comes back to Python with the C# frames above its own.</summary>
    [PyFunction]
    public static int FramesCallBack(Func<int> f) => FrameCallsBack(f);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FrameCallsBack(Func<int> f) => f() + 1;

    /// <summary>
    /// FrameWraps calls FrameInner -> FrameInnermost (KeyNotFoundException("inner failed")), catches it and throws
    /// ArgumentException("outer failed", inner): the cause keeps its own frames.
    /// </summary>
    [PyFunction]
    public static int FramesRaiseWithCause() => FrameWraps();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FrameWraps()
    {
        try
        {
            return FrameInner();
        }
        catch (KeyNotFoundException e)
        {
            throw new ArgumentException("outer failed", e);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FrameInner() => FrameInnermost(new Dictionary<string, int>()) * 2;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FrameInnermost(Dictionary<string, int> d) => d.TryGetValue("x", out int v) ? v : throw new KeyNotFoundException("inner failed");

    /// <summary>A user's lambda called by the BCL (Enumerable.Select) throws: the user's frames on both sides of the BCL's stay.</summary>
    [PyFunction]
    public static int FramesThroughLinq(List<int> xs) => FrameSums(xs);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FrameSums(List<int> xs) => xs.Select(FrameChecked).Sum();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FrameChecked(int x) => x < 0 ? throw new OverflowException("negative") : x;

    /// <summary>A local function calls a lambda that throws: they are named after the method that holds them.</summary>
    [PyFunction]
    public static int FramesThroughLambda(int x) => FrameHoldsLambda(x);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FrameHoldsLambda(int x)
    {
        Func<int, int> check = y => y > 0 ? throw new InvalidOperationException("lambda failed") : y;
        return Twice(x);

        [MethodImpl(MethodImplOptions.NoInlining)]
        int Twice(int y) => check(y) * 2;
    }

    /// <summary>
    /// Throws from a recursion <paramref name="depth"/> calls deep (the traceback keeps the 200 frames nearest the
    /// throw); a depth over 10000 is refused (ArgumentOutOfRangeException) before it could exhaust the stack.
    /// </summary>
    [PyFunction]
    public static int FramesRecurse(int depth) =>
        depth > 10000 ? throw new ArgumentOutOfRangeException(nameof(depth), "at most 10000") : FrameRecursive(depth);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int FrameRecursive(int depth) => depth <= 0 ? throw new InvalidOperationException("bottom") : FrameRecursive(depth - 1) + 1;
}
