using NdBindgen.Conversions;
using NdBindgen.Interop;
using NdBindgen.NumPy;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// What a view keeps of the array it was made from (its own shape and strides), the buffer
/// protocol's NULL conventions (PEP 3118), and the str length limit; on native memory, no Python.
/// </summary>
public unsafe class HostileViewTests
{
    [Fact]
    public void TheCopyingLayoutOwnsItsShapeAndStrides()
    {
        double* data = stackalloc double[6];
        nint* shape = stackalloc nint[] { 2, 3 };
        nint* strides = stackalloc nint[] { 24, 8 };
        nint* storage = stackalloc nint[4];
        var layout = new NdLayout((byte*)data, shape, strides, 2, sizeof(double), storage);
        shape[0] = 3_000_000;   // what numpy's freed shape block may hold afterwards
        strides[0] = -1;
        Assert.True(layout.Shape == storage && layout.Strides == storage + 2);
        Assert.Equal(new nint[] { 2, 3, 24, 8 }, new ReadOnlySpan<nint>(storage, 4).ToArray());
        Assert.Equal(6, layout.Length);
        Assert.True(layout.IsCContiguous);
        Assert.Throws<IndexOutOfRangeException>(() => new NdLayout((byte*)data, storage, storage + 2, 2, 8).At(2, 0));
    }

    [Fact]
    public void NullStridesAreCContiguous()
    {
        nint* shape = stackalloc nint[] { 2, 3, 4 };
        nint* storage = stackalloc nint[6];
        var layout = new NdLayout(null, shape, null, 3, 8, storage);
        Assert.Equal(new nint[] { 96, 32, 8 }, new ReadOnlySpan<nint>(layout.Strides, 3).ToArray());
        Assert.True(layout.IsCContiguous);
    }

    [Fact]
    public void ABufferWithoutShapeIsOneDimensionalOfLenOverItemsize()
    {
        double* data = stackalloc double[4];
        var b = new Py_buffer { buf = data, len = 32, itemsize = 8, ndim = 1 };
        nint* storage = stackalloc nint[2];
        NdLayout layout = BufferLayout.Copy(&b, 8, storage);
        Assert.Equal(1, layout.Ndim);
        Assert.Equal(4, layout.Shape[0]);
        Assert.Equal(8, layout.Strides[0]);
        Assert.Equal(1, BufferLayout.Ndim(null, 1));
        Assert.Equal(0, BufferLayout.Ndim(null, 0));   // 0-d: neither shape nor strides
    }

    [Fact]
    public void ABufferWithShapeAndNullStridesIsCContiguous()
    {
        nint* shape = stackalloc nint[] { 2, 3 };   // as a ctypes (c_double * 3) * 2 exports it
        var b = new Py_buffer { len = 48, itemsize = 8, ndim = 2, shape = shape };
        nint* storage = stackalloc nint[4];
        NdLayout layout = BufferLayout.Copy(&b, 8, storage);
        Assert.Equal(new nint[] { 2, 3, 24, 8 }, new ReadOnlySpan<nint>(storage, 4).ToArray());
        Assert.True(layout.IsCContiguous);
    }

    [Fact]
    public void OnlyNegativeSuboffsetsAreDirect()
    {
        nint* none = stackalloc nint[] { -1, -1 };
        nint* some = stackalloc nint[] { -1, 0 };
        Assert.True(BufferLayout.DirectOnly(null, 2));
        Assert.True(BufferLayout.DirectOnly(none, 2));
        Assert.False(BufferLayout.DirectOnly(some, 2));
    }

    [Fact]
    public void ALeaseKeepsUpToFourDimensionsInlineAndMoreInNativeMemory()
    {
        var lease = new ArrayLease();
        nint* inline = lease.Dims(ArrayLease.InlineDims);
        Assert.True(inline == lease.Dims(1));   // inside the lease: no allocation
        var big = new ArrayLease();
        nint* heap = big.Dims(6);
        for (int i = 0; i < 12; i++) heap[i] = i;   // room for 6 shape entries and 6 strides
        big.Dispose();   // frees it (run under a memory checker, a leak or double free would show)
        big.Dispose();
    }

    [Theory]
    [InlineData("abc", 3, true)]
    [InlineData("abcd", 3, false)]
    [InlineData("éé", 2, true)]       // 4 bytes of UTF-8, 2 UTF-16 units: counted, fits
    [InlineData("ééé", 2, false)]
    [InlineData("😀", 2, true)]        // 4 bytes, a surrogate pair
    [InlineData("😀😀", 3, false)]
    public void AStrFitsWhenItsUtf16LengthDoes(string text, int maxLength, bool fits)
    {
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        fixed (byte* p = utf8) Assert.Equal(fits, Strings.FitsNetString(p, utf8.Length, maxLength));
    }

    [Fact]
    public void MoreThanIntMaxValueBytesNeverFit() =>
        Assert.False(Strings.FitsNetString(null, unchecked((nint)int.MaxValue + 1)));   // refused before reading a byte
}
