using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace NdBindgen.Core;

/// <summary>
/// An array whose numpy memory the call that made it owns until it is returned, disposed or kept.
/// </summary>
internal interface ICallOwnedArray
{
    /// <summary>The call that made it ended without returning it: its reference is released.</summary>
    void ReleaseAtCallEnd();

    /// <summary>Which array this is in the order of creation (for <see cref="CallArrays.End"/>).</summary>
    ulong Serial { get; }

    /// <summary>The thread that made it (<see cref="CallArrays.CurrentThread"/>).</summary>
    nint Thread { get; }
}

/// <summary>
/// The arrays a call from Python made and did not return, released when the call ends: the
/// deterministic release a .NET finalizer gave only after a collection (measured: 100,000 calls of
/// <c>add_scalar_to_array(1.0, np.ones(10))</c> grew RSS by 16 MB before the finalizer thread caught
/// up; a finalizable object also cost some 20 ns to allocate). Every entry point reads
/// <see cref="Mark"/> when Python calls it and calls <see cref="End"/> when it returns (a load, a
/// compare and a branch when it made no array or returned the one it made). The table is the
/// process's, guarded by the GIL (arrays with numpy memory are made, returned and released with it
/// held); each entry remembers its thread, so a call that released the GIL ends only its own
/// arrays and not those of a call another thread is still running.
/// </summary>
/// <remarks>
/// Entries are structs (an array of an interface type checks each store's type: measured, a tenth
/// of the table's cost), and the thread is Python's thread state, read without a .NET thread-local.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CallArrays
{
    private static ulong s_made;                        // arrays ever adopted: a call's mark is this count
    private static LiveArray[]? s_live;          // no initializer: a static constructor would put a check before every Mark
    private static int s_count;

    /// <summary>What an entry point reads when Python calls it.</summary>
    public static ulong Mark
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => s_made;
    }

    /// <summary>Releases the arrays this thread made since <paramref name="mark"/> and did not return or keep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void End(ulong mark)
    {
        if (s_made != mark && s_count != 0) EndSlow(mark);
    }

    /// <summary>Arrays made and not yet returned, released or kept (tests).</summary>
    internal static int Live => s_count;

    private struct LiveArray
    {
        internal ICallOwnedArray? Array;
    }

    /// <summary>This thread, as entries remember it: its Python thread state (the GIL is held), or, without Python (tests), its .NET id.</summary>
    internal static nint CurrentThread() =>
        Builtins.IsInitialized ? PythonThread() : Environment.CurrentManagedThreadId;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint PythonThread() => Interop.CPython.PyThreadState_Get();

    /// <summary>Registers an array just made with the GIL held; returns its serial.</summary>
    internal static ulong Adopt(ICallOwnedArray array)
    {
        LiveArray[]? live = s_live;
        int count = s_count;
        if (live is null || (uint)count >= (uint)live.Length) live = Grow();
        live[count].Array = array;
        s_count = count + 1;
        return ++s_made;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static LiveArray[] Grow()
    {
        if (s_live is null) return s_live = new LiveArray[16];
        Array.Resize(ref s_live, s_live.Length * 2);
        return s_live;
    }

    /// <summary>Takes an array out of the table (returned, disposed or kept); the GIL must be held.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Remove(ICallOwnedArray array)
    {
        LiveArray[] live = s_live!;
        int last = s_count - 1;
        if ((uint)last < (uint)live.Length && ReferenceEquals(live[last].Array, array))   // the usual case: the newest
        {
            live[last].Array = null;
            s_count = last;
            return;
        }
        RemoveOlder(array);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RemoveOlder(ICallOwnedArray array)
    {
        LiveArray[] live = s_live!;
        int last = s_count - 1;
        for (int i = last - 1; i >= 0; i--)
        {
            if (!ReferenceEquals(live[i].Array, array)) continue;
            Array.Copy(live, i + 1, live, i, last - i);
            live[last].Array = null;
            s_count = last;
            return;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EndSlow(ulong mark)
    {
        nint thread = CurrentThread();
        LiveArray[] live = s_live!;
        // Newest first. A release may run Python code (a numpy subclass's finalizer is not one, but
        // a base object's __del__ can be), which may make or end arrays: re-read the count each time.
        for (int i = s_count - 1; i >= 0; i--)
        {
            if (i >= s_count) continue;
            ICallOwnedArray? a = live[i].Array;
            if (a is null) continue;
            if (a.Serial <= mark) break;   // in order of creation: the rest are older than the call
            if (a.Thread != thread) continue;
            Array.Copy(live, i + 1, live, i, s_count - i - 1);
            live[--s_count].Array = null;
            a.ReleaseAtCallEnd();
            live = s_live!;
        }
    }
}
