using System.Runtime.InteropServices;
using System.Text;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// The supported CPython versions, the import gate's decisions, and the version-dependent layouts
/// (reference counting, int size words) on fake objects in native memory, for versions other than
/// the embedded 3.11.
/// </summary>
public unsafe class PythonVersionTests
{
    [Fact]
    public void TheListedVersionsAreOldestToNewestSeparatedBySpaces()
    {
        var expected = Enumerable.Range(PythonVersions.OldestMinor,
            PythonVersions.NewestMinor - PythonVersions.OldestMinor + 1).Select(m => $"{PythonVersions.Major}.{m}");
        Assert.Equal(string.Join(" ", expected), Encoding.UTF8.GetString(PythonVersions.Listed));
        Assert.Equal("3.9 3.10 3.11 3.12 3.13", PythonVersions.Text);
    }

    [Fact]
    public void TheExportedTextIsNulTerminatedAndStable()
    {
        byte* text = PythonVersions.ListedZ();
        Assert.Equal(PythonVersions.Text, new string((sbyte*)text));
        Assert.True(text == PythonVersions.ListedZ());
    }

    [Theory]
    [InlineData("3.9.18 (main, Nov 21 2025, 10:00:00) \n[GCC 12.2.0]", "", 9)]
    [InlineData("3.10.13 (main) [GCC 12.2.0]", "", 10)]
    [InlineData("3.11.2 (main, Mar 13 2023, 12:18:29) [GCC 12.2.0]", "", 11)]
    [InlineData("3.11.2 (main, Mar 13 2023, 12:18:29) [GCC 12.2.0]", "d", 11)]   // python3.11-dbg
    [InlineData("3.12.1 (main) [GCC 12.2.0]", "", 12)]
    [InlineData("3.13.0 (main, Oct 7 2024) [GCC 12.2.0]", "", 13)]
    [InlineData("3.13.0rc2 (main) [GCC 12.2.0]", "d", 13)]
    public void SupportedInterpretersAreAdmittedWithTheirMinorVersion(string version, string abiflags, int minor)
    {
        Assert.Null(PythonVersions.Refusal(version, abiflags, out int admitted));
        Assert.Equal(minor, admitted);
    }

    [Theory]
    [InlineData("3.8.18 (default) [GCC 12.2.0]", "", "not on CPython 3.8.18")]
    [InlineData("3.6.15 (default) [GCC 12.2.0]", "m", "not on CPython 3.6.15")]
    [InlineData("3.14.0 (main) [GCC 14.2.0]", "", "not on CPython 3.14.0")]
    [InlineData("3.14.0a1 (main) [GCC 14.2.0]", "", "not on CPython 3.14.0a1")]
    [InlineData("3.20.1 (main) [GCC 14.2.0]", "", "not on CPython 3.20.1")]
    [InlineData("2.7.18 (default) [GCC 12.2.0]", "", "not on CPython 2.7.18")]
    [InlineData("4.0.0 (main)", "", "not on CPython 4.0.0")]
    [InlineData("3.13.0 experimental free-threading build (main) [GCC 12.2.0]", "t",
        "CPython 3.13.0 is a free-threaded build (sys.abiflags 't')")]
    [InlineData("3.13.0 experimental free-threading build (main) [GCC 12.2.0]", "td",
        "CPython 3.13.0 is a free-threaded build (sys.abiflags 'td')")]
    [InlineData("3.9.18 (7f8bd5f, Nov 2025) [PyPy 7.3.17 with GCC 12.2.0]", "", "PyPy 3.9.18 is not CPython")]
    [InlineData("", "", "the interpreter's version '' is not a CPython version")]
    [InlineData("three.eleven", "", "is not a CPython version")]
    public void OtherInterpretersAreRefusedNamingThemAndTheSupportedSet(string version, string abiflags, string reason)
    {
        string? refusal = PythonVersions.Refusal(version, abiflags, out int minor);
        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal);
        Assert.Contains("the default (GIL) builds of CPython 3.9, 3.10, 3.11, 3.12, 3.13", refusal);
        Assert.Equal(0, minor);
    }

    [Fact]
    public void TheRunningInterpreterWasAdmittedAsItsOwnVersion()
    {
        EmbeddedPython.Run(() => Assert.Equal(11, PythonVersions.RunningMinor));
        Assert.Equal(RefCountMode.Plain, Layouts.RefCounts);
        Assert.False(Layouts.TaggedLongs);
    }

    // --- reference counting ---------------------------------------------------------------------

    /// <summary>A fake object header: only ob_refcnt is touched (never down to 0: that would dealloc).</summary>
    private static PyObject* Fake(long refcnt)
    {
        var o = (PyObject*)NativeMemory.AllocZeroed((nuint)sizeof(PyLongObject));
        o->ob_refcnt = (nint)refcnt;
        return o;
    }

    private const int Plain = (int)RefCountMode.Plain, Immortal = (int)RefCountMode.Immortal;

    [Theory]
    [InlineData(Plain, 1L, 2L, 1L)]
    [InlineData(Plain, 0x7FFF_FFFFL, 0x8000_0000L, 0x7FFF_FFFFL)]      // 3.11 counts on past 2**31
    [InlineData(Immortal, 1L, 2L, 1L)]
    [InlineData(Immortal, 0x7FFF_FFFEL, 0x7FFF_FFFFL, 0x7FFF_FFFEL)]   // the largest mortal count
    [InlineData(Immortal, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFFL)]   // _Py_IMMORTAL_REFCNT (3.12/3.13)
    [InlineData(Immortal, 0x8000_0000L, 0x8000_0001L, 0x8000_0001L)]   // immortal: a decref is skipped
    [InlineData(Immortal, 0x1_FFFF_FFFFL, 0x1_FFFF_FFFFL, 0x1_FFFF_FFFFL)]   // the high half is not looked at
    public void ReferenceCountsMoveAsTheVersionsObjectHDoes(int counting, long start, long afterIncref, long afterBoth)
    {
        var mode = (RefCountMode)counting;
        PyObject* o = Fake(start);
        try
        {
            IncRef(o, mode);
            Assert.Equal(afterIncref, (long)o->ob_refcnt);
            DecRef(o, mode);
            Assert.Equal(afterBoth, (long)o->ob_refcnt);
        }
        finally
        {
            NativeMemory.Free(o);
        }
    }

    [Fact]
    public void AnImmortalObjectSurvivesAnyNumberOfDecrefs()
    {
        PyObject* o = Fake(0xFFFF_FFFFL);
        try
        {
            for (int i = 0; i < 10; i++) DecRef(o, RefCountMode.Immortal);
            Assert.Equal(0xFFFF_FFFFL, (long)o->ob_refcnt);
        }
        finally
        {
            NativeMemory.Free(o);
        }
    }

    // --- ints -----------------------------------------------------------------------------------

    private static PyObject* FakeInt(bool tagged, long digits, int sign, uint digit0)
    {
        var o = (PyLongObject*)NativeMemory.AllocZeroed((nuint)sizeof(PyLongObject));
        if (tagged) o->lv_tag = (nuint)(digits << 3 | (long)(sign < 0 ? 2 : sign == 0 ? 1 : 0));
        else o->ob_size = (nint)(sign < 0 ? -digits : digits);
        o->ob_digit0 = digit0;
        return (PyObject*)o;
    }

    [Theory]
    [InlineData(false, 0L, 0, 0u, 0L)]
    [InlineData(false, 1L, 1, 5u, 5L)]
    [InlineData(false, 1L, -1, 5u, -5L)]
    [InlineData(false, 1L, 1, (1u << 30) - 1, (1L << 30) - 1)]
    [InlineData(true, 0L, 0, 0u, 0L)]
    [InlineData(true, 1L, 1, 5u, 5L)]
    [InlineData(true, 1L, -1, 5u, -5L)]
    [InlineData(true, 1L, -1, (1u << 30) - 1, -((1L << 30) - 1))]
    public void CompactIntsAreReadFromEitherLayout(bool tagged, long digits, int sign, uint digit0, long value)
    {
        PyObject* o = FakeInt(tagged, digits, sign, digit0);
        try
        {
            Assert.True(PyLong_TryCompactValue(o, tagged, out long read));
            Assert.Equal(value, read);
            Assert.Equal(value < 0, PyLong_IsNegative(o, tagged));
        }
        finally
        {
            NativeMemory.Free(o);
        }
    }

    [Theory]
    [InlineData(false, 2L, 1)]
    [InlineData(false, 2L, -1)]
    [InlineData(true, 2L, 1)]
    [InlineData(true, 2L, -1)]
    [InlineData(true, 1000L, -1)]
    public void LongerIntsAreLeftToCPythonButTheirSignIsRead(bool tagged, long digits, int sign)
    {
        PyObject* o = FakeInt(tagged, digits, sign, 7u);
        try
        {
            Assert.False(PyLong_TryCompactValue(o, tagged, out _));
            Assert.Equal(sign < 0, PyLong_IsNegative(o, tagged));
        }
        finally
        {
            NativeMemory.Free(o);
        }
    }

    [Fact]
    public void TheEmbeddedIntsAgreeWithTheirValues()
    {
        EmbeddedPython.Run(() =>
        {
            foreach (long v in new long[] { 0, 1, -1, 12345, -(1L << 30) + 1, 1L << 30, -(1L << 40) })
            {
                PyObject* o = PyLong_FromLongLong(v);
                bool compact = PyLong_TryCompactValue(o, out long read);
                Assert.Equal(Math.Abs(v) < 1L << 30, compact);
                if (compact) Assert.Equal(v, read);
                Assert.Equal(v < 0, PyLong_IsNegative(o));
                Py_DECREF(o);
            }
        });
    }
}
