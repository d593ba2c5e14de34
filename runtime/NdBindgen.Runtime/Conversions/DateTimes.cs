using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NdBindgen.Core;
using NdBindgen.Binding;
using NdBindgen.Interop;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.Conversions;

/// <summary>
/// <c>DateTime</c>, <c>DateTimeOffset</c>, <c>DateOnly</c>, <c>TimeOnly</c>, <c>TimeSpan</c> &lt;-&gt;
/// <c>datetime.datetime</c>, <c>date</c>, <c>time</c>, <c>timedelta</c>, through CPython's datetime C
/// API (the "datetime.datetime_CAPI" capsule) and the object layouts of Include/datetime.h, which are
/// the same in CPython 3.9-3.13 (as is the capsule's member order). The rules (docs/guide.md):
/// <list type="bullet">
/// <item>DateTime out: Kind Utc -> aware, tzinfo datetime.timezone.utc; Unspecified -> naive; Local ->
/// aware with the fixed offset the local zone has at that time. In: naive -> Kind Unspecified; aware ->
/// converted to UTC (its utcoffset(), so fold counts), Kind Utc.</item>
/// <item>DateTimeOffset &lt;-&gt; aware datetime with a fixed-offset timezone; a naive datetime is a
/// ValueError; an offset that is not whole minutes is a ValueError, one beyond +-14 h an OverflowError
/// (.NET's limits).</item>
/// <item>.NET -> Python drops the ticks below a microsecond (truncation toward zero); Python -> .NET is
/// exact. A value beyond .NET's range (a timedelta beyond +-10675199 days, an aware datetime whose UTC
/// time is before year 1 or after 9999) is an OverflowError.</item>
/// <item>DateOnly takes a date, not a datetime (TypeError: pass d.date()); TimeOnly takes a naive time.</item>
/// </list>
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class DateTimes
{
    private static PyDateTime_CAPI* s_api;

    /// <summary>The datetime C API, imported on first use (the capsule lives as long as the datetime module).</summary>
    internal static PyDateTime_CAPI* Api
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => s_api != null ? s_api : Import();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyDateTime_CAPI* Import()
    {
        var api = (PyDateTime_CAPI*)PyCapsule_Import(Utf8.Z("datetime.datetime_CAPI"u8), 0);
        if (api == null) throw PythonException.Fetch();
        s_api = api;
        return api;
    }

    private static bool IsInstance(PyObject* o, PyTypeObject* type) =>
        Py_TYPE(o) == type || PyType_IsSubtype(Py_TYPE(o), type) != 0;

    // ---- DateTime

    public static DateTime ToDateTime(PyObject* o, PySignature sig, int index)
    {
        PyDateTime_CAPI* api = Api;
        if (!IsInstance(o, api->DateTimeType)) throw sig.WrongType(index, "datetime.datetime", o);
        DateTime local = Fields((PyDateTime_DateTime*)o);
        if (((PyDateTime_DateTime*)o)->hastzinfo == 0) return local;   // naive: no call
        return ToUtc(local, o, sig, index);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DateTime ToUtc(DateTime local, PyObject* o, PySignature sig, int index)
    {
        if (UtcOffset(o, sig, index) is not { } offset) return local;
        long ticks = local.Ticks - offset.Ticks;
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks) throw OutOfUtcRange(sig, index, o);
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    public static PyObject* FromDateTime(DateTime value)
    {
        PyDateTime_CAPI* api = Api;
        switch (value.Kind)
        {
            case DateTimeKind.Utc:
                return NewDateTime(api, value, api->TimeZone_UTC);
            case DateTimeKind.Local:
                return FromDateTimeOffset(new DateTimeOffset(value));
            default:
                return NewDateTime(api, value, Builtins.None);
        }
    }

    // ---- DateTimeOffset

    public static DateTimeOffset ToDateTimeOffset(PyObject* o, PySignature sig, int index)
    {
        PyDateTime_CAPI* api = Api;
        if (!IsInstance(o, api->DateTimeType)) throw sig.WrongType(index, "datetime.datetime", o);
        DateTime local = Fields((PyDateTime_DateTime*)o);
        if (UtcOffset(o, sig, index) is not { } offset)
            throw new PythonException(Builtins.ValueError, $"{sig.ArgumentPrefix(index)} must be an aware datetime "
                + "(with a tzinfo) for DateTimeOffset, not a naive one; e.g. d.replace(tzinfo=datetime.timezone.utc)");
        if (offset.Ticks % TimeSpan.TicksPerMinute != 0)
            throw new PythonException(Builtins.ValueError,
                $"{sig.ArgumentPrefix(index)} has a UTC offset of {offset}, not whole minutes, which DateTimeOffset cannot hold");
        if (offset.Duration() > TimeSpan.FromHours(14))
            throw new PythonException(Builtins.OverflowError,
                $"{sig.ArgumentPrefix(index)} has a UTC offset of {offset}, beyond DateTimeOffset's -14:00 to +14:00");
        long utc = local.Ticks - offset.Ticks;
        if (utc < 0 || utc > DateTime.MaxValue.Ticks) throw OutOfUtcRange(sig, index, o);
        return new DateTimeOffset(local, offset);
    }

    public static PyObject* FromDateTimeOffset(DateTimeOffset value)
    {
        PyDateTime_CAPI* api = Api;
        if (value.Offset == TimeSpan.Zero) return NewDateTime(api, value.DateTime, api->TimeZone_UTC);
        PyObject* delta = FromTimeSpan(value.Offset);
        PyObject* zone = api->TimeZone_FromTimeZone(delta, null);
        Py_DECREF(delta);
        if (zone == null) throw PythonException.Fetch();
        try
        {
            return NewDateTime(api, value.DateTime, zone);
        }
        finally
        {
            Py_DECREF(zone);
        }
    }

    // ---- DateOnly, TimeOnly

    public static DateOnly ToDateOnly(PyObject* o, PySignature sig, int index)
    {
        PyDateTime_CAPI* api = Api;
        if (!IsInstance(o, api->DateType)) throw sig.WrongType(index, "datetime.date", o);
        if (IsInstance(o, api->DateTimeType))
            throw new PythonException(Builtins.TypeError,
                $"{sig.ArgumentPrefix(index)} must be datetime.date, not datetime.datetime (pass its .date())");
        var d = (PyDateTime_Date*)o;
        return new DateOnly(d->data0 << 8 | d->data1, d->data2, d->data3);
    }

    public static PyObject* FromDateOnly(DateOnly value)
    {
        PyDateTime_CAPI* api = Api;
        return Check(api->Date_FromDate(value.Year, value.Month, value.Day, api->DateType));
    }

    public static TimeOnly ToTimeOnly(PyObject* o, PySignature sig, int index)
    {
        PyDateTime_CAPI* api = Api;
        if (!IsInstance(o, api->TimeType)) throw sig.WrongType(index, "datetime.time", o);
        var t = (PyDateTime_Time*)o;
        if (t->hastzinfo != 0 && t->tzinfo != Builtins.None)
            throw new PythonException(Builtins.ValueError,
                $"{sig.ArgumentPrefix(index)} must be a naive time for TimeOnly, not one with a tzinfo");
        int us = t->data3 << 16 | t->data4 << 8 | t->data5;
        return new TimeOnly(new TimeSpan(0, t->data0, t->data1, t->data2).Ticks + us * 10L);
    }

    public static PyObject* FromTimeOnly(TimeOnly value)
    {
        PyDateTime_CAPI* api = Api;
        int us = (int)(value.Ticks % TimeSpan.TicksPerSecond / 10);
        return Check(api->Time_FromTime(value.Hour, value.Minute, value.Second, us, Builtins.None, api->TimeType));
    }

    // ---- TimeSpan

    public static TimeSpan ToTimeSpan(PyObject* o, PySignature sig, int index)
    {
        PyDateTime_CAPI* api = Api;
        if (!IsInstance(o, api->DeltaType)) throw sig.WrongType(index, "datetime.timedelta", o);
        return DeltaTicks((PyDateTime_Delta*)o) is { } ticks ? new TimeSpan(ticks)
            : throw new PythonException(Builtins.OverflowError, $"{sig.ArgumentPrefix(index)} = {Text(o)} is out of "
                + "range for TimeSpan (-10675199.02:48:05.4775808 to 10675199.02:48:05.4775807, about 29,227 years)");
    }

    /// <summary>A timedelta's ticks, or null beyond TimeSpan's range.</summary>
    private static long? DeltaTicks(PyDateTime_Delta* d)
    {
        Int128 ticks = (Int128)d->days * TimeSpan.TicksPerDay + (Int128)d->seconds * TimeSpan.TicksPerSecond
            + (Int128)d->microseconds * 10;
        return ticks < long.MinValue || ticks > long.MaxValue ? null : (long)ticks;
    }

    public static PyObject* FromTimeSpan(TimeSpan value)
    {
        PyDateTime_CAPI* api = Api;
        long us = value.Ticks / 10;   // toward zero
        const long perDay = 86_400_000_000L;
        int days = (int)(us / perDay);
        long rest = us % perDay;
        return Check(api->Delta_FromDelta(days, (int)(rest / 1_000_000), (int)(rest % 1_000_000), 1, api->DeltaType));
    }

    // ---- shared

    /// <summary>A datetime's fields as a DateTime of Kind Unspecified (fold has no place in it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DateTime Fields(PyDateTime_DateTime* d)
    {
        // One ticks computation (CPython has validated the fields): the day number, then the time of day.
        long days = DayNumber(d->data0 << 8 | d->data1, d->data2, d->data3);
        long seconds = (d->data4 * 60L + d->data5) * 60 + d->data6;
        int us = d->data7 << 16 | d->data8 << 8 | d->data9;
        return new DateTime(days * TimeSpan.TicksPerDay + seconds * TimeSpan.TicksPerSecond + us * 10L);
    }

    /// <summary>utcoffset() of an aware datetime, or null for a naive one (no tzinfo, or utcoffset() None).</summary>
    private static TimeSpan? UtcOffset(PyObject* o, PySignature sig, int index)
    {
        var d = (PyDateTime_DateTime*)o;
        if (d->hastzinfo == 0 || d->tzinfo == Builtins.None) return null;
        StackGuard.Check();   // a tzinfo's utcoffset() may call the module again
        PyObject* method = PyObject_GetAttrString(o, Utf8.Z("utcoffset"u8));
        if (method == null) throw sig.ConversionError(index);
        PyObject* delta = StackGuard.Call(method, null, 0, null);
        Py_DECREF(method);
        if (delta == null) throw sig.ConversionError(index);
        try
        {
            if (delta == Builtins.None) return null;
            if (!IsInstance(delta, Api->DeltaType))
                throw new PythonException(Builtins.TypeError,
                    $"{sig.ArgumentPrefix(index)}: its tzinfo's utcoffset() returned {PyFormat.TypeName(delta)}, not timedelta");
            return new TimeSpan(DeltaTicks((PyDateTime_Delta*)delta)!.Value);   // CPython keeps it within a day
        }
        finally
        {
            Py_DECREF(delta);
        }
    }

    // Days from 0001-01-01, for fields CPython has validated (years 1-9999): Howard Hinnant's days_from_civil,
    // some twenty instructions, where DateTime's constructor validates and recomputes (the datetime round trip
    // is a benchmark row). The way back is DateTime.Deconstruct.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long DayNumber(int year, int month, int day)
    {
        // Unsigned: a division by a constant is then a multiply and a shift, with no sign fix-up.
        uint y = (uint)(month <= 2 ? year - 1 : year);      // the year, counted from March; year >= 1
        uint era = y / 400;
        uint yearOfEra = y - era * 400;
        uint dayOfYear = (153 * (uint)(month > 2 ? month - 3 : month + 9) + 2) / 5 + (uint)day - 1;
        uint dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097L + dayOfEra - 306;              // 0000-03-01 is day -306 of 0001-01-01
    }

    private static PythonException OutOfUtcRange(PySignature sig, int index, PyObject* o) =>
        new(Builtins.OverflowError, $"{sig.ArgumentPrefix(index)} = {Text(o)} is out of range in UTC (years 1 to 9999)");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject* NewDateTime(PyDateTime_CAPI* api, DateTime v, PyObject* tzinfo)
    {
        // The date in one computation (Year, Month and Day would each redo it: Deconstruct is .NET's
        // division-free calendar arithmetic), the time by division.
        v.Deconstruct(out int year, out int month, out int day);
        // Unsigned (ticks are never negative): each division by a constant is a multiply and a shift.
        ulong ticks = (ulong)v.Ticks;
        ulong totalSeconds = ticks / TimeSpan.TicksPerSecond;
        uint us = (uint)(ticks - totalSeconds * TimeSpan.TicksPerSecond) / 10;   // ticks below a microsecond dropped
        uint second = (uint)(totalSeconds % 86400);
        uint hour = second / 3600;
        second -= hour * 3600;
        uint minute = second / 60;
        second -= minute * 60;
        return Check(api->DateTime_FromDateAndTime(year, month, day, (int)hour, (int)minute, (int)second, (int)us,
            tzinfo, api->DateTimeType));
    }

    private static string Text(PyObject* o)
    {
        PyObject* s = PyObject_Str(o);
        if (s == null)
        {
            PyErr_Clear();
            return "?";
        }
        string text = Utf8.FromStr(s) ?? "?";
        Py_DECREF(s);
        return text;
    }

    private static PyObject* Check(PyObject* o)
    {
        if (o == null) throw PythonException.Fetch();
        return o;
    }
}

/// <summary>PyDateTime_CAPI (Include/datetime.h; this member order since 3.7, unchanged to 3.13).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyDateTime_CAPI
{
    // The four constructors are leaves (see Interop/CPython.Number.cs), called without a GC transition: given
    // the exact types and the values a .NET DateTime/TimeSpan can hold (never out of datetime's range), they
    // allocate an object Python's GC does not track, touch tzinfo's count, and run no Python code.
    public PyTypeObject* DateType;
    public PyTypeObject* DateTimeType;
    public PyTypeObject* TimeType;
    public PyTypeObject* DeltaType;
    public PyTypeObject* TZInfoType;
    public PyObject* TimeZone_UTC;
    public delegate* unmanaged[SuppressGCTransition]<int, int, int, PyTypeObject*, PyObject*> Date_FromDate;
    public delegate* unmanaged[SuppressGCTransition]<int, int, int, int, int, int, int, PyObject*, PyTypeObject*, PyObject*> DateTime_FromDateAndTime;
    public delegate* unmanaged[SuppressGCTransition]<int, int, int, int, PyObject*, PyTypeObject*, PyObject*> Time_FromTime;
    public delegate* unmanaged[SuppressGCTransition]<int, int, int, int, PyTypeObject*, PyObject*> Delta_FromDelta;
    public delegate* unmanaged<PyObject*, PyObject*, PyObject*> TimeZone_FromTimeZone;
    public void* DateTime_FromTimestamp;
    public void* Date_FromTimestamp;
    public void* DateTime_FromDateAndTimeAndFold;
    public void* Time_FromTimeAndFold;
}

/// <summary>PyDateTime_Delta.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyDateTime_Delta
{
    public PyObject ob_base;
    public nint hashcode;
    public int days, seconds, microseconds;
}

/// <summary>PyDateTime_Date: year (big-endian, 2 bytes), month, day.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyDateTime_Date
{
    public PyObject ob_base;
    public nint hashcode;
    public byte hastzinfo;
    public byte data0, data1, data2, data3;
}

/// <summary>PyDateTime_DateTime: year (2), month, day, hour, minute, second, microsecond (3, big-endian), fold, tzinfo if hastzinfo.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyDateTime_DateTime
{
    public PyObject ob_base;
    public nint hashcode;
    public byte hastzinfo;
    public byte data0, data1, data2, data3, data4, data5, data6, data7, data8, data9;
    public byte fold;
    public PyObject* tzinfo;
}

/// <summary>PyDateTime_Time: hour, minute, second, microsecond (3, big-endian), fold, tzinfo if hastzinfo.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyDateTime_Time
{
    public PyObject ob_base;
    public nint hashcode;
    public byte hastzinfo;
    public byte data0, data1, data2, data3, data4, data5;
    public byte fold;
    public PyObject* tzinfo;
}
