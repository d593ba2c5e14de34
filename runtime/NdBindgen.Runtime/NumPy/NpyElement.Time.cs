using System.Runtime.CompilerServices;
using NdBindgen.Interop;
using NdBindgen.TimeUnits;
using static NdBindgen.Interop.CPython;

namespace NdBindgen.NumPy;

// The element types whose dtype is more than a type number: datetime64 and timedelta64, whose unit
// is in the descriptor's metadata. One typeof row per (kind, unit): each folds to a constant for a
// value-type T, so nothing here runs for the other element types.
internal static unsafe partial class NpyElement<T>
{
    /// <summary>numpy's unit of a Datetime64 (0..13) or a Timedelta64 (16 + unit), else -1.</summary>
    private static int Time
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(Datetime64<Years>) ? 0 :
        typeof(T) == typeof(Datetime64<Months>) ? 1 :
        typeof(T) == typeof(Datetime64<Weeks>) ? 2 :
        typeof(T) == typeof(Datetime64<Days>) ? 4 :
        typeof(T) == typeof(Datetime64<Hours>) ? 5 :
        typeof(T) == typeof(Datetime64<Minutes>) ? 6 :
        typeof(T) == typeof(Datetime64<Seconds>) ? 7 :
        typeof(T) == typeof(Datetime64<Milliseconds>) ? 8 :
        typeof(T) == typeof(Datetime64<Microseconds>) ? 9 :
        typeof(T) == typeof(Datetime64<Nanoseconds>) ? 10 :
        typeof(T) == typeof(Datetime64<Picoseconds>) ? 11 :
        typeof(T) == typeof(Datetime64<Femtoseconds>) ? 12 :
        typeof(T) == typeof(Datetime64<Attoseconds>) ? 13 :
        typeof(T) == typeof(Timedelta64<Years>) ? 16 + 0 :
        typeof(T) == typeof(Timedelta64<Months>) ? 16 + 1 :
        typeof(T) == typeof(Timedelta64<Weeks>) ? 16 + 2 :
        typeof(T) == typeof(Timedelta64<Days>) ? 16 + 4 :
        typeof(T) == typeof(Timedelta64<Hours>) ? 16 + 5 :
        typeof(T) == typeof(Timedelta64<Minutes>) ? 16 + 6 :
        typeof(T) == typeof(Timedelta64<Seconds>) ? 16 + 7 :
        typeof(T) == typeof(Timedelta64<Milliseconds>) ? 16 + 8 :
        typeof(T) == typeof(Timedelta64<Microseconds>) ? 16 + 9 :
        typeof(T) == typeof(Timedelta64<Nanoseconds>) ? 16 + 10 :
        typeof(T) == typeof(Timedelta64<Picoseconds>) ? 16 + 11 :
        typeof(T) == typeof(Timedelta64<Femtoseconds>) ? 16 + 12 :
        typeof(T) == typeof(Timedelta64<Attoseconds>) ? 16 + 13 :
        -1;
    }

    /// <summary>The type number of a datetime64/timedelta64 element type, else -1.</summary>
    private static int TimeTypeNum => Time < 0 ? -1 : Time >= 16 ? Npy.NPY_TIMEDELTA : Npy.NPY_DATETIME;

    /// <summary>numpy's NPY_DATETIMEUNIT of a datetime64/timedelta64 element type, else -1.</summary>
    internal static int TimeUnit => Time < 0 ? -1 : Time & 15;

    /// <summary>"datetime64[ns]" and the like, as str(dtype) prints it; null for other element types.</summary>
    private static string? TimeName => Time < 0 ? null : (Time >= 16 ? "timedelta64[" : "datetime64[") + NpyTime.UnitCode(TimeUnit) + "]";

    /// <summary>
    /// Whether <paramref name="descr"/> is T's dtype (callers check the byte order themselves): the type number, and for datetime64/timedelta64 the unit
    /// (with a multiplier of 1: numpy's datetime64[10ns] is not a Datetime64&lt;Nanoseconds&gt;).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool MatchesDescr(PyArray_Descr* descr) =>
        MatchesTypeNum(descr->type_num) && (Time < 0 || NpyTime.HasUnit(descr, TimeUnit));

    private static PyArray_Descr* s_timeDescr;   // an owned reference, kept for the process (under the GIL)

    /// <summary>A new reference to T's descriptor, unit included: what a new array of T is made with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static PyArray_Descr* NewDescr(NumPyApiTable* api) =>
        Time < 0 ? NewBuiltinDescr(api) : NewTimeDescr(api);   // folds to one branch per T

    private static PyArray_Descr* s_builtinDescr;   // T's built-in descriptor (numpy's, static), one reference kept (under the GIL)

    /// <summary>
    /// A new reference to the built-in descriptor, asked of numpy once: the descriptors of the built-in
    /// types are numpy's static objects, so the one asked for first stays T's. An incref instead of a call
    /// into numpy on every new array.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyArray_Descr* NewBuiltinDescr(NumPyApiTable* api)
    {
        PyArray_Descr* descr = s_builtinDescr;
        if (descr == null)
        {
            descr = api->PyArray_DescrFromType(TypeNum);
            if (descr == null) return null;
            s_builtinDescr = descr;   // the reference numpy gave: the cache's
        }
        Py_INCREF((PyObject*)descr);
        return descr;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PyArray_Descr* NewTimeDescr(NumPyApiTable* api)
    {
        if (s_timeDescr == null) s_timeDescr = NpyTime.DescrFromName(api, TimeTypeNum == Npy.NPY_DATETIME ? "M8" : "m8", TimeUnit);
        if (s_timeDescr != null) Py_INCREF((PyObject*)s_timeDescr);
        return s_timeDescr;
    }
}

/// <summary>The unit of a datetime64/timedelta64 descriptor, read as numpy's own C code reads it.</summary>
internal static unsafe class NpyTime
{
    private static readonly string[] s_codes = ["Y", "M", "W", "B", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "generic"];

    internal static string UnitCode(int unit) => unit >= 0 && unit < s_codes.Length ? s_codes[unit] : unit.ToString();

    /// <summary>
    /// Whether a datetime64/timedelta64 descriptor has unit <paramref name="unit"/> with multiplier 1.
    /// The unit is in the descriptor's <c>c_metadata</c> (a <c>PyArray_DatetimeDTypeMetaData</c>),
    /// which numpy 2 moved to the legacy descriptor's tail.
    /// </summary>
    internal static bool HasUnit(PyArray_Descr* descr, int unit)
    {
        var meta = (PyArray_DatetimeDTypeMetaData*)CMetadata(descr, NumPyRuntime.DescrLayout);
        return meta != null && meta->unit == unit && meta->num == 1;
    }

    internal static void* CMetadata(PyArray_Descr* descr, NpyDescrLayout layout) =>
        layout == NpyDescrLayout.NumPy2 ? ((_PyArray_LegacyDescrNumPy2*)descr)->c_metadata : ((PyArray_DescrProto*)descr)->c_metadata;

    /// <summary>numpy's descriptor for "M8[ns]" and the like (a new reference), through PyArray_DescrConverter.</summary>
    internal static PyArray_Descr* DescrFromName(NumPyApiTable* api, string kind, int unit)
    {
        PyObject* name = Core.Utf8.NewStr(kind + "[" + UnitCode(unit) + "]");
        PyArray_Descr* descr = null;
        int ok = api->PyArray_DescrConverter(name, &descr);
        Py_DECREF(name);
        if (ok == 0 || descr == null) throw PythonException.Fetch();
        return descr;
    }
}
