using System;
using System.Runtime.InteropServices;
using NdBindgen.TimeUnits;

namespace NdBindgen;

/// <summary>
/// numpy's <c>datetime64[unit]</c>: a count of <typeparamref name="TUnit"/> since 1970-01-01T00:00
/// (no time zone, as numpy), one long. <see cref="NaT"/> (not a time) is long.MinValue. The unit is
/// part of the type: an array argument of another unit is refused when the call binds it, and a
/// returned <c>NdArray&lt;Datetime64&lt;TUnit&gt;&gt;</c> has that unit.
/// </summary>
/// <remarks>
/// Arithmetic follows numpy: NaT in, NaT out; comparisons with NaT are false (!= is true). Overflow
/// wraps, as numpy's does. <see cref="Equals(Datetime64{TUnit})"/> treats NaT as equal to itself
/// (as double.Equals treats NaN), so values can be dictionary keys.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Datetime64<TUnit> : IEquatable<Datetime64<TUnit>>, IComparable<Datetime64<TUnit>>
    where TUnit : struct, ITimeUnit
{
    public Datetime64(long value) => Value = value;

    /// <summary>The count of units since the epoch (long.MinValue for NaT).</summary>
    public long Value { get; }

    /// <summary>Not a time: numpy's <c>numpy.datetime64('NaT')</c>.</summary>
    public static Datetime64<TUnit> NaT => new(long.MinValue);

    /// <summary>1970-01-01T00:00.</summary>
    public static Datetime64<TUnit> Epoch => default;

    public bool IsNaT => Value == long.MinValue;

    /// <summary>
    /// The time as a <see cref="DateTime"/> of kind Utc. Units finer than a .NET tick (100 ns) are
    /// rounded down (toward the past), as numpy rounds a cast to a coarser unit.
    /// </summary>
    /// <exception cref="InvalidOperationException">NaT.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Outside DateTime's years 1 to 9999.</exception>
    public DateTime ToDateTime()
    {
        if (IsNaT) throw new InvalidOperationException($"datetime64[{TUnit.Code}] NaT has no DateTime value");
        if (TUnit.MonthsPerUnit > 0)
        {
            long months;
            try { months = checked(Value * TUnit.MonthsPerUnit); }
            catch (OverflowException) { throw OutOfRange(); }
            long year = 1970 + TimeMath.FloorDiv(months, 12);
            if (year < 1 || year > 9999) throw OutOfRange();
            return new DateTime((int)year, (int)(months - TimeMath.FloorDiv(months, 12) * 12) + 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }
        if (!TimeMath.TryToTicks<TUnit>(Value, out long offset)) throw OutOfRange();
        long ticks = DateTime.UnixEpoch.Ticks + offset;
        if (offset > DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks || ticks < 0) throw OutOfRange();
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    /// <summary>The time as a <see cref="DateTimeOffset"/> at offset zero (see <see cref="ToDateTime"/>).</summary>
    public DateTimeOffset ToDateTimeOffset() => new(ToDateTime(), TimeSpan.Zero);

    /// <summary>
    /// The count of units up to <paramref name="time"/>'s clock time (its Kind is not looked at:
    /// datetime64 has no time zone). Rounded down to the unit.
    /// </summary>
    /// <exception cref="OverflowException">Not representable in this unit (attoseconds span only ±9.2 s).</exception>
    public static Datetime64<TUnit> FromDateTime(DateTime time)
    {
        if (TUnit.MonthsPerUnit > 0)
        {
            long months = (time.Year - 1970L) * 12 + time.Month - 1;
            return new(TimeMath.FloorDiv(months, TUnit.MonthsPerUnit));
        }
        return new(TimeMath.FromTicks<TUnit>(time.Ticks - DateTime.UnixEpoch.Ticks, "datetime64"));
    }

    /// <summary>The UTC time of <paramref name="time"/> (see <see cref="FromDateTime"/>).</summary>
    public static Datetime64<TUnit> FromDateTimeOffset(DateTimeOffset time) => FromDateTime(time.UtcDateTime);

    private ArgumentOutOfRangeException OutOfRange() =>
        new(null, $"datetime64[{TUnit.Code}] value {Value} is outside DateTime's range (years 1 to 9999)");

    /// <summary>The time between two datetimes (NaT if either is).</summary>
    public static Timedelta64<TUnit> operator -(Datetime64<TUnit> a, Datetime64<TUnit> b) =>
        a.IsNaT || b.IsNaT ? Timedelta64<TUnit>.NaT : new(unchecked(a.Value - b.Value));

    public static Datetime64<TUnit> operator +(Datetime64<TUnit> a, Timedelta64<TUnit> d) =>
        a.IsNaT || d.IsNaT ? NaT : new(unchecked(a.Value + d.Value));

    public static Datetime64<TUnit> operator -(Datetime64<TUnit> a, Timedelta64<TUnit> d) =>
        a.IsNaT || d.IsNaT ? NaT : new(unchecked(a.Value - d.Value));

    public static bool operator ==(Datetime64<TUnit> a, Datetime64<TUnit> b) => !a.IsNaT && a.Value == b.Value;
    public static bool operator !=(Datetime64<TUnit> a, Datetime64<TUnit> b) => !(a == b);
    public static bool operator <(Datetime64<TUnit> a, Datetime64<TUnit> b) => !a.IsNaT && !b.IsNaT && a.Value < b.Value;
    public static bool operator >(Datetime64<TUnit> a, Datetime64<TUnit> b) => !a.IsNaT && !b.IsNaT && a.Value > b.Value;
    public static bool operator <=(Datetime64<TUnit> a, Datetime64<TUnit> b) => !a.IsNaT && !b.IsNaT && a.Value <= b.Value;
    public static bool operator >=(Datetime64<TUnit> a, Datetime64<TUnit> b) => !a.IsNaT && !b.IsNaT && a.Value >= b.Value;

    public bool Equals(Datetime64<TUnit> other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is Datetime64<TUnit> other && Equals(other);
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Orders NaT last, as numpy.sort does.</summary>
    public int CompareTo(Datetime64<TUnit> other) => TimeMath.CompareNaTLast(Value, other.Value);

    /// <summary>numpy's spelling of the value: <c>numpy.datetime64(1700000000, 's')</c>, or NaT.</summary>
    public override string ToString() => IsNaT ? $"numpy.datetime64('NaT', '{TUnit.Code}')" : $"numpy.datetime64({Value}, '{TUnit.Code}')";
}

/// <summary>
/// numpy's <c>timedelta64[unit]</c>: a count of <typeparamref name="TUnit"/>, one long;
/// <see cref="NaT"/> is long.MinValue. Arithmetic and comparisons as <see cref="Datetime64{TUnit}"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Timedelta64<TUnit> : IEquatable<Timedelta64<TUnit>>, IComparable<Timedelta64<TUnit>>
    where TUnit : struct, ITimeUnit
{
    public Timedelta64(long value) => Value = value;

    /// <summary>The count of units (long.MinValue for NaT).</summary>
    public long Value { get; }

    public static Timedelta64<TUnit> NaT => new(long.MinValue);

    public static Timedelta64<TUnit> Zero => default;

    public bool IsNaT => Value == long.MinValue;

    /// <summary>The duration as a <see cref="TimeSpan"/>; units finer than a tick rounded down.</summary>
    /// <exception cref="InvalidOperationException">NaT, or years and months (no fixed length).</exception>
    /// <exception cref="OverflowException">Outside TimeSpan's range.</exception>
    public TimeSpan ToTimeSpan()
    {
        if (IsNaT) throw new InvalidOperationException($"timedelta64[{TUnit.Code}] NaT has no TimeSpan value");
        if (TUnit.MonthsPerUnit > 0) throw NoFixedLength();
        if (!TimeMath.TryToTicks<TUnit>(Value, out long ticks))
            throw new OverflowException($"timedelta64[{TUnit.Code}] value {Value} is outside TimeSpan's range");
        return new TimeSpan(ticks);
    }

    /// <summary>The duration in this unit, rounded down.</summary>
    /// <exception cref="InvalidOperationException">Years and months (no fixed length).</exception>
    /// <exception cref="OverflowException">Not representable in this unit.</exception>
    public static Timedelta64<TUnit> FromTimeSpan(TimeSpan span)
    {
        if (TUnit.MonthsPerUnit > 0) throw NoFixedLength();
        return new(TimeMath.FromTicks<TUnit>(span.Ticks, "timedelta64"));
    }

    private static InvalidOperationException NoFixedLength() =>
        new($"timedelta64[{TUnit.Code}] has no fixed length (a {(TUnit.MonthsPerUnit == 12 ? "year" : "month")} varies), so no TimeSpan");

    public static Timedelta64<TUnit> operator +(Timedelta64<TUnit> a, Timedelta64<TUnit> b) =>
        a.IsNaT || b.IsNaT ? NaT : new(unchecked(a.Value + b.Value));
    public static Timedelta64<TUnit> operator -(Timedelta64<TUnit> a, Timedelta64<TUnit> b) =>
        a.IsNaT || b.IsNaT ? NaT : new(unchecked(a.Value - b.Value));
    public static Timedelta64<TUnit> operator -(Timedelta64<TUnit> a) => a.IsNaT ? NaT : new(-a.Value);
    public static Timedelta64<TUnit> operator *(Timedelta64<TUnit> a, long k) => a.IsNaT ? NaT : new(unchecked(a.Value * k));
    public static Timedelta64<TUnit> operator *(long k, Timedelta64<TUnit> a) => a * k;
    /// <summary>The ratio of two durations (NaN if either is NaT), as numpy's timedelta / timedelta.</summary>
    public static double operator /(Timedelta64<TUnit> a, Timedelta64<TUnit> b) =>
        a.IsNaT || b.IsNaT ? double.NaN : (double)a.Value / b.Value;

    public static bool operator ==(Timedelta64<TUnit> a, Timedelta64<TUnit> b) => !a.IsNaT && a.Value == b.Value;
    public static bool operator !=(Timedelta64<TUnit> a, Timedelta64<TUnit> b) => !(a == b);
    public static bool operator <(Timedelta64<TUnit> a, Timedelta64<TUnit> b) => !a.IsNaT && !b.IsNaT && a.Value < b.Value;
    public static bool operator >(Timedelta64<TUnit> a, Timedelta64<TUnit> b) => !a.IsNaT && !b.IsNaT && a.Value > b.Value;
    public static bool operator <=(Timedelta64<TUnit> a, Timedelta64<TUnit> b) => !a.IsNaT && !b.IsNaT && a.Value <= b.Value;
    public static bool operator >=(Timedelta64<TUnit> a, Timedelta64<TUnit> b) => !a.IsNaT && !b.IsNaT && a.Value >= b.Value;

    public bool Equals(Timedelta64<TUnit> other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is Timedelta64<TUnit> other && Equals(other);
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Orders NaT last, as numpy.sort does.</summary>
    public int CompareTo(Timedelta64<TUnit> other) => TimeMath.CompareNaTLast(Value, other.Value);

    public override string ToString() => IsNaT ? $"numpy.timedelta64('NaT', '{TUnit.Code}')" : $"numpy.timedelta64({Value}, '{TUnit.Code}')";
}

internal static class TimeMath
{
    internal static long FloorDiv(long a, long b)
    {
        long q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

    /// <summary>Units of a fixed-length unit to .NET ticks (finer units rounded down); false on overflow.</summary>
    internal static bool TryToTicks<TUnit>(long value, out long ticks) where TUnit : struct, ITimeUnit
    {
        if (TUnit.UnitsPerTick > 0)
        {
            ticks = FloorDiv(value, TUnit.UnitsPerTick);
            return true;
        }
        long per = TUnit.TicksPerUnit;
        ticks = unchecked(value * per);
        return value == 0 || (ticks / per == value && (ticks < 0) == (value < 0));
    }

    /// <summary>.NET ticks to units (rounded down); OverflowException when it does not fit.</summary>
    internal static long FromTicks<TUnit>(long ticks, string kind) where TUnit : struct, ITimeUnit
    {
        if (TUnit.TicksPerUnit > 0) return FloorDiv(ticks, TUnit.TicksPerUnit);
        long units = unchecked(ticks * TUnit.UnitsPerTick);
        if (ticks != 0 && (units / TUnit.UnitsPerTick != ticks || units == long.MinValue))
            throw new OverflowException($"{ticks} ticks do not fit a {kind}[{TUnit.Code}]");
        return units;
    }

    internal static int CompareNaTLast(long a, long b)
    {
        bool an = a == long.MinValue, bn = b == long.MinValue;
        if (an || bn) return an == bn ? 0 : an ? 1 : -1;
        return a.CompareTo(b);
    }
}
