using System.Threading;
using NdBindgen;

namespace NdTestModule;

/// <summary>
/// Entry points for tests/python/test_array_borrows.py: borrow tracking across the arguments of a
/// call, nested calls (a callback into Python while a view is held), threads (kernels that hold a
/// view with the GIL released) and extensions (nd_ext, a C extension calling the shared capsule).
/// </summary>
public static class ArraysBorrows
{
    /// <summary>The sum of a read-only view.</summary>
    [PyFunction]
    public static double BorrowSum(NdView<double> arr)
    {
        double total = 0;
        foreach (double x in arr) total += x;
        return total;
    }

    /// <summary>Sets every element to value.</summary>
    [PyFunction]
    public static void BorrowFill([Ndim(1)] NdViewMut<double> arr, double value)
    {
        for (nint k = 0; k < arr.Length; k++) arr[k] = value;
    }

    /// <summary>dst[k] = src[k] + 1 for each k of both (one mutable and one read-only view).</summary>
    [PyFunction]
    public static void BorrowCopyPlusOne([Ndim(1)] NdView<double> src, [Ndim(1)] NdViewMut<double> dst)
    {
        for (nint k = 0; k < Math.Min(src.Length, dst.Length); k++) dst[k] = src[k] + 1;
    }

    /// <summary>Swaps a and b element by element (two mutable views).</summary>
    [PyFunction]
    public static void BorrowSwap([Ndim(1)] NdViewMut<double> a, [Ndim(1)] NdViewMut<double> b)
    {
        for (nint k = 0; k < Math.Min(a.Length, b.Length); k++) (a[k], b[k]) = (b[k], a[k]);
    }

    /// <summary>a[k] += b[k] for the byte views of two buffers (bytearray, array.array('B'), ...).</summary>
    [PyFunction]
    public static void BorrowAddBytes([Ndim(1)] NdViewMut<byte> a, [Ndim(1)] NdView<byte> b)
    {
        for (nint k = 0; k < Math.Min(a.Length, b.Length); k++) a[k] += b[k];
    }

    /// <summary>Holds a read-only view of arr while f() runs (f may call this module again with arr); returns the view's sum after.</summary>
    [PyFunction]
    public static double BorrowSharedAround(NdView<double> arr, Action f)
    {
        f();
        return BorrowSum(arr);
    }

    /// <summary>Holds a mutable view of arr while f() runs, then fills it with value.</summary>
    [PyFunction]
    public static void BorrowMutAround([Ndim(1)] NdViewMut<double> arr, Action f, double value)
    {
        f();
        BorrowFill(arr, value);
    }

    /// <summary>As <see cref="BorrowSharedAround"/>, for an array-like.</summary>
    [PyFunction]
    public static double BorrowLikeAround([ArrayLike] NdView<double> arr, Action f)
    {
        f();
        double total = 0;
        foreach (double x in arr) total += x;
        return total;
    }

    /// <summary>Writes arr[0] = 1, then raises ValueError: the borrow must end with the call all the same.</summary>
    [PyFunction]
    public static void BorrowThenRaise([Ndim(1)] NdViewMut<double> arr)
    {
        if (arr.Length > 0) arr[0] = 1;
        throw new ArgumentException("raised while holding a view");
    }

    /// <summary>
    /// With the GIL released for about `seconds` (at most 0.05): writes value to every element, one element at a
    /// time with a pause between, so a reader of the same array at the same time would see some
    /// elements old and some new.
    /// </summary>
    [PyFunction]
    public static void BorrowFillSlowly(Python py, [Ndim(1)] NdViewMut<double> arr, double value, double seconds)
    {
        seconds = double.IsNaN(seconds) ? 0 : Math.Clamp(seconds, 0, 0.05);   // a fuzzer's 1e300 must not hang
        py.AllowThreads(arr, a =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            double pause = seconds / Math.Max(1, (double)a.Length);
            for (nint k = 0; k < a.Length; k++)
            {
                a[k] = value;
                double until = (k + 1) * pause;
                while (clock.Elapsed.TotalSeconds < until) Thread.SpinWait(20);
            }
        });
    }

    /// <summary>With the GIL released for about `seconds` (at most 0.05): whether every element stayed equal to the first while it read them again and again.</summary>
    [PyFunction]
    public static bool BorrowAllSameSlowly(Python py, [Ndim(1)] NdView<double> arr, double seconds)
    {
        seconds = double.IsNaN(seconds) ? 0 : Math.Clamp(seconds, 0, 0.05);
        return py.AllowThreads(arr, a =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            do
            {
                for (nint k = 1; k < a.Length; k++)
                {
                    if (a[k] != a[0]) return false;
                }
            } while (clock.Elapsed.TotalSeconds < seconds);
            return true;
        });
    }
}
