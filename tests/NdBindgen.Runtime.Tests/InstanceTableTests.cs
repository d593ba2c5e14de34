using NdBindgen.Classes;
using NdBindgen.Interop;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>The slots of live instances (Classes/InstanceTable.cs): what goes in comes out, freed slots are reused, growth keeps every entry.</summary>
public unsafe class InstanceTableTests
{
    private sealed class Held(int id) : IPyClass
    {
        public int Id { get; } = id;
        public PyObject* PythonObject { get; set; }
        public static PyTypeObject* PythonType => null;
    }

    [Fact]
    public void SlotsHoldTheirObjectsThroughGrowthAndAreReusedWhenFreed()
    {
        // With the GIL, as instances are made and freed: other tests' classes use the same table.
        Run(() =>
        {
            var held = Enumerable.Range(0, 1000).Select(i => new Held(i)).ToArray();
            nint[] slots = held.Select(h => InstanceTable.Add(h)).ToArray();
            Assert.DoesNotContain((nint)0, slots);
            Assert.Equal(slots.Length, slots.Distinct().Count());
            for (int i = 0; i < held.Length; i++) Assert.Same(held[i], InstanceTable.Get(slots[i]));

            Assert.Same(held[10], InstanceTable.Remove(slots[10]));
            Assert.Same(held[20], InstanceTable.Remove(slots[20]));
            var again = new Held(-1);
            nint reused = InstanceTable.Add(again);
            Assert.Equal(slots[20], reused);   // the last freed first
            Assert.Same(again, InstanceTable.Get(reused));
            Assert.Same(held[11], InstanceTable.Get(slots[11]));

            Assert.Same(again, InstanceTable.Remove(reused));
            for (int i = 0; i < held.Length; i++)
            {
                if (i != 10 && i != 20) Assert.Same(held[i], InstanceTable.Remove(slots[i]));
            }
        });
    }
}
