using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.Interop;
using NdBindgen.NumPy;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// numpy 1.x and 2.x from one runtime: the descriptor accessors given descriptor memory laid out
/// by hand at the offsets numpy's headers give (numpy 2 cannot be installed here), the C API
/// version decisions, and the accessors and version check against the numpy this machine has.
/// </summary>
public unsafe class NumPyVersionTests
{
    private const ulong NPY_ITEM_REFCOUNT = 0x01, NPY_NEEDS_PYAPI = 0x10, NPY_ALIGNED_STRUCT = 0x80;

    // numpy 1.x PyArray_Descr (numpy/core/include/numpy/ndarraytypes.h, 1.24) on x86_64: PyObject_HEAD
    // 16, typeobj 8, kind type byteorder flags (chars) at 24..27, int type_num 28, int elsize 32,
    // int alignment 36, then subarray fields names f metadata c_metadata hash: 96 bytes.
    private static byte[] NumPy1Descr(byte kind, byte byteorder, byte flags, int typeNum, int elsize, int alignment)
    {
        var m = new byte[96];
        m[24] = kind;
        m[25] = kind;   // the type character: not read
        m[26] = byteorder;
        m[27] = flags;
        BinaryPrimitives.WriteInt32LittleEndian(m.AsSpan(28), typeNum);
        BinaryPrimitives.WriteInt32LittleEndian(m.AsSpan(32), elsize);
        BinaryPrimitives.WriteInt32LittleEndian(m.AsSpan(36), alignment);
        return m;
    }

    // numpy 2.x PyArray_Descr (numpy/_core/include/numpy/ndarraytypes.h, 2.0 to 2.5): the same up to
    // type_num (char _former_flags at 27, unused), then npy_uint64 flags 32, npy_intp elsize 40,
    // npy_intp alignment 48, metadata 56, hash 64, reserved_null[2] 72: 88 bytes.
    private static byte[] NumPy2Descr(byte kind, byte byteorder, ulong flags, int typeNum, long elsize, long alignment)
    {
        var m = new byte[88];
        m[24] = kind;
        m[25] = kind;
        m[26] = byteorder;
        m[27] = 0;
        BinaryPrimitives.WriteInt32LittleEndian(m.AsSpan(28), typeNum);
        BinaryPrimitives.WriteUInt64LittleEndian(m.AsSpan(32), flags);
        BinaryPrimitives.WriteInt64LittleEndian(m.AsSpan(40), elsize);
        BinaryPrimitives.WriteInt64LittleEndian(m.AsSpan(48), alignment);
        return m;
    }

    [Fact]
    public void TheLayoutsHaveTheSizesOfNumpysHeaders()
    {
        Assert.Equal(32, sizeof(PyArray_Descr));   // the shared head, padded after type_num
        Assert.Equal(96, sizeof(PyArray_DescrProto));
        Assert.Equal(88, sizeof(_PyArray_DescrNumPy2));
    }

    [Fact]
    public void ANumpy1DescriptorReadsInTheNumpy1Layout()
    {
        // An aligned struct {i1, f8}: numpy 1.24 reports itemsize 16, alignment 8 and flags -0x70
        // (a signed char: NPY_ALIGNED_STRUCT | NPY_NEEDS_PYAPI), which is 0x90 read unsigned.
        fixed (byte* m = NumPy1Descr((byte)'V', (byte)'|', 0x90, 20, 16, 8))
        {
            var d = (PyArray_Descr*)m;
            Assert.Equal(16, NpyDescr.ElementSize(d, NpyDescrLayout.NumPy1));
            Assert.Equal(8, NpyDescr.Alignment(d, NpyDescrLayout.NumPy1));
            Assert.Equal(NPY_ALIGNED_STRUCT | NPY_NEEDS_PYAPI, NpyDescr.Flags(d, NpyDescrLayout.NumPy1));
            Assert.Equal(20, d->type_num);
            Assert.Equal((byte)'|', d->byteorder);
            Assert.Equal((byte)'V', d->kind);
        }
        fixed (byte* m = NumPy1Descr((byte)'i', (byte)'>', 0, 5, 4, 4))   // >i4
        {
            var d = (PyArray_Descr*)m;
            Assert.Equal(4, NpyDescr.ElementSize(d, NpyDescrLayout.NumPy1));
            Assert.Equal(0ul, NpyDescr.Flags(d, NpyDescrLayout.NumPy1));
            Assert.Equal(Npy.NPY_INT, d->type_num);
            Assert.Equal((byte)'>', d->byteorder);
        }
    }

    [Fact]
    public void ANumpy2DescriptorReadsInTheNumpy2Layout()
    {
        // numpy 2's wider fields: an element over 2 GiB (a void dtype may be) and a flag above bit 31.
        const long huge = 3L << 31;
        const ulong high = 1ul << 40;
        fixed (byte* m = NumPy2Descr((byte)'V', (byte)'|', NPY_ALIGNED_STRUCT | NPY_NEEDS_PYAPI | high, 20, huge, 16))
        {
            var d = (PyArray_Descr*)m;
            Assert.Equal(huge, (long)NpyDescr.ElementSize(d, NpyDescrLayout.NumPy2));
            Assert.Equal(16, NpyDescr.Alignment(d, NpyDescrLayout.NumPy2));
            Assert.Equal(NPY_ALIGNED_STRUCT | NPY_NEEDS_PYAPI | high, NpyDescr.Flags(d, NpyDescrLayout.NumPy2));
            Assert.Equal(20, d->type_num);
            Assert.Equal((byte)'|', d->byteorder);
            Assert.Equal((byte)'V', d->kind);
        }
        fixed (byte* m = NumPy2Descr((byte)'f', (byte)'=', 0, Npy.NPY_DOUBLE, 8, 8))
        {
            var d = (PyArray_Descr*)m;
            Assert.Equal(8, NpyDescr.ElementSize(d, NpyDescrLayout.NumPy2));
            Assert.Equal(8, NpyDescr.Alignment(d, NpyDescrLayout.NumPy2));
            Assert.Equal(0ul, NpyDescr.Flags(d, NpyDescrLayout.NumPy2));
            Assert.Equal(Npy.NPY_DOUBLE, d->type_num);
            Assert.Equal((byte)'=', d->byteorder);
            // Why the layout matters: numpy 1's int elsize at 32 is the low half of numpy 2's flags.
            Assert.Equal(0, NpyDescr.ElementSize(d, NpyDescrLayout.NumPy1));
        }
        fixed (byte* m = NumPy2Descr((byte)'O', (byte)'|', 0x3f, Npy.NPY_OBJECT, 8, 8))   // object: flags 0x3f
        {
            var d = (PyArray_Descr*)m;
            Assert.Equal(0x3ful, NpyDescr.Flags(d, NpyDescrLayout.NumPy2));
            Assert.True((NpyDescr.Flags(d, NpyDescrLayout.NumPy2) & NPY_ITEM_REFCOUNT) != 0);
            Assert.Equal(8, NpyDescr.ElementSize(d, NpyDescrLayout.NumPy2));
        }
    }

    public static TheoryData<uint, uint, bool> Usable => new()
    {
        { 0x01000009, 0x07, false },   // numpy 1.7, the oldest with every slot used
        { 0x01000009, 0x10, false },   // numpy 1.23/1.24 (this machine: 1.24.2)
        { 0x01000009, 0x11, false },   // numpy 1.25/1.26 (1.26 also has numpy._core: still 1.x)
        { 0x02000000, 0x12, true },    // numpy 2.0
        { 0x02000000, 0x15, true },    // numpy 2.4
        { 0x02000000, 0x16, true },    // numpy 2.5 and 2.6
    };

    [Theory]
    [MemberData(nameof(Usable))]
    public void KnownVersionsPickTheirLayout(uint abi, uint feature, bool numpy2)
    {
        var version = new NumPyCVersion(abi, feature);
        Assert.True(version.IsUsable);
        Assert.Null(version.Refusal("x"));
        Assert.Equal(numpy2 ? NpyDescrLayout.NumPy2 : NpyDescrLayout.NumPy1, version.DescrLayout);
    }

    [Fact]
    public void AnUnknownAbiIsRefusedNamingTheVersion()
    {
        var version = new NumPyCVersion(0x03000000, 0);
        Assert.False(version.IsUsable);
        Assert.Equal(
            "numpy 3.0.0 has C ABI version 0x03000000 (C ABI 3), which this module does not know. NdBindgen modules " +
            "use numpy 1.7 to 1.26 (C ABI 1) and numpy 2 (C ABI 2): install numpy<3, or rebuild the module with an " +
            "NdBindgen that supports numpy 3",
            version.Refusal("3.0.0"));
        Assert.False(new NumPyCVersion(0x00000009, 0x10).IsUsable);
    }

    [Fact]
    public void OldOrInconsistentVersionsAreRefused()
    {
        string? old = new NumPyCVersion(0x01000009, 0x06).Refusal("1.6.2");
        Assert.StartsWith(
            "numpy 1.6.2 (C ABI version 0x01000009, C API feature version 0x6) is older than numpy 1.7.", old);
        Assert.Contains("numpy 2 C API on a numpy 1 ABI", new NumPyCVersion(0x01000009, 0x12).Refusal("?"));
        Assert.Contains("numpy 1 C API on a numpy 2 ABI", new NumPyCVersion(0x02000000, 0x11).Refusal("?"));
    }

    private static int s_featureCalls;

    [UnmanagedCallersOnly]
    private static uint Abi1() => 0x01000009;

    [UnmanagedCallersOnly]
    private static uint Abi2() => 0x02000000;

    [UnmanagedCallersOnly]
    private static uint Abi3() => 0x03000000;

    [UnmanagedCallersOnly]
    private static uint Feature()
    {
        Interlocked.Increment(ref s_featureCalls);
        return 0x12;
    }

    [Fact]
    public void TheVersionsAreReadFromSlots0And211AndTheFeatureSlotOnlyFromAKnownAbi()
    {
        void** table = stackalloc void*[283];
        table[211] = (delegate* unmanaged<uint>)&Feature;
        int before = s_featureCalls;
        table[0] = (delegate* unmanaged<uint>)&Abi2;
        Assert.Equal(new NumPyCVersion(0x02000000, 0x12), NumPyCVersion.Read(table));
        table[0] = (delegate* unmanaged<uint>)&Abi1;
        Assert.Equal(new NumPyCVersion(0x01000009, 0x12), NumPyCVersion.Read(table));
        Assert.Equal(before + 2, s_featureCalls);
        table[0] = (delegate* unmanaged<uint>)&Abi3;   // a table of unknown length: slot 211 is not trusted
        Assert.Equal(new NumPyCVersion(0x03000000, 0), NumPyCVersion.Read(table));
        Assert.Equal(before + 2, s_featureCalls);
    }

    private const string MultiarraySetup = """
        try:
            from numpy._core import multiarray as ma   # numpy 2 (and numpy 1.26's stub)
        except ModuleNotFoundError:
            from numpy.core import multiarray as ma
        """;

    [Fact]
    public void TheRunningNumpysVersionsAndLayoutComeFromItsTable()
    {
        Run(() =>
        {
            NumPyApiTable* api = NumPyRuntime.Require();
            Assert.True(api != null);
            PyObject* capsule = Eval("ma._ARRAY_API", MultiarraySetup);
            void** table = (void**)PyCapsule_GetPointer(capsule, null);
            Py_DECREF(capsule);
            var version = NumPyCVersion.Read(table);
            Assert.Equal(Long(Eval("ma._get_ndarray_c_version()", MultiarraySetup)), version.Abi);
            Assert.True(version.IsUsable);
            Assert.Equal(version.DescrLayout, NumPyRuntime.DescrLayout);
            var expected = version.Abi >= 0x02000000 ? NpyDescrLayout.NumPy2 : NpyDescrLayout.NumPy1;
            Assert.Equal(expected, NumPyRuntime.DescrLayout);
        });
    }

    public static TheoryData<string> Dtypes => new()
    {
        "np.dtype('f8')", "np.dtype('i1')", "np.dtype('c16')", "np.dtype('f2')", "np.dtype('>i4')",
        "np.dtype('O')", "np.dtype('V7')", "np.dtype('U3')", "np.dtype('M8[s]')",
        "np.dtype([('a', 'i1'), ('b', 'f8')], align=True)", "np.dtype([('a', 'O'), ('b', 'i2', (3,))])",
    };

    [Theory]
    [MemberData(nameof(Dtypes))]
    public void TheAccessorsAgreeWithTheRunningNumpy(string dtype)
    {
        Run(() =>
        {
            NumPyRuntime.Require();
            PyObject* d = Eval(dtype);
            try
            {
                var descr = (PyArray_Descr*)d;
                Assert.Equal(Long(Eval($"{dtype}.itemsize")), NpyDescr.ElementSize(descr));
                Assert.Equal(Long(Eval($"{dtype}.alignment")), NpyDescr.Alignment(descr));
                Assert.Equal(Long(Eval($"{dtype}.num")), descr->type_num);
                Assert.Equal(Long(Eval($"ord({dtype}.byteorder)")), descr->byteorder);
                Assert.Equal(Long(Eval($"ord({dtype}.kind)")), descr->kind);
                // numpy 1.x's dtype.flags is the signed char (-0x70 for the aligned struct); 2.x's is unsigned.
                string flags = $"{dtype}.flags % (1 << 64 if ma._get_ndarray_c_version() >= 0x02000000 else 256)";
                Assert.Equal((ulong)Long(Eval(flags, MultiarraySetup)), NpyDescr.Flags(descr));
            }
            finally
            {
                Py_DECREF(d);
            }
        });
    }

    private static long Long(PyObject* o)
    {
        try
        {
            return PyLong_AsLongLong(o);
        }
        finally
        {
            Py_DECREF(o);
        }
    }
}
