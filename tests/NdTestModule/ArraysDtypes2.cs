using System;
using NdBindgen;
using NdBindgen.TimeUnits;

namespace NdTestModule;

/// <summary>
/// The element types of issue 20 item 5: complex64 (Complex32), datetime64 and timedelta64 with the
/// unit in the C# type (Datetime64&lt;TUnit&gt;, Timedelta64&lt;TUnit&gt;), and object arrays
/// (NdObjectView, NdObjectViewMut, NdObjectArray).
/// </summary>
public static class ArraysDtypes2
{
    private static NdArray<T> Copy<T>(NdView<T> arr) where T : unmanaged
    {
        var result = NdArray<T>.Uninitialized(arr.Shape);
        arr.CopyTo(result.AsSpan());
        return result;
    }

    // ---- complex64 ----

    /// <summary>A C-ordered copy of <paramref name="arr"/>.</summary>
    [PyFunction] public static NdArray<Complex32> CopyComplex64(NdView<Complex32> arr) => Copy(arr);

    /// <summary>Replaces every element of <paramref name="arr"/> by its complex conjugate.</summary>
    [PyFunction]
    public static void ConjugateComplex64(NdViewMut<Complex32> arr)
    {
        foreach (ref Complex32 z in arr) z = Complex32.Conjugate(z);
    }

    /// <summary>Each element of <paramref name="arr"/> times <paramref name="k"/>, in single precision.</summary>
    [PyFunction]
    public static NdArray<Complex32> ScaleComplex64(NdView<Complex32> arr, Complex32 k)
    {
        var result = NdArray<Complex32>.Uninitialized(arr.Shape);
        int i = 0;
        Span<Complex32> to = result.AsSpan();
        foreach (Complex32 z in arr) to[i++] = z * k;
        return result;
    }

    /// <summary>The complex64 scalar back (each part rounded to float).</summary>
    [PyFunction] public static Complex32 EchoComplex32(Complex32 x) => x;

    // ---- datetime64 / timedelta64: a copy for each unit ----

    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[Y]).</summary>
    [PyFunction] public static NdArray<Datetime64<Years>> CopyDatetimeYears(NdView<Datetime64<Years>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[M]).</summary>
    [PyFunction] public static NdArray<Datetime64<Months>> CopyDatetimeMonths(NdView<Datetime64<Months>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[W]).</summary>
    [PyFunction] public static NdArray<Datetime64<Weeks>> CopyDatetimeWeeks(NdView<Datetime64<Weeks>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[D]).</summary>
    [PyFunction] public static NdArray<Datetime64<Days>> CopyDatetimeDays(NdView<Datetime64<Days>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[h]).</summary>
    [PyFunction] public static NdArray<Datetime64<Hours>> CopyDatetimeHours(NdView<Datetime64<Hours>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[m]).</summary>
    [PyFunction] public static NdArray<Datetime64<Minutes>> CopyDatetimeMinutes(NdView<Datetime64<Minutes>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[s]).</summary>
    [PyFunction] public static NdArray<Datetime64<Seconds>> CopyDatetimeSeconds(NdView<Datetime64<Seconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[ms]).</summary>
    [PyFunction] public static NdArray<Datetime64<Milliseconds>> CopyDatetimeMilliseconds(NdView<Datetime64<Milliseconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[us]).</summary>
    [PyFunction] public static NdArray<Datetime64<Microseconds>> CopyDatetimeMicroseconds(NdView<Datetime64<Microseconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[ns]).</summary>
    [PyFunction] public static NdArray<Datetime64<Nanoseconds>> CopyDatetimeNanoseconds(NdView<Datetime64<Nanoseconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[ps]).</summary>
    [PyFunction] public static NdArray<Datetime64<Picoseconds>> CopyDatetimePicoseconds(NdView<Datetime64<Picoseconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[fs]).</summary>
    [PyFunction] public static NdArray<Datetime64<Femtoseconds>> CopyDatetimeFemtoseconds(NdView<Datetime64<Femtoseconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (datetime64[as]).</summary>
    [PyFunction] public static NdArray<Datetime64<Attoseconds>> CopyDatetimeAttoseconds(NdView<Datetime64<Attoseconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[Y]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Years>> CopyTimedeltaYears(NdView<Timedelta64<Years>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[M]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Months>> CopyTimedeltaMonths(NdView<Timedelta64<Months>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[W]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Weeks>> CopyTimedeltaWeeks(NdView<Timedelta64<Weeks>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[D]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Days>> CopyTimedeltaDays(NdView<Timedelta64<Days>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[h]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Hours>> CopyTimedeltaHours(NdView<Timedelta64<Hours>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[m]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Minutes>> CopyTimedeltaMinutes(NdView<Timedelta64<Minutes>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[s]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Seconds>> CopyTimedeltaSeconds(NdView<Timedelta64<Seconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[ms]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Milliseconds>> CopyTimedeltaMilliseconds(NdView<Timedelta64<Milliseconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[us]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Microseconds>> CopyTimedeltaMicroseconds(NdView<Timedelta64<Microseconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[ns]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Nanoseconds>> CopyTimedeltaNanoseconds(NdView<Timedelta64<Nanoseconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[ps]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Picoseconds>> CopyTimedeltaPicoseconds(NdView<Timedelta64<Picoseconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[fs]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Femtoseconds>> CopyTimedeltaFemtoseconds(NdView<Timedelta64<Femtoseconds>> arr) => Copy(arr);
    /// <summary>A C-ordered copy of <paramref name="arr"/> (timedelta64[as]).</summary>
    [PyFunction] public static NdArray<Timedelta64<Attoseconds>> CopyTimedeltaAttoseconds(NdView<Timedelta64<Attoseconds>> arr) => Copy(arr);

    /// <summary>The differences of neighbouring times (NaT where either is NaT).</summary>
    [PyFunction]
    public static NdArray<Timedelta64<Nanoseconds>> DatetimeDiffs([Ndim(1)] NdView<Datetime64<Nanoseconds>> times)
    {
        var result = NdArray<Timedelta64<Nanoseconds>>.Uninitialized(Math.Max(0, times.Length - 1));
        Span<Timedelta64<Nanoseconds>> to = result.AsSpan();
        for (nint i = 1; i < times.Length; i++) to[(int)i - 1] = times[i] - times[i - 1];
        return result;
    }

    /// <summary>Moves every time in <paramref name="times"/> by <paramref name="seconds"/> (NaT stays NaT).</summary>
    [PyFunction]
    public static void ShiftSeconds(NdViewMut<Datetime64<Seconds>> times, long seconds)
    {
        var d = new Timedelta64<Seconds>(seconds);
        foreach (ref Datetime64<Seconds> t in times) t += d;
    }

    /// <summary>How many elements are NaT.</summary>
    [PyFunction]
    public static long CountNat(NdView<Datetime64<Nanoseconds>> times)
    {
        long n = 0;
        foreach (Datetime64<Nanoseconds> t in times) if (t.IsNaT) n++;
        return n;
    }

    /// <summary>The first time as a datetime.datetime (RuntimeError for NaT, ValueError out of range).</summary>
    [PyFunction] public static DateTime FirstAsDatetime([Ndim(1)] NdView<Datetime64<Microseconds>> times) => times[0].ToDateTime();

    /// <summary>The sum of the durations in seconds, through TimeSpan.</summary>
    [PyFunction]
    public static double TotalSeconds(NdView<Timedelta64<Milliseconds>> durations)
    {
        double total = 0;
        foreach (Timedelta64<Milliseconds> d in durations) total += d.ToTimeSpan().TotalSeconds;
        return total;
    }

    /// <summary><paramref name="count"/> consecutive days from <paramref name="start"/> (as a date).</summary>
    [PyFunction]
    public static NdArray<Datetime64<Days>> DaysFrom(DateOnly start, long count)
    {
        var result = NdArray<Datetime64<Days>>.Uninitialized((nint)count);
        var first = Datetime64<Days>.FromDateTime(start.ToDateTime(TimeOnly.MinValue));
        Span<Datetime64<Days>> to = result.AsSpan();
        for (int i = 0; i < to.Length; i++) to[i] = first + new Timedelta64<Days>(i);
        return result;
    }

    /// <summary>The month of each day (through DateTime: NaT stays NaT).</summary>
    [PyFunction]
    public static NdArray<Datetime64<Months>> MonthsOf(NdView<Datetime64<Days>> days)
    {
        var result = NdArray<Datetime64<Months>>.Uninitialized(days.Shape);
        Span<Datetime64<Months>> to = result.AsSpan();
        int i = 0;
        foreach (Datetime64<Days> d in days)
            to[i++] = d.IsNaT ? Datetime64<Months>.NaT : Datetime64<Months>.FromDateTime(d.ToDateTime());
        return result;
    }

    // ---- object arrays ----

    /// <summary>How many elements are None (NULL elements count: they read as None).</summary>
    [PyFunction]
    public static long CountNone(Python py, NdObjectView arr)
    {
        long n = 0;
        foreach (PyBorrowed x in arr) if (x.IsNone(py)) n++;
        return n;
    }

    /// <summary>Element <paramref name="i"/> of a 1-d object array.</summary>
    [PyFunction] public static PyRef ObjectAt(Python py, [Ndim(1)] NdObjectView arr, long i) => arr[(nint)i].ToOwned(py);

    /// <summary>Element (i, j) of a 2-d object array.</summary>
    [PyFunction]
    public static PyRef ObjectAt2(Python py, [Ndim(2)] NdObjectView arr, long i, long j) => arr[(nint)i, (nint)j].ToOwned(py);

    /// <summary>Stores <paramref name="value"/> at <paramref name="i"/>.</summary>
    [PyFunction] public static void SetObject([Ndim(1)] NdObjectViewMut arr, long i, PyBorrowed value) => arr.Set((nint)i, value);

    /// <summary>Stores <paramref name="value"/> in every element.</summary>
    [PyFunction] public static void FillObjects(NdObjectViewMut arr, PyRef value) => arr.Fill(value);

    /// <summary>Reverses a 1-d object array in place.</summary>
    [PyFunction]
    public static void ReverseObjects(Python py, [Ndim(1)] NdObjectViewMut arr)
    {
        nint n = arr.Length;
        for (nint i = 0; i < n / 2; i++)
        {
            using PyRef a = arr[i].ToOwned(py), b = arr[n - 1 - i].ToOwned(py);
            arr.Set(i, b);
            arr.Set(n - 1 - i, a);
        }
    }

    /// <summary>Copies the elements of <paramref name="source"/> into <paramref name="target"/> (the same shape).</summary>
    [PyFunction]
    public static void CopyObjects([Ndim(1)] NdObjectViewMut target, [Ndim(1)] NdObjectView source)
    {
        if (target.Length != source.Length) throw new ArgumentException("target and source must have the same length");
        for (nint i = 0; i < source.Length; i++) target.Set(i, source[i]);
    }

    /// <summary>A new object array of the given shape, every element None.</summary>
    [PyFunction] public static NdObjectArray NoneArray(Python py, long rows, long columns) => NdObjectArray.Create(py, (nint)rows, (nint)columns);

    /// <summary>A new 1-d object array holding the Python ints 0 .. n-1.</summary>
    [PyFunction]
    public static NdObjectArray RangeObjects(Python py, long n)
    {
        var result = NdObjectArray.Create(py, (nint)n);
        NdObjectViewMut view = result.AsViewMut();
        for (nint i = 0; i < n; i++)
        {
            using PyRef x = py.From((long)i);
            view.Set(i, x);
        }
        return result;
    }
}
