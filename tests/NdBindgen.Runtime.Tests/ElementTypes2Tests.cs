using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using NdBindgen.Conversions;
using NdBindgen.Interop;
using NdBindgen.NumPy;
using NdBindgen.TimeUnits;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// Issue 20 item 5's element types alone: Complex32 arithmetic and conversions, Datetime64/Timedelta64
/// arithmetic, NaT and conversions, the unit read from a descriptor (numpy 1.24's real ones, and
/// numpy 2's legacy layout built by hand), and object-array writes' reference counts.
/// </summary>
public unsafe class ElementTypes2Tests
{
    [Fact]
    public void Complex32ConvertsAndComputesInSinglePrecision()
    {
        Assert.Equal(8, sizeof(Complex32));   // numpy's complex64: two float32, real first
        var z = new Complex32(1.5f, -2f);
        Complex wide = z;
        Assert.Equal(new Complex(1.5, -2), wide);
        Assert.Equal(new Complex32(0.1f, 0), (Complex32)new Complex(0.1, 0));   // rounded to float
        Assert.Equal(new Complex32(float.PositiveInfinity, 0), (Complex32)new Complex(1e300, 0));
        Assert.Equal(new Complex32(-3.5f, 3f), z * new Complex32(0, 1) * new Complex32(0, 1) + new Complex32(-2f, 1f));
        Assert.Equal(new Complex32(1.5f, 2f), Complex32.Conjugate(z));
        Assert.Equal(new Complex32(0, 1), new Complex32(-1, 1) / new Complex32(1, 1));
        Assert.Equal(5f, new Complex32(3, 4).Magnitude);
        Complex32 nan = new(float.NaN, 0), nan2 = nan;
        Assert.False(nan == nan2);   // as float's ==
        Assert.True(nan.Equals(nan));   // as float.Equals: usable as a key
        Assert.Equal(nan.GetHashCode(), new Complex32(float.NaN, 0).GetHashCode());
        Assert.Equal("<1.5; -2>", z.ToString());
        Assert.Equal(((Complex)z).ToString(), z.ToString());   // as Complex prints
    }

    [Fact]
    public void DatetimeArithmeticFollowsNumpy()
    {
        var a = new Datetime64<Seconds>(100);
        var b = new Datetime64<Seconds>(40);
        Timedelta64<Seconds> d = a - b;   // the difference of two datetimes is a timedelta
        Assert.Equal(60, d.Value);
        Assert.Equal(a, b + d);
        Assert.Equal(b, a - d);
        var a2 = a;
        Assert.True(a > b && b < a && a >= a2 && a == a2 && a != b);
        Assert.Equal(-60, (-d).Value);
        Assert.Equal(180, (d * 3).Value);
        Assert.Equal(0.5, new Timedelta64<Seconds>(30) / d);
        Datetime64<Seconds> nat = Datetime64<Seconds>.NaT, nat2 = nat;
        Assert.True(nat.IsNaT);
        Assert.Equal(long.MinValue, nat.Value);
        Assert.True((nat - a).IsNaT && (a - nat).IsNaT && (nat + d).IsNaT && (a + Timedelta64<Seconds>.NaT).IsNaT);
        Assert.False(nat == nat2);   // numpy: NaT compares unequal, even to itself
        Assert.True(nat != nat2);
        Assert.False(nat < a || nat > a || nat <= a || nat >= a);
        Assert.True(nat.Equals(nat));   // Equals is reflexive (dictionary keys)
        Assert.True(double.IsNaN(Timedelta64<Seconds>.NaT / d));
        var sorted = new[] { nat, a, b };
        System.Array.Sort(sorted);
        Assert.Equal([b, a, nat], sorted);   // NaT last, as numpy.sort
        Assert.Equal("numpy.datetime64(100, 's')", a.ToString());
        Assert.Equal("numpy.timedelta64('NaT', 's')", Timedelta64<Seconds>.NaT.ToString());
    }

    [Fact]
    public void DatetimeToAndFromDateTime()
    {
        var epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(epoch.AddTicks(1), new Datetime64<Nanoseconds>(100).ToDateTime());
        Assert.Equal(epoch.AddTicks(1), new Datetime64<Nanoseconds>(199).ToDateTime());   // rounded down
        Assert.Equal(epoch.AddTicks(-1), new Datetime64<Nanoseconds>(-1).ToDateTime());   // toward the past
        Assert.Equal(new DateTime(2024, 2, 29, 0, 0, 0, DateTimeKind.Utc), new Datetime64<Days>(19782).ToDateTime());
        Assert.Equal(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), new Datetime64<Months>(650).ToDateTime());
        Assert.Equal(new DateTime(1969, 12, 1, 0, 0, 0, DateTimeKind.Utc), new Datetime64<Months>(-1).ToDateTime());
        Assert.Equal(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), new Datetime64<Years>(30).ToDateTime());
        Assert.Equal(epoch.AddDays(7), new Datetime64<Weeks>(1).ToDateTime());
        Assert.Equal(new DateTimeOffset(epoch.AddHours(5)), new Datetime64<Hours>(5).ToDateTimeOffset());
        Assert.Equal(650, Datetime64<Months>.FromDateTime(new DateTime(2024, 3, 31)).Value);
        Assert.Equal(54, Datetime64<Years>.FromDateTime(new DateTime(2024, 12, 31)).Value);
        Assert.Equal(-1, Datetime64<Years>.FromDateTime(new DateTime(1969, 6, 1)).Value);
        Assert.Equal(-1, Datetime64<Days>.FromDateTime(epoch.AddTicks(-1)).Value);   // rounded down
        Assert.Equal(19782, Datetime64<Days>.FromDateTime(new DateTime(2024, 2, 29, 23, 59, 59)).Value);
        Assert.Equal(1_700_000_000_000_000_000, Datetime64<Nanoseconds>.FromDateTimeOffset(
            DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).ToOffset(TimeSpan.FromHours(3))).Value);   // UTC
        var e = Assert.Throws<InvalidOperationException>(() => Datetime64<Microseconds>.NaT.ToDateTime());
        Assert.Equal("datetime64[us] NaT has no DateTime value", e.Message);
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => new Datetime64<Days>(3_000_000).ToDateTime());
        Assert.Equal("datetime64[D] value 3000000 is outside DateTime's range (years 1 to 9999)", r.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Datetime64<Seconds>(long.MaxValue).ToDateTime());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Datetime64<Years>(long.MaxValue / 2).ToDateTime());
        Assert.Throws<OverflowException>(() => Datetime64<Attoseconds>.FromDateTime(new DateTime(2024, 1, 1)));   // ±9.2 s only
    }

    [Fact]
    public void TimedeltaToAndFromTimeSpan()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), new Timedelta64<Milliseconds>(1500).ToTimeSpan());
        Assert.Equal(TimeSpan.FromDays(14), new Timedelta64<Weeks>(2).ToTimeSpan());
        Assert.Equal(new TimeSpan(-1), new Timedelta64<Picoseconds>(-1).ToTimeSpan());   // rounded down
        Assert.Equal(3, Timedelta64<Microseconds>.FromTimeSpan(new TimeSpan(35)).Value);   // 3.5 us, down
        Assert.Equal(-4, Timedelta64<Microseconds>.FromTimeSpan(new TimeSpan(-35)).Value);
        Assert.Equal(1_000_000_000, Timedelta64<Nanoseconds>.FromTimeSpan(TimeSpan.FromSeconds(1)).Value);
        var e = Assert.Throws<InvalidOperationException>(() => new Timedelta64<Months>(1).ToTimeSpan());
        Assert.Equal("timedelta64[M] has no fixed length (a month varies), so no TimeSpan", e.Message);
        Assert.Throws<InvalidOperationException>(() => Timedelta64<Years>.FromTimeSpan(TimeSpan.Zero));
        Assert.Throws<InvalidOperationException>(() => Timedelta64<Days>.NaT.ToTimeSpan());
        var o = Assert.Throws<OverflowException>(() => new Timedelta64<Days>(long.MaxValue / 2).ToTimeSpan());
        Assert.Equal($"timedelta64[D] value {long.MaxValue / 2} is outside TimeSpan's range", o.Message);
        Assert.Throws<OverflowException>(() => Timedelta64<Attoseconds>.FromTimeSpan(TimeSpan.FromDays(1)));
    }

    [Fact]
    public void TheElementTableNamesEachTypeAndUnit()
    {
        Assert.Equal("complex64", NpyElement<Complex32>.Name);
        Assert.Equal(Npy.NPY_CFLOAT, NpyElement<Complex32>.TypeNum);
        Assert.Equal("datetime64[ns]", NpyElement<Datetime64<Nanoseconds>>.Name);
        Assert.Equal("timedelta64[Y]", NpyElement<Timedelta64<Years>>.Name);
        Assert.Equal("datetime64[as]", NpyElement<Datetime64<Attoseconds>>.Name);
        Assert.Equal(Npy.NPY_DATETIME, NpyElement<Datetime64<Days>>.TypeNum);
        Assert.Equal(Npy.NPY_TIMEDELTA, NpyElement<Timedelta64<Days>>.TypeNum);
        Assert.Equal(4, NpyElement<Datetime64<Days>>.TimeUnit);
        Assert.Equal(-1, NpyElement<double>.TimeUnit);
        fixed (byte* zf = "Zf\0"u8, zd = "Zd\0"u8, m8 = "M\0"u8)
        {
            Assert.True(NpyElement<Complex32>.MatchesFormat(zf, 8));
            Assert.False(NpyElement<Complex32>.MatchesFormat(zd, 16));
            Assert.False(NpyElement<Datetime64<Seconds>>.MatchesFormat(m8, 8));   // numpy exports no datetime buffers
        }
    }

    [Theory]
    [InlineData("M8[ns]", 10, true)]
    [InlineData("M8[s]", 7, true)]
    [InlineData("m8[D]", 4, true)]
    [InlineData("M8[Y]", 0, true)]
    [InlineData("m8[as]", 13, true)]
    [InlineData("M8[10ns]", 10, false)]   // a multiplier: not the unit itself
    [InlineData("M8", 10, false)]         // generic
    [InlineData("M8[us]", 10, false)]
    public void TheUnitIsReadFromNumpysDescriptor(string dtype, int unit, bool expected)
    {
        Run(() =>
        {
            Py_DECREF(Arrays.FromArray(NdArray<double>.Zeros(1)));   // numpy's C API loaded
            PyObject* descr = Eval($"np.dtype('{dtype}')");
            try
            {
                Assert.Equal(expected, NpyTime.HasUnit((PyArray_Descr*)descr, unit));
            }
            finally
            {
                Py_DECREF(descr);
            }
        });
    }

    [Fact]
    public void ANumpy2LegacyDescriptorHasItsMetadataAfterTheReservedFields()
    {
        // numpy 2's _PyArray_LegacyDescr (ndarraytypes.h, 2.0 to main): the 88-byte descriptor, then
        // subarray 88, fields 96, names 104, c_metadata 112; PyArray_DatetimeDTypeMetaData: an
        // NpyAuxData (4 pointers) then { int base; int num; } at 32.
        Assert.Equal(120, sizeof(_PyArray_LegacyDescrNumPy2));
        Assert.Equal(40, sizeof(PyArray_DatetimeDTypeMetaData));
        var meta = new byte[40];
        BinaryPrimitives.WriteInt32LittleEndian(meta.AsSpan(32), 10);   // ns
        BinaryPrimitives.WriteInt32LittleEndian(meta.AsSpan(36), 1);
        var descr = new byte[120];
        fixed (byte* m = meta, d = descr)
        {
            BinaryPrimitives.WriteInt64LittleEndian(descr.AsSpan(112), (long)m);
            Assert.Equal((nint)m, (nint)NpyTime.CMetadata((PyArray_Descr*)d, NpyDescrLayout.NumPy2));
            var read = (PyArray_DatetimeDTypeMetaData*)NpyTime.CMetadata((PyArray_Descr*)d, NpyDescrLayout.NumPy2);
            Assert.Equal(10, read->unit);
            Assert.Equal(1, read->num);
            // numpy 1's c_metadata is elsewhere (offset 80 of the 96-byte descriptor): here zero.
            Assert.Equal(0, (nint)NpyTime.CMetadata((PyArray_Descr*)d, NpyDescrLayout.NumPy1));
        }
        Assert.Equal(80, (int)Marshal.OffsetOf<PyArray_DescrProto>(nameof(PyArray_DescrProto.c_metadata)));
    }

    [Fact]
    public void ObjectArrayWritesKeepCountsExact()
    {
        Run(() =>
        {
            PyObject* x = Eval("object()");
            nint before = x->ob_refcnt;
            using var array = NdObjectArray.Create(default, 3);
            NdObjectViewMut view = array.AsViewMut();
            Assert.True(view[0].IsNone(default));   // filled with None
            view.Set(0, new PyBorrowed(x));
            view.Set(1, new PyBorrowed(x));
            Assert.Equal(before + 2, x->ob_refcnt);
            Assert.Equal((nint)x, (nint)view[1].Handle);
            view.Fill(new PyBorrowed(Core.Builtins.None));
            Assert.Equal(before, x->ob_refcnt);   // the old values released
            try
            {
                view.Set(3, new PyBorrowed(x));
                Assert.Fail("an index past the end was written");
            }
            catch (IndexOutOfRangeException e)
            {
                Assert.Equal("index 3 is out of bounds for axis 0 with size 3", e.Message);
            }
            Assert.Equal(before, x->ob_refcnt);
            PyObject* numpyArray = Arrays.FromObjectArray(array);
            Assert.Equal("[None None None]", Str(numpyArray));
            Assert.Throws<ObjectDisposedException>(() => array.AsViewMut());   // handed over
            Py_DECREF(numpyArray);
            Py_DECREF(x);
        });
    }
}
