using System;
using System.Threading;

namespace NdBindgen.Memory;

/// <summary>
/// Gives memory that .NET's GC keeps committed but unused back to the system when the GC alone
/// would not. A module that drops many instances of a [PyClass] with a C# finalizer makes every
/// collection find its whole gen0 alive (each dropped object, and what it references, survives
/// once to be finalized): every collection is then a gen1 one, and before its first full one the
/// GC kept ~2 MB more committed after each (20 MB per million instances, without bound, while the
/// heap stayed at 17 MB). A full collection stops that. After every collection (on the finalizer
/// thread, as the BCL's Gen2GcCallback) this compares the committed memory the heap does not use
/// with what it was after the last full collection, and asks for one when it has grown by more
/// than <see cref="SlackGrowthLimit"/>. Started by module import only: a program that embeds
/// Python owns its GC policy.
/// </summary>
internal sealed class CommittedMemoryWatch
{
    /// <summary>How far the unused committed memory may grow past its level after the last full collection: 4 MB, or a quarter of the heap when that is more.</summary>
    internal static long SlackGrowthLimit(long heap) => Math.Max(4L << 20, heap / 4);

    private static int s_started;
    private static SlackState s_state = SlackState.Initial;

    /// <summary>How many collections the watch has looked at (its unit test counts them).</summary>
    internal static int Checks;

    private CommittedMemoryWatch() { }

    /// <summary>Starts watching (once per process).</summary>
    internal static void Start()
    {
        if (Interlocked.Exchange(ref s_started, 1) == 0) _ = new CommittedMemoryWatch();
    }

    ~CommittedMemoryWatch()
    {
        try
        {
            Interlocked.Increment(ref Checks);
            GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Any);
            if (Decide(ref s_state, info.Index, GC.CollectionCount(2), info.TotalCommittedBytes, info.HeapSizeBytes))
            {
                new Thread(CollectAfterFinalizers) { IsBackground = true, Name = "NdBindgen full GC" }.Start();
            }
        }
        catch
        {
            // An exception on the finalizer thread would end the process; a missed check is harmless.
        }
        // A new object, not ReRegisterForFinalize: a re-registered one would soon sit in gen2 and
        // be looked at only by the full collections this is waiting for.
        _ = new CommittedMemoryWatch();
    }

    // Not from the finalizer thread: this object is finalized among the objects the last collection
    // found dead, and a full collection made before their finalizers ran would find them alive and
    // move them to gen2, where they would stay, finalized and unused, for lack of full collections.
    private static void CollectAfterFinalizers()
    {
        try
        {
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        }
        catch
        {
            // An exception on this thread would end the process; a missed collection is harmless.
        }
    }

    /// <summary>What the watch remembers between collections.</summary>
    internal struct SlackState
    {
        public long LastIndex;       // the last collection looked at
        public int FullCollections;  // how many full collections there had been then
        public long BaseSlack;       // committed - heap after the last full collection (or the first one seen); -1: none yet
        public bool Asked;           // a full collection was asked for and none has been seen since

        public static SlackState Initial => new() { LastIndex = -1, BaseSlack = -1 };
    }

    /// <summary>
    /// The rule, apart from the GC so that it can be tested: after collection <paramref name="index"/>,
    /// with <paramref name="fullCollections"/> full ones so far, true when one more should be asked for.
    /// A full collection is noticed by the count, even when another one followed before this look.
    /// </summary>
    internal static bool Decide(ref SlackState state, long index, int fullCollections, long committed, long heap)
    {
        if (index == state.LastIndex) return false;   // no collection since the last look
        state.LastIndex = index;
        long slack = committed - heap;
        if (fullCollections != state.FullCollections || state.BaseSlack < 0)
        {
            state.FullCollections = fullCollections;
            state.BaseSlack = slack;
            state.Asked = false;
            return false;
        }
        if (state.Asked || slack - state.BaseSlack <= SlackGrowthLimit(heap)) return false;
        state.Asked = true;
        return true;
    }
}
