using System;
using System.Collections.Generic;
using NdBindgen;

namespace Samples;

public enum Mood { Calm, Angry }

[PyClass]
public sealed partial class Probe
{
    /// <summary>A probe that reports through a callback.</summary>
    public Probe(Action<Probe, string?> report) { }
}

// Callbacks convert their arguments and result with the rows parameters use: a converter struct per type.
public static class Callbacks
{
    /// <summary>Counts words of the lines a callback gives.</summary>
    [PyFunction]
    public static long Words(Func<List<double>, Dictionary<string, long>> count) => count(new List<double>()).Count;

    /// <summary>A pair to an action.</summary>
    [PyFunction]
    public static void Pair(Action<(double, long)> take) => take((1.0, 2));

    /// <summary>Dates, money, enums and None both ways.</summary>
    [PyFunction]
    public static decimal Price(Func<DateTime, Mood, double?, decimal> price, Func<int?>? maybe = null) =>
        price(DateTime.UnixEpoch, Mood.Calm, null) + (maybe?.Invoke() ?? 0);

    /// <summary>No arguments at all, and four.</summary>
    [PyFunction]
    public static void Ping(Action ping, Action<long, long, long, byte[]> four)
    {
        ping();
        four(1, 2, 3, new byte[1]);
    }

    /// <summary>An array to Python, any object back.</summary>
    [PyFunction]
    public static PyRef Inspect(Func<NdArray<double>, PyRef> inspect) => inspect(NdArray<double>.Zeros(2));
}
