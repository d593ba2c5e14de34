using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace NdBindgen.Classes;

/// <summary>
/// The C# objects of live <c>[PyClass]</c> instances, by slot number (what the Python object
/// stores): one array and a free list, changed only by a thread holding the GIL (instances are
/// created and deallocated only with it). It replaces a <c>GCHandle</c> per instance, measured at
/// 15 ns of the 95 ns <c>Point(1.0, 2.0)</c> took. Like a strong handle, a slot keeps its object
/// alive until the Python object dies. Readers without the GIL (a <c>PyRef&lt;T&gt;</c> on another
/// thread) are safe: a grown array is filled before it is published, and a slot of a live
/// instance is never cleared or reused. The table does not shrink (as CPython's free lists).
/// </summary>
/// <remarks>
/// A slot is a struct holding an <see cref="IPyClass"/>, not an <c>object?[]</c> element: storing into an array of a
/// reference type checks the stored object's type (a call per store, measured in callgrind), storing into a struct's
/// field does not; and what comes out is an IPyClass without a cast.
/// </remarks>
internal static class InstanceTable
{
    private struct Slot
    {
        public IPyClass? Value;
        public int NextFree;   // the free list, threaded through the free slots
    }

    // Set by Start, not by initializers: a class with a static constructor is checked for having run it at every
    // access (a load and a branch in each getter, measured in perf annotate of p.x).
    private static Slot[]? s_slots;
    private static int s_freeHead;                    // 0: none (slot 0 is never used, 0 means "no object")
    private static int s_used;

#pragma warning disable CA2255 // a library's module initializer: the table must exist before any instance
    [ModuleInitializer]
    internal static void Start()
#pragma warning restore CA2255
    {
        s_slots = new Slot[256];
        s_used = 1;
    }

    /// <summary>Stores <paramref name="value"/> and returns its slot (never 0); the GIL must be held.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint Add(IPyClass value)
    {
        Slot[] slots = s_slots!;
        int slot = s_freeHead;
        if (slot != 0) s_freeHead = slots[slot].NextFree;
        else if (s_used < slots.Length) slot = s_used++;
        else slots = Grow(out slot);
        slots[slot].Value = value;
        return slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static IPyClass Get(nint slot) => Volatile.Read(ref s_slots)![slot].Value!;

    /// <summary>Frees <paramref name="slot"/> and returns the object it held; the GIL must be held.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static IPyClass? Remove(nint slot)
    {
        ref Slot s = ref s_slots![slot];
        IPyClass? value = s.Value;
        s.Value = null;
        s.NextFree = s_freeHead;
        s_freeHead = (int)slot;
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Slot[] Grow(out int slot)
    {
        Slot[] old = s_slots!;
        var slots = new Slot[checked(old.Length * 2)];
        Array.Copy(old, slots, s_used);
        Volatile.Write(ref s_slots, slots);
        slot = s_used++;
        return slots;
    }
}
