using NdBindgen.NumPy;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// The borrow tracker's conflict rule (BorrowKey.Conflicts, pure arithmetic on made-up addresses)
/// and its table (BorrowTable: shared views coexist, a mutable one conflicts, slots are reused).
/// </summary>
public unsafe class BorrowTests
{
    private const nint Base = 0x10000;

    /// <summary>The key of a view of doubles (or <paramref name="itemSize"/>-byte elements) at byte <paramref name="offset"/> from Base.</summary>
    private static BorrowKey Key(nint offset, nint[] shape, nint[] strides, nint itemSize = 8)
    {
        fixed (nint* sh = shape, st = strides)
            return BorrowKey.Of((byte*)(Base + offset), sh, st, shape.Length, itemSize);
    }

    [Fact]
    public void Key_has_rust_numpys_range_data_and_gcd()
    {
        // a[::-1] of 10 doubles: from the last element back to the first.
        BorrowKey k = Key(72, [10], [-8]);
        Assert.Equal(Base, k.Start);
        Assert.Equal(Base + 80, k.End);
        Assert.Equal(Base + 72, k.Data);
        Assert.Equal(8, k.Gcd);
        // (10, 10)[:, ::3]: strides 80 and 24, gcd 8 (rust-numpy's view_with_non_dividing_strides).
        Assert.Equal(8, Key(0, [10, 4], [80, 24]).Gcd);
        Assert.Equal(16, Key(0, [10, 5], [80, 16]).Gcd);
        // Dimensions of length 1 move nothing: their stride is left out (rust-numpy keeps it).
        Assert.Equal(16, Key(0, [1, 5], [8, 16]).Gcd);
        // Empty: no byte; one element: gcd 0.
        BorrowKey empty = Key(0, [3, 0], [8, 8]);
        Assert.Equal(empty.Start, empty.End);
        Assert.Equal(0, Key(0, [1], [8]).Gcd);
    }

    [Theory]
    // (offset, shape, strides) of two double views of one (5, 2) C-order matrix or a 10-vector, and whether they conflict.
    [InlineData(0, 5, 16, 8, 5, 16, false)]   // b[:, 0] and b[:, 1]: interleaved, no element shared
    [InlineData(0, 5, 16, 0, 5, 16, true)]    // the same column twice
    [InlineData(0, 5, 16, 16, 4, 16, true)]   // a[::2] and a[2::2]
    [InlineData(0, 5, 8, 40, 5, 8, false)]    // halves: ranges do not overlap
    [InlineData(0, 6, 8, 32, 6, 8, true)]     // a[:6] and a[4:]
    [InlineData(0, 10, 8, 0, 5, 16, true)]    // a and a[::2]
    [InlineData(8, 5, 16, 0, 10, 8, true)]    // a[1::2] and a
    [InlineData(0, 4, 24, 8, 3, 24, false)]   // a[::3] and a[1::3]: 8 bytes apart modulo 24, one element each way
    [InlineData(0, 4, 24, 24, 3, 24, true)]   // a[::3] and a[3::3]
    public void Conflicts_as_rust_numpy_for_one_dtype(int offsetA, int lengthA, int strideA, int offsetB, int lengthB, int strideB, bool expected)
    {
        BorrowKey a = Key(offsetA, [lengthA], [strideA]), b = Key(offsetB, [lengthB], [strideB]);
        Assert.Equal(expected, BorrowKey.Conflicts(a, b));
        Assert.Equal(expected, BorrowKey.Conflicts(b, a));
    }

    [Fact]
    public void Interleaved_but_shifted_by_a_part_of_an_element_conflicts()
    {
        // float64 elements every 16 bytes from 0 and from 4: bytes 0-7 and 4-11 meet. rust-numpy's
        // rule (4 mod 16 != 0) lets them pass; ours does not.
        BorrowKey a = Key(0, [3], [16]), b = Key(4, [3], [16]);
        Assert.True(BorrowKey.Conflicts(a, b));
        Assert.True(BorrowKey.Conflicts(b, a));
        // float32 at 8 bytes into 16-byte records of float64 at 0: bytes 0-7 and 8-11, apart.
        Assert.False(BorrowKey.Conflicts(Key(0, [3], [16]), Key(8, [3], [16], itemSize: 4)));
        // A byte view of all of it conflicts with anything inside.
        Assert.True(BorrowKey.Conflicts(Key(0, [48], [1], itemSize: 1), Key(8, [3], [16])));
    }

    [Fact]
    public void Non_dividing_steps_are_a_known_false_conflict()
    {
        // (10, 10)[:, ::3] and [:, 1::3]: no element in common, gcd 8 divides 8: refused, as rust-numpy does.
        Assert.True(BorrowKey.Conflicts(Key(0, [10, 4], [80, 24]), Key(8, [10, 3], [80, 24])));
        // [:, ::2] and [:, 1::2]: gcd 16, d 8: accepted.
        Assert.False(BorrowKey.Conflicts(Key(0, [10, 5], [80, 16]), Key(8, [10, 5], [80, 16])));
    }

    [Fact]
    public void Empty_views_and_single_elements()
    {
        Assert.False(BorrowKey.Conflicts(Key(0, [0], [8]), Key(0, [10], [8])));
        Assert.True(BorrowKey.Conflicts(Key(8, [1], [8]), Key(8, [1], [8])));
        Assert.False(BorrowKey.Conflicts(Key(8, [1], [8]), Key(16, [1], [8])));
        Assert.True(BorrowKey.Conflicts(Key(8, [1], [8]), Key(0, [10], [8])));
        Assert.False(BorrowKey.Conflicts(Key(8, [1], [8]), Key(0, [5], [16])));   // element 1 is not in a[::2]
        Assert.True(BorrowKey.Conflicts(Key(0, [4], [0]), Key(0, [1], [8])));     // broadcast: every element is the first
    }

    [Fact]
    public void Table_shared_views_coexist_and_a_mutable_one_conflicts()
    {
        BorrowTable* t = BorrowTable.Create();
        BorrowKey all = Key(0, [10], [8]), even = Key(0, [5], [16]), odd = Key(8, [5], [16]);
        int s1 = BorrowTable.Acquire(t, Base, all, mutable: false);
        int s2 = BorrowTable.Acquire(t, Base, all, mutable: false);
        Assert.Equal(s1, s2);                                                    // one key, counted twice
        Assert.Equal(-1, BorrowTable.Acquire(t, Base, even, mutable: true));
        Assert.True(BorrowTable.Acquire(t, Base + 4096, even, mutable: true) >= 0);   // another base: never conflicts
        BorrowTable.Release(t, s1);
        Assert.Equal(-1, BorrowTable.Acquire(t, Base, even, mutable: true));
        BorrowTable.Release(t, s2);
        int e = BorrowTable.Acquire(t, Base, even, mutable: true);
        int o = BorrowTable.Acquire(t, Base, odd, mutable: true);               // interleaved: both mutable
        Assert.True(e >= 0 && o >= 0 && e != o);
        Assert.Equal(-1, BorrowTable.Acquire(t, Base, even, mutable: false));
        Assert.Equal(-1, BorrowTable.Acquire(t, Base, all, mutable: false));
        Assert.Equal(-1, BorrowTable.Acquire(t, Base, even, mutable: true));
        BorrowTable.Release(t, e);
        BorrowTable.Release(t, o);
        Assert.Equal(1, BorrowTable.Live(t));                                   // the other base's
        Assert.Equal(2, t->Top);                                                // slot 2 (odd) dropped; slot 1 (the other base) live
        Assert.True(BorrowTable.Find(t, Base + 4096, even) >= 0);
        BorrowTable.Release(t, BorrowTable.Find(t, Base + 4096, even));
        Assert.Equal(0, BorrowTable.Live(t));
        Assert.Equal(0, t->Top);                                                // trailing free slots are dropped
        Assert.Equal(-1, BorrowTable.Find(t, Base, all));
    }

    [Fact]
    public void Table_keeps_a_views_layout_and_computes_its_key_only_when_the_base_is_shared()
    {
        BorrowTable* t = BorrowTable.Create();
        nint[] dims = [5, 16];   // shape, then strides: the lease's copy
        fixed (nint* d = dims)
        {
            byte* data = (byte*)Base;
            int even = BorrowTable.Acquire(t, Base, data, d, d + 1, 1, 8, mutable: true);
            Assert.True(t->Entries[even].Shape != null);                           // no key yet
            Assert.Equal(-1, BorrowTable.Acquire(t, Base, data + 16, d, d + 1, 1, 8, mutable: false));   // a[2::2]: refused
            Assert.True(t->Entries[even].Shape == null);                           // computed for the comparison
            Assert.Equal(Base + 72, t->Entries[even].Key.End);
            int odd = BorrowTable.Acquire(t, Base, data + 8, d, d + 1, 1, 8, mutable: true);   // a[1::2]: accepted
            Assert.True(odd >= 0 && odd != even);
            // Released through the capsule's function: found by its key.
            Assert.Equal(odd, BorrowTable.Find(t, Base, Key(8, [5], [16])));
            Assert.Equal(even, BorrowTable.Find(t, Base, Key(0, [5], [16])));
            BorrowTable.Release(t, odd);
            BorrowTable.Release(t, even);
            Assert.Equal(0, t->Top);
        }
    }

    [Fact]
    public void Table_grows_and_reuses_free_slots()
    {
        BorrowTable* t = BorrowTable.Create();
        var slots = new int[20];
        for (int i = 0; i < slots.Length; i++) slots[i] = BorrowTable.Acquire(t, Base, Key(i * 8, [1], [8]), mutable: true);
        Assert.Equal(Enumerable.Range(0, 20), slots);
        Assert.True(t->Capacity >= 20);
        BorrowTable.Release(t, slots[3]);
        Assert.Equal(3, BorrowTable.Acquire(t, Base, Key(3 * 8, [1], [8]), mutable: false));
        Assert.Equal(-1, BorrowTable.Acquire(t, Base, Key(0, [20], [8]), mutable: false));
        Assert.Equal(20, BorrowTable.Live(t));
    }
}
