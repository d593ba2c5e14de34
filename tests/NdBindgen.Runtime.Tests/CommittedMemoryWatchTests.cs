using NdBindgen.Memory;

namespace NdBindgen.Runtime.Tests;

/// <summary>The rule by which a module asks .NET for a full collection (README: Reliability), and that it runs after collections.</summary>
public class CommittedMemoryWatchTests
{
    private const long MB = 1 << 20;

    private static bool Decide(ref CommittedMemoryWatch.SlackState state, long index, int full, long committed, long heap) =>
        CommittedMemoryWatch.Decide(ref state, index, full, committed, heap);

    [Fact]
    public void The_limit_is_4_MB_or_a_quarter_of_the_heap()
    {
        Assert.Equal(4 * MB, CommittedMemoryWatch.SlackGrowthLimit(10 * MB));
        Assert.Equal(5 * MB, CommittedMemoryWatch.SlackGrowthLimit(20 * MB));
        Assert.Equal(256 * MB, CommittedMemoryWatch.SlackGrowthLimit(1024 * MB));
    }

    [Fact]
    public void The_first_collection_seen_sets_the_baseline()
    {
        var state = CommittedMemoryWatch.SlackState.Initial;
        Assert.False(Decide(ref state, index: 1, full: 0, committed: 200 * MB, heap: 20 * MB));
        Assert.Equal(180 * MB, state.BaseSlack);
    }

    [Fact]
    public void Unused_committed_memory_growing_past_the_limit_without_a_full_collection_asks_for_one_once()
    {
        // The Holder loop: gen1 collections each keeping 2 MB more committed, the heap flat at 17 MB.
        var state = CommittedMemoryWatch.SlackState.Initial;
        Decide(ref state, 1, 0, committed: 37 * MB, heap: 17 * MB);
        var asked = new List<long>();
        for (int i = 1; i <= 20; i++)
        {
            if (Decide(ref state, 1 + i, 0, 37 * MB + i * 2 * MB, 17 * MB)) asked.Add(i * 2 * MB);
        }
        Assert.Equal([6 * MB], asked);   // the first growth past 4 MB, and not again until a full collection
    }

    [Fact]
    public void A_full_collection_sets_a_new_baseline()
    {
        var state = CommittedMemoryWatch.SlackState.Initial;
        Decide(ref state, 1, 0, committed: 40 * MB, heap: 16 * MB);
        Assert.True(Decide(ref state, 2, 0, committed: 45 * MB, heap: 16 * MB));
        Assert.False(Decide(ref state, 3, 1, committed: 30 * MB, heap: 16 * MB));
        Assert.Equal(14 * MB, state.BaseSlack);
        Assert.False(Decide(ref state, 4, 1, committed: 34 * MB, heap: 16 * MB));
        Assert.True(Decide(ref state, 5, 1, committed: 35 * MB, heap: 16 * MB));
    }

    [Fact]
    public void A_full_collection_followed_by_another_before_the_look_is_still_noticed()
    {
        var state = CommittedMemoryWatch.SlackState.Initial;
        Decide(ref state, 1, 0, committed: 40 * MB, heap: 16 * MB);
        Assert.True(Decide(ref state, 2, 0, committed: 45 * MB, heap: 16 * MB));
        // Collection 3 was the full one; the look comes after collection 4, a gen1 one.
        Assert.False(Decide(ref state, 4, 1, committed: 50 * MB, heap: 16 * MB));
        Assert.Equal(34 * MB, state.BaseSlack);
        Assert.True(Decide(ref state, 5, 1, committed: 55 * MB, heap: 16 * MB));
    }

    [Fact]
    public void A_growing_heap_is_not_unused_memory()
    {
        var state = CommittedMemoryWatch.SlackState.Initial;
        for (int i = 1; i <= 100; i++)
        {
            long heap = i * 10 * MB;
            Assert.False(Decide(ref state, i, 0, committed: heap + 16 * MB, heap));
        }
    }

    [Fact]
    public void Unused_memory_that_moves_with_a_large_heap_is_left_alone()
    {
        var state = CommittedMemoryWatch.SlackState.Initial;
        Decide(ref state, 1, 0, committed: 1100 * MB, heap: 1000 * MB);
        Assert.False(Decide(ref state, 2, 0, committed: 1300 * MB, heap: 1000 * MB));   // 200 MB more: under a quarter
        Assert.True(Decide(ref state, 3, 0, committed: 1400 * MB, heap: 1000 * MB));
    }

    [Fact]
    public void The_same_collection_is_looked_at_once()
    {
        var state = CommittedMemoryWatch.SlackState.Initial;
        Decide(ref state, 1, 0, committed: 40 * MB, heap: 20 * MB);
        Assert.False(Decide(ref state, 1, 0, committed: 60 * MB, heap: 20 * MB));
        Assert.True(Decide(ref state, 2, 0, committed: 60 * MB, heap: 20 * MB));
    }

    [Fact]
    public void Once_started_it_looks_after_every_collection()
    {
        CommittedMemoryWatch.Start();
        CommittedMemoryWatch.Start();   // once per process: a second start adds no second watcher
        int before = Volatile.Read(ref CommittedMemoryWatch.Checks), gcsBefore = GC.CollectionCount(0);
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(0);
            GC.WaitForPendingFinalizers();
        }
        int seen = Volatile.Read(ref CommittedMemoryWatch.Checks) - before, gcs = GC.CollectionCount(0) - gcsBefore;
        // One look per collection (other tests may collect meanwhile; the last one may not be looked at yet).
        Assert.InRange(seen, 2, gcs + 1);
    }
}
