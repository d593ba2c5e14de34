namespace NdBindgen.TimeUnits;

/// <summary>
/// The unit of a <see cref="Datetime64{TUnit}"/> or <see cref="Timedelta64{TUnit}"/>: one of numpy's
/// datetime units (numpy's <c>NPY_DATETIMEUNIT</c>). Static members, so the unit is part of the C#
/// type and costs nothing at run time. Only the structs in this namespace implement it.
/// </summary>
public interface ITimeUnit
{
    /// <summary>numpy's unit code as <c>dtype.str</c> shows it: "ns", "s", "D", ...</summary>
    static abstract string Code { get; }

    /// <summary>numpy's <c>NPY_DATETIMEUNIT</c> number (NPY_FR_Y = 0 ... NPY_FR_as = 13; 3 is unused).</summary>
    static abstract int NpyUnit { get; }

    /// <summary>.NET ticks (100 ns) in one unit, for units of a tick or longer; 0 otherwise.</summary>
    static abstract long TicksPerUnit { get; }

    /// <summary>Units in one .NET tick, for units shorter than a tick; 0 otherwise.</summary>
    static abstract long UnitsPerTick { get; }

    /// <summary>Months in one unit for the calendar units (years: 12, months: 1); 0 for the others.</summary>
    static abstract int MonthsPerUnit { get; }
}

/// <summary>numpy's <c>Y</c>: calendar years (a datetime64[Y] counts years from 1970).</summary>
public readonly struct Years : ITimeUnit
{
    public static string Code => "Y";
    public static int NpyUnit => 0;
    public static long TicksPerUnit => 0;
    public static long UnitsPerTick => 0;
    public static int MonthsPerUnit => 12;
}

/// <summary>numpy's <c>M</c>: calendar months (a datetime64[M] counts months from January 1970).</summary>
public readonly struct Months : ITimeUnit
{
    public static string Code => "M";
    public static int NpyUnit => 1;
    public static long TicksPerUnit => 0;
    public static long UnitsPerTick => 0;
    public static int MonthsPerUnit => 1;
}

/// <summary>numpy's <c>W</c>: weeks of 7 days (a datetime64[W] counts from Thursday 1970-01-01).</summary>
public readonly struct Weeks : ITimeUnit
{
    public static string Code => "W";
    public static int NpyUnit => 2;
    public static long TicksPerUnit => 7 * TimeSpanTicks.Day;
    public static long UnitsPerTick => 0;
    public static int MonthsPerUnit => 0;
}

/// <summary>numpy's <c>D</c>: days.</summary>
public readonly struct Days : ITimeUnit
{
    public static string Code => "D";
    public static int NpyUnit => 4;
    public static long TicksPerUnit => TimeSpanTicks.Day;
    public static long UnitsPerTick => 0;
    public static int MonthsPerUnit => 0;
}

/// <summary>numpy's <c>h</c>: hours.</summary>
public readonly struct Hours : ITimeUnit
{
    public static string Code => "h";
    public static int NpyUnit => 5;
    public static long TicksPerUnit => 3600 * TimeSpanTicks.Second;
    public static long UnitsPerTick => 0;
    public static int MonthsPerUnit => 0;
}

/// <summary>numpy's <c>m</c>: minutes.</summary>
public readonly struct Minutes : ITimeUnit
{
    public static string Code => "m";
    public static int NpyUnit => 6;
    public static long TicksPerUnit => 60 * TimeSpanTicks.Second;
    public static long UnitsPerTick => 0;
    public static int MonthsPerUnit => 0;
}

/// <summary>numpy's <c>s</c>: seconds.</summary>
public readonly struct Seconds : ITimeUnit
{
    public static string Code => "s";
    public static int NpyUnit => 7;
    public static long TicksPerUnit => TimeSpanTicks.Second;
    public static long UnitsPerTick => 0;
    public static int MonthsPerUnit => 0;
}

/// <summary>numpy's <c>ms</c>: milliseconds.</summary>
public readonly struct Milliseconds : ITimeUnit
{
    public static string Code => "ms";
    public static int NpyUnit => 8;
    public static long TicksPerUnit => 10_000;
    public static long UnitsPerTick => 0;
    public static int MonthsPerUnit => 0;
}

/// <summary>numpy's <c>us</c>: microseconds.</summary>
public readonly struct Microseconds : ITimeUnit
{
    public static string Code => "us";
    public static int NpyUnit => 9;
    public static long TicksPerUnit => 10;
    public static long UnitsPerTick => 0;
    public static int MonthsPerUnit => 0;
}

/// <summary>numpy's <c>ns</c>: nanoseconds (pandas' unit).</summary>
public readonly struct Nanoseconds : ITimeUnit
{
    public static string Code => "ns";
    public static int NpyUnit => 10;
    public static long TicksPerUnit => 0;
    public static long UnitsPerTick => 100;
    public static int MonthsPerUnit => 0;
}

/// <summary>numpy's <c>ps</c>: picoseconds.</summary>
public readonly struct Picoseconds : ITimeUnit
{
    public static string Code => "ps";
    public static int NpyUnit => 11;
    public static long TicksPerUnit => 0;
    public static long UnitsPerTick => 100_000;
    public static int MonthsPerUnit => 0;
}

/// <summary>numpy's <c>fs</c>: femtoseconds.</summary>
public readonly struct Femtoseconds : ITimeUnit
{
    public static string Code => "fs";
    public static int NpyUnit => 12;
    public static long TicksPerUnit => 0;
    public static long UnitsPerTick => 100_000_000;
    public static int MonthsPerUnit => 0;
}

/// <summary>numpy's <c>as</c>: attoseconds.</summary>
public readonly struct Attoseconds : ITimeUnit
{
    public static string Code => "as";
    public static int NpyUnit => 13;
    public static long TicksPerUnit => 0;
    public static long UnitsPerTick => 100_000_000_000;
    public static int MonthsPerUnit => 0;
}

internal static class TimeSpanTicks
{
    public const long Second = 10_000_000;
    public const long Day = 86_400 * Second;
}
