using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NdExt;

/// <summary>The contiguous inner loop, vectorised by hand (the JIT/AOT compiler does not auto-vectorise).</summary>
internal static class Kernels
{
    /// <summary>destination[i] = source[i] + scalar; source and destination may be the same span.</summary>
    public static void Add(ReadOnlySpan<double> source, double scalar, Span<double> destination)
    {
        int n = source.Length;
        if (destination.Length < n) throw new ArgumentException("destination is too short", nameof(destination));
        ref double src = ref MemoryMarshal.GetReference(source);
        ref double dst = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var s = new Vector<double>(scalar);
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                Vector.StoreUnsafe(Vector.LoadUnsafe(ref src, (nuint)i) + s, ref dst, (nuint)i);
            }
        }
        for (; i < n; i++) Unsafe.Add(ref dst, i) = Unsafe.Add(ref src, i) + scalar;
    }

    /// <summary>destination[i] = source[i] * factor for any numeric element type; vectorised where .NET's Vector&lt;T&gt; supports T.</summary>
    public static void Multiply<T>(ReadOnlySpan<T> source, T factor, Span<T> destination) where T : unmanaged, INumberBase<T>
    {
        int n = source.Length;
        if (destination.Length < n) throw new ArgumentException("destination is too short", nameof(destination));
        ref T src = ref MemoryMarshal.GetReference(source);
        ref T dst = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        // Both tests are constants for each T: the instantiation keeps one of the two loops.
        if (Vector<T>.IsSupported && Vector.IsHardwareAccelerated && n >= Vector<T>.Count)
        {
            var f = new Vector<T>(factor);
            for (; i <= n - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector.StoreUnsafe(Vector.LoadUnsafe(ref src, (nuint)i) * f, ref dst, (nuint)i);
            }
        }
        for (; i < n; i++) Unsafe.Add(ref dst, i) = Unsafe.Add(ref src, i) * factor;
    }

    /// <summary>Multiply for float64 only, written without generics: what the generic one is measured against.</summary>
    public static void MultiplyFloat64(ReadOnlySpan<double> source, double factor, Span<double> destination)
    {
        int n = source.Length;
        if (destination.Length < n) throw new ArgumentException("destination is too short", nameof(destination));
        ref double src = ref MemoryMarshal.GetReference(source);
        ref double dst = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var f = new Vector<double>(factor);
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                Vector.StoreUnsafe(Vector.LoadUnsafe(ref src, (nuint)i) * f, ref dst, (nuint)i);
            }
        }
        for (; i < n; i++) Unsafe.Add(ref dst, i) = Unsafe.Add(ref src, i) * factor;
    }
}
