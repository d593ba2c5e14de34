using System;

namespace NdBindgen;

/// <summary>
/// A Python slice (<c>obj[start:stop:step]</c>) as an indexer's key: <c>this[PySlice slice]</c> serves
/// <c>obj[1:5]</c>, <c>obj[::-2]</c> and every other slice, step included. The bounds are as written
/// (null when omitted, any <c>__index__</c> value, clamped to <see cref="long"/>'s range);
/// <see cref="Indices"/> resolves them against a length as Python's <c>slice.indices</c> does.
/// </summary>
public readonly struct PySlice : IEquatable<PySlice>
{
    /// <param name="start">The first index, or null (the start, or the end for a negative step).</param>
    /// <param name="stop">The index to stop before, or null (past the end, or before the start for a negative step).</param>
    /// <param name="step">The step, or null for 1; never 0.</param>
    /// <exception cref="ArgumentException">The step is 0 (a ValueError in Python, as for <c>[::0]</c>).</exception>
    public PySlice(long? start, long? stop, long? step = null)
    {
        if (step == 0) throw new ArgumentException("slice step cannot be zero", nameof(step));
        Start = start;
        Stop = stop;
        // As PySlice_Unpack: -step must not overflow.
        Step = step is long s ? Math.Max(s, -long.MaxValue) : 1;
    }

    public long? Start { get; }
    public long? Stop { get; }
    /// <summary>The step: 1 when omitted, never 0.</summary>
    public long Step { get; }

    /// <summary>
    /// The indices the slice selects in a sequence of <paramref name="length"/> items, as
    /// <c>slice.indices(length)</c> (PySlice_AdjustIndices): bounds past either end are clipped, negative
    /// ones count from the end; <see cref="PySliceIndices.Count"/> is how many items it selects.
    /// </summary>
    public PySliceIndices Indices(long length)
    {
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), "length must not be negative");
        long step = Step;
        long start = Start is long a ? Clip(a, length, step) : step < 0 ? length - 1 : 0;
        long stop = Stop is long b ? Clip(b, length, step) : step < 0 ? -1 : length;
        long count = step < 0
            ? (stop < start ? (start - stop - 1) / -step + 1 : 0)
            : (start < stop ? (stop - start - 1) / step + 1 : 0);
        return new PySliceIndices(start, stop, step, count);
    }

    private static long Clip(long i, long length, long step)
    {
        if (i < 0)
        {
            i += length;
            return i < 0 ? (step < 0 ? -1 : 0) : i;
        }
        return i >= length ? (step < 0 ? length - 1 : length) : i;
    }

    public bool Equals(PySlice other) => Start == other.Start && Stop == other.Stop && Step == other.Step;

    public override bool Equals(object? obj) => obj is PySlice other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Start, Stop, Step);

    public static bool operator ==(PySlice left, PySlice right) => left.Equals(right);

    public static bool operator !=(PySlice left, PySlice right) => !left.Equals(right);

    /// <summary>As Python shows it: <c>slice(1, None, -2)</c>.</summary>
    public override string ToString() =>
        $"slice({(Start?.ToString() ?? "None")}, {(Stop?.ToString() ?? "None")}, {Step})";
}

/// <summary>
/// A slice resolved against a length (<see cref="PySlice.Indices"/>): item <c>k</c> of the <see cref="Count"/>
/// selected is at <c>Start + k * Step</c>.
/// </summary>
public readonly record struct PySliceIndices(long Start, long Stop, long Step, long Count)
{
    /// <summary>The index in the sequence of the <paramref name="k"/>th item selected.</summary>
    public long this[long k] => Start + k * Step;
}
