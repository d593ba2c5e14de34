using System;
using System.Numerics;
using NdBindgen;

namespace NdTestModule;

/// <summary>Bytes, big ints, decimals and the datetime family, both ways (issue 17).</summary>
public static class Values
{
    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static byte[] EchoBytes(byte[] x) => x;

    /// <summary>Returns <paramref name="x"/>, or None.</summary>
    [PyFunction]
    public static byte[]? EchoOptBytes(byte[]? x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static ReadOnlyMemory<byte> EchoMemory(ReadOnlyMemory<byte> x) => x;

    /// <summary>Returns <paramref name="x"/> (the span read in place, returned as bytes).</summary>
    [PyFunction]
    public static ReadOnlySpan<byte> EchoSpan(ReadOnlySpan<byte> x) => x;

    /// <summary>The sum of the bytes of <paramref name="x"/>.</summary>
    [PyFunction]
    public static long SumSpan(ReadOnlySpan<byte> x)
    {
        long sum = 0;
        foreach (byte b in x) sum += b;
        return sum;
    }

    /// <summary>Calls <paramref name="during"/> with the length while holding <paramref name="x"/>, then sums it.</summary>
    [PyFunction]
    public static long SumSpanAfter(ReadOnlySpan<byte> x, Action<long> during)
    {
        during(x.Length);
        long sum = 0;
        foreach (byte b in x) sum += b;
        return sum;
    }

    /// <summary>Throws after reading <paramref name="x"/>: the buffer is released all the same.</summary>
    [PyFunction]
    public static long SpanThenThrow(ReadOnlySpan<byte> x) => throw new InvalidOperationException($"read {x.Length}");

    /// <summary>The first <paramref name="n"/> bytes 0, 1, 2, ...</summary>
    [PyFunction]
    public static ReadOnlySpan<byte> Counting(int n)
    {
        var bytes = new byte[n];
        for (int i = 0; i < n; i++) bytes[i] = (byte)i;
        return bytes;
    }

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static BigInteger EchoBigInt(BigInteger x) => x;

    /// <summary>Returns <paramref name="x"/>, or None.</summary>
    [PyFunction]
    public static BigInteger? EchoOptBigInt(BigInteger? x) => x;

    /// <summary><paramref name="x"/> times <paramref name="y"/>, exactly.</summary>
    [PyFunction]
    public static BigInteger MulBigInt(BigInteger x, BigInteger y) => x * y;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static decimal EchoDecimal(decimal x) => x;

    /// <summary>Returns <paramref name="x"/>, or None.</summary>
    [PyFunction]
    public static decimal? EchoOptDecimal(decimal? x) => x;

    /// <summary>The scale of <paramref name="x"/> as C# holds it.</summary>
    [PyFunction]
    public static int DecimalScale(decimal x) => x.Scale;

    /// <summary>decimal.MaxValue.</summary>
    [PyFunction]
    public static decimal DecimalMax() => decimal.MaxValue;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static Complex EchoComplex(Complex x) => x;

    /// <summary>Returns <paramref name="x"/>, or None.</summary>
    [PyFunction]
    public static Complex? EchoOptComplex(Complex? x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static DateTime EchoDateTime(DateTime x) => x;

    /// <summary>Returns <paramref name="x"/>, or None.</summary>
    [PyFunction]
    public static DateTime? EchoOptDateTime(DateTime? x) => x;

    /// <summary>The Kind of <paramref name="x"/> as C# sees it.</summary>
    [PyFunction]
    public static string KindOf(DateTime x) => x.Kind.ToString();

    /// <summary>The ticks of <paramref name="x"/>.</summary>
    [PyFunction]
    public static long DateTimeTicks(DateTime x) => x.Ticks;

    /// <summary>A DateTime of <paramref name="ticks"/> and <paramref name="kind"/> (0 Unspecified, 1 Utc, 2 Local).</summary>
    [PyFunction]
    public static DateTime MakeDateTime(long ticks, int kind) => new(ticks, (System.DateTimeKind)kind);

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static DateTimeOffset EchoDateTimeOffset(DateTimeOffset x) => x;

    /// <summary>The offset of <paramref name="x"/> in minutes.</summary>
    [PyFunction]
    public static int OffsetMinutes(DateTimeOffset x) => (int)x.Offset.TotalMinutes;

    /// <summary>A DateTimeOffset of <paramref name="ticks"/> at <paramref name="minutes"/> from UTC.</summary>
    [PyFunction]
    public static DateTimeOffset MakeDateTimeOffset(long ticks, int minutes) =>
        new(ticks, TimeSpan.FromMinutes(minutes));

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static DateOnly EchoDate(DateOnly x) => x;

    /// <summary>Returns <paramref name="x"/>, or None.</summary>
    [PyFunction]
    public static DateOnly? EchoOptDate(DateOnly? x) => x;

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static TimeOnly EchoTime(TimeOnly x) => x;

    /// <summary>A TimeOnly of <paramref name="ticks"/>.</summary>
    [PyFunction]
    public static TimeOnly MakeTime(long ticks) => new(ticks);

    /// <summary>Returns <paramref name="x"/>.</summary>
    [PyFunction]
    public static TimeSpan EchoTimeSpan(TimeSpan x) => x;

    /// <summary>Returns <paramref name="x"/>, or None.</summary>
    [PyFunction]
    public static TimeSpan? EchoOptTimeSpan(TimeSpan? x) => x;

    /// <summary>The ticks of <paramref name="x"/>.</summary>
    [PyFunction]
    public static long TimeSpanTicks(TimeSpan x) => x.Ticks;

    /// <summary>A TimeSpan of <paramref name="ticks"/>.</summary>
    [PyFunction]
    public static TimeSpan MakeTimeSpan(long ticks) => new(ticks);
}

/// <summary>A record with properties of the new value types.</summary>
[PyClass]
public sealed partial class ValueRecord
{
    /// <summary>An empty record.</summary>
    public ValueRecord() { }

    /// <summary>Raw bytes.</summary>
    [PyProperty]
    public byte[] Data { get; set; } = Array.Empty<byte>();

    /// <summary>A big number.</summary>
    [PyProperty]
    public BigInteger Big { get; set; }

    /// <summary>An amount.</summary>
    [PyProperty]
    public decimal Amount { get; set; }

    /// <summary>When, or None.</summary>
    [PyProperty]
    public DateTime? When { get; set; }

    /// <summary>How long.</summary>
    [PyProperty]
    public TimeSpan Duration { get; set; }

    /// <summary>Which day.</summary>
    [PyProperty]
    public DateOnly Day { get; set; }
}
