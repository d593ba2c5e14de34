using System;
using System.Numerics;
using NdBindgen;

namespace Samples;

public static class Values
{
    /// <summary>A copy of the bytes.</summary>
    [PyFunction] public static byte[]? Copy(byte[]? data) => data;

    /// <summary>Read in place: the buffer is held for the call and released after it.</summary>
    [PyFunction] public static ReadOnlySpan<byte> Head(ReadOnlySpan<byte> data, int n = 4) => data[..Math.Min(n, data.Length)];

    [PyFunction] public static ReadOnlyMemory<byte> Memory(ReadOnlyMemory<byte> data) => data;

    [PyFunction] public static BigInteger Square(BigInteger x) => x * x;

    [PyFunction] public static decimal Total(decimal price, decimal? tax = null) => price * (1 + (tax ?? 0.2m));

    [PyFunction] public static DateTime Shift(DateTime when, TimeSpan by) => when + by;

    [PyFunction] public static DateTimeOffset? At(DateTimeOffset? when) => when;

    [PyFunction] public static DateOnly Day(DateOnly day, TimeOnly time) => day;

    [PyFunction] public static Complex? Conjugate(Complex? z) => z is { } v ? Complex.Conjugate(v) : null;
}
