using System;
using System.Numerics;
using NdBindgen.Conversions;
using NdBindgen.Binding;
using NdBindgen.Core;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;
using static NdBindgen.Runtime.Tests.EmbeddedPython;

namespace NdBindgen.Runtime.Tests;

/// <summary>Bytes, BigInteger, decimal, the datetime family and enums against real Python objects (issue 17).</summary>
public unsafe class ValueConversionTests
{
    private static readonly PySignature Sig = new("f", ["x"], required: 1);

    private delegate T Convert<T>(PyObject* o, PySignature sig, int index);

    private delegate PyObject* Back<T>(T value);

    /// <summary>Converts a Python expression's value; returns its text (via <paramref name="show"/>) or "Type: message".</summary>
    private static string From<T>(string expression, Convert<T> convert, string setup = "", Func<T, string>? show = null)
    {
        string result = "";
        Run(() =>
        {
            PyObject* o = Eval(expression, "import datetime, decimal\n" + setup);
            try
            {
                T value = convert(o, Sig, 0);
                result = show is null ? value?.ToString() ?? "null" : show(value);
            }
            catch (PythonException e)
            {
                result = $"{e.PythonTypeName}: {e.Message}";
            }
            finally
            {
                Py_DECREF(o);
            }
        });
        return result;
    }

    /// <summary>repr() of the object a value converts to.</summary>
    private static string To<T>(T value, Back<T> convert)
    {
        string result = "";
        Run(() =>
        {
            PyObject* o = convert(value);
            result = Repr(o);
            Py_DECREF(o);
        });
        return result;
    }

    private static string Repr(PyObject* o)
    {
        PyObject* r = PyObject_Repr(o);
        string text = Utf8.FromStr(r)!;
        Py_DECREF(r);
        return text;
    }

    // ---- BigInteger

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-1", "-1")]
    [InlineData("2**63", "9223372036854775808")]
    [InlineData("-2**63", "-9223372036854775808")]
    [InlineData("-2**63-1", "-9223372036854775809")]
    [InlineData("2**64", "18446744073709551616")]
    [InlineData("True", "1")]
    [InlineData("1.0", "TypeError: f() argument 'x' must be int, not float")]
    public void BigIntegers_from_python(string expression, string expected) =>
        Assert.Equal(expected, From<BigInteger>(expression, BigIntegers.ToBigInteger));

    [Fact]
    public void BigInteger_of_2_to_the_1000_round_trips_both_signs()
    {
        BigInteger big = BigInteger.Pow(2, 1000);
        Assert.Equal(big.ToString(), From<BigInteger>("2**1000", BigIntegers.ToBigInteger));
        Assert.Equal((-big).ToString(), From<BigInteger>("-2**1000", BigIntegers.ToBigInteger));
        Assert.Equal(big.ToString(), To(big, BigIntegers.FromBigInteger));
        Assert.Equal((-big + 1).ToString(), To(-big + 1, BigIntegers.FromBigInteger));
        Assert.Equal("-9223372036854775809", To(new BigInteger(long.MinValue) - 1, BigIntegers.FromBigInteger));
        Assert.Equal("0", To(BigInteger.Zero, BigIntegers.FromBigInteger));
    }

    // ---- decimal

    [Theory]
    [InlineData("decimal.Decimal('79228162514264337593543950335')", "79228162514264337593543950335")]
    [InlineData("decimal.Decimal('-79228162514264337593543950335')", "-79228162514264337593543950335")]
    [InlineData("decimal.Decimal('0.0000000000000000000000000001')", "0.0000000000000000000000000001")]
    [InlineData("decimal.Decimal('1.50')", "1.50")]
    [InlineData("decimal.Decimal('1E+3')", "1000")]
    [InlineData("7", "7")]
    [InlineData("decimal.Decimal('79228162514264337593543950336')",
        "OverflowError: f() argument 'x' = 79228162514264337593543950336 is out of range for decimal "
        + "(-79228162514264337593543950335 to 79228162514264337593543950335)")]
    [InlineData("decimal.Decimal('1E-29')", "OverflowError: f() argument 'x' = 1E-29 has more digits than decimal "
        + "holds exactly (28 after the point, 96 bits in all); round it first, e.g. with Decimal.quantize()")]
    [InlineData("decimal.Decimal('NaN')", "ValueError: f() argument 'x' = NaN has no decimal value (NaN or Infinity)")]
    [InlineData("decimal.Decimal('-Infinity')",
        "ValueError: f() argument 'x' = -Infinity has no decimal value (NaN or Infinity)")]
    [InlineData("1.5", "TypeError: f() argument 'x' must be decimal.Decimal or int, not float")]
    public void Decimals_from_python(string expression, string expected) =>
        Assert.Equal(expected, From<decimal>(expression, Decimals.ToDecimal));

    [Fact]
    public void Decimals_to_python_keep_scale_and_extremes()
    {
        Assert.Equal("Decimal('79228162514264337593543950335')", To(decimal.MaxValue, Decimals.FromDecimal));
        Assert.Equal("Decimal('-79228162514264337593543950335')", To(decimal.MinValue, Decimals.FromDecimal));
        Assert.Equal("Decimal('1E-28')", To(new decimal(1, 0, 0, false, 28), Decimals.FromDecimal));
        Assert.Equal("Decimal('1.50')", To(1.50m, Decimals.FromDecimal));
        Assert.Equal(28, decimal.Parse(From<decimal>("decimal.Decimal('1E-28')", Decimals.ToDecimal),
            System.Globalization.CultureInfo.InvariantCulture).Scale);
    }

    // ---- datetime family

    [Theory]
    [InlineData("datetime.datetime.min", "0001-01-01T00:00:00.0000000 Unspecified")]
    [InlineData("datetime.datetime.max", "9999-12-31T23:59:59.9999990 Unspecified")]
    [InlineData("datetime.datetime(2024, 11, 3, 1, 30, fold=1)", "2024-11-03T01:30:00.0000000 Unspecified")]
    [InlineData("datetime.datetime(2024, 1, 1, 2, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))",
        "2024-01-01T00:00:00.0000000Z Utc")]
    [InlineData("datetime.date(2024, 1, 1)", "TypeError: f() argument 'x' must be datetime.datetime, not datetime.date")]
    [InlineData("datetime.datetime(1, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))",
        "OverflowError: f() argument 'x' = 0001-01-01 00:00:00+01:00 is out of range in UTC (years 1 to 9999)")]
    public void DateTimes_from_python(string expression, string expected) =>
        Assert.Equal(expected, From<DateTime>(expression, DateTimes.ToDateTime, show: d => d.ToString("o") + " " + d.Kind));

    [Fact]
    public void DateTimes_to_python()
    {
        Assert.Equal("datetime.datetime(1, 1, 1, 0, 0)", To(DateTime.MinValue, DateTimes.FromDateTime));
        Assert.Equal("datetime.datetime(9999, 12, 31, 23, 59, 59, 999999)", To(DateTime.MaxValue, DateTimes.FromDateTime));
        Assert.Equal("datetime.datetime(2000, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)",
            To(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), DateTimes.FromDateTime));
        // 1.9 microseconds: the ticks below a microsecond are dropped.
        Assert.Equal("datetime.datetime(1, 1, 1, 0, 0, 0, 1)", To(new DateTime(19), DateTimes.FromDateTime));
        Assert.Equal("datetime.datetime(2000, 1, 1, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(days=-1, seconds=81000)))",
            To(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(-1.5)), DateTimes.FromDateTimeOffset));
    }

    [Theory]
    [InlineData("datetime.timedelta(microseconds=-1)", "-00:00:00.0000010")]
    [InlineData("datetime.timedelta(days=-10675199)", "-10675199.00:00:00")]
    [InlineData("datetime.timedelta(days=10675200)", "OverflowError: f() argument 'x' = 10675200 days, 0:00:00 is out of "
        + "range for TimeSpan (-10675199.02:48:05.4775808 to 10675199.02:48:05.4775807, about 29,227 years)")]
    public void TimeSpans_from_python(string expression, string expected) =>
        Assert.Equal(expected, From<TimeSpan>(expression, DateTimes.ToTimeSpan, show: t => t.ToString("c")));

    [Fact]
    public void TimeSpans_to_python_truncate_toward_zero()
    {
        Assert.Equal("datetime.timedelta(days=-1, seconds=86399, microseconds=999999)",
            To(new TimeSpan(-15), DateTimes.FromTimeSpan));
        Assert.Equal("datetime.timedelta(microseconds=1)", To(new TimeSpan(19), DateTimes.FromTimeSpan));
        Assert.Equal("datetime.timedelta(0)", To(new TimeSpan(-9), DateTimes.FromTimeSpan));
        Assert.Equal("datetime.timedelta(days=10675199, seconds=10085, microseconds=477580)",
            To(TimeSpan.MaxValue, DateTimes.FromTimeSpan));
        Assert.Equal("datetime.timedelta(days=-10675200, seconds=76314, microseconds=522420)",
            To(TimeSpan.MinValue, DateTimes.FromTimeSpan));
    }

    [Fact]
    public void Day_numbers_agree_with_DateOnly_over_the_whole_range()
    {
        for (int n = DateOnly.MinValue.DayNumber; n <= DateOnly.MaxValue.DayNumber; n++)
        {
            DateOnly d = DateOnly.FromDayNumber(n);
            Assert.Equal(n, DateTimes.DayNumber(d.Year, d.Month, d.Day));
        }
    }

    [Fact]
    public void Dates_and_times()
    {
        Assert.Equal("9999-12-31", From<DateOnly>("datetime.date.max", DateTimes.ToDateOnly, show: d => d.ToString("o")));
        Assert.Equal("23:59:59.9999990", From<TimeOnly>("datetime.time.max", DateTimes.ToTimeOnly, show: t => t.ToString("HH:mm:ss.fffffff")));
        Assert.Equal("datetime.date(1, 1, 1)", To(DateOnly.MinValue, DateTimes.FromDateOnly));
        Assert.Equal("datetime.time(23, 59, 59, 999999)", To(TimeOnly.MaxValue, DateTimes.FromTimeOnly));
    }

    // ---- bytes

    [Theory]
    [InlineData("b'abc'", "61-62-63")]
    [InlineData("bytearray(b'xy')", "78-79")]
    [InlineData("memoryview(b'abcdef')[::2]", "61-63-65")]
    [InlineData("b''", "")]
    [InlineData("'abc'", "TypeError: f() argument 'x' must be a bytes-like object (bytes, bytearray, memoryview or a buffer), "
        + "not str; encode it first, e.g. s.encode()")]
    public void Bytes_from_python(string expression, string expected) =>
        Assert.Equal(expected, From<byte[]>(expression, Bytes.ToByteArray, show: BitConverter.ToString));

    [Fact]
    public void A_span_holds_the_export_until_the_lease_is_disposed()
    {
        Run(() =>
        {
            PyObject* data = Eval("bytearray(b'abc')");
            var lease = new ArrayLease();
            ReadOnlySpan<byte> span = Bytes.ToReadOnlySpan(data, Sig, 0, ref lease);
            Assert.Equal(3, span.Length);
            Assert.True(lease.Active);
            lease.Dispose();
            Assert.False(lease.Active);
            Py_DECREF(data);
        });
    }

    // ---- enums

    private enum Level : byte { Low = 1, High = 200, Peak = 200 }

    [Fact]
    public void Enum_members_and_values()
    {
        Run(() =>
        {
            PyObject* module = Eval("__import__('types').ModuleType('m')");
            Enums.Register<Level>(module, "Level", "A level.", flags: false, unsigned: true,
                ["LOW", "HIGH", "PEAK"], [1, 200, 200]);
            PyObject* high = Enums.FromEnum(Level.High);
            Assert.Equal("<Level.HIGH: 200>", Repr(high));
            Assert.Equal(Level.High, Enums.ToEnum<Level>(high, Sig, 0));
            PyObject* one = Eval("1");
            Assert.Equal(Level.Low, Enums.ToEnum<Level>(one, Sig, 0));
            PyObject* two = Eval("2");
            var e = Assert.Throws<PythonException>(() => Enums.ToEnum<Level>(two, Sig, 0));
            Assert.Equal("f() argument 'x' = 2 is not a valid Level (LOW=1, HIGH=200, PEAK=200)", e.Message);
            Py_DECREF(high); Py_DECREF(one); Py_DECREF(two); Py_DECREF(module);
        });
    }
}
