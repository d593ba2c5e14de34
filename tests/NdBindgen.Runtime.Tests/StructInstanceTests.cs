using NdBindgen.Classes;
using NdBindgen.Interop;

namespace NdBindgen.Runtime.Tests;

/// <summary>A struct [PyClass]'s layout inside its object, on managed memory (no Python needed).</summary>
public unsafe class StructInstanceTests
{
    private struct Pair
    {
        public double X;
        public long N;
    }

    private struct Odd
    {
#pragma warning disable CS0649 // only its size matters
        public byte A, B, C;
#pragma warning restore CS0649
    }

    [Fact]
    public void TheValueStartsAfterTheHeaderAndTheWeakList()
    {
        Assert.Equal(PyStructInstance.Offset, sizeof(PyObject) + sizeof(nint));
        Assert.Equal(0, PyStructInstance.Offset % 8);
    }

    [Fact]
    public void BasicSizeRoundsTheStructUpToWholeWords()
    {
        Assert.Equal(24 + 16, PyStructInstance.BasicSize(sizeof(Pair)));
        Assert.Equal(24 + 8, PyStructInstance.BasicSize(sizeof(Odd)));
        Assert.Equal(24, PyStructInstance.BasicSize(0));
    }

    [Fact]
    public void GetIsAReferenceIntoTheObjectAtTheOffset()
    {
        var memory = new byte[PyStructInstance.BasicSize(sizeof(Pair))];
        fixed (byte* o = memory)
        {
            ref Pair value = ref PyStructInstance.Get<Pair>((PyObject*)o);
            value.X = 1.5;
            value.N = -7;
            Assert.Equal(1.5, *(double*)(o + PyStructInstance.Offset));
            Assert.Equal(-7, *(long*)(o + PyStructInstance.Offset + 8));
            Assert.All(memory.Take(PyStructInstance.Offset), b => Assert.Equal(0, b));   // header and list untouched
        }
    }
}
