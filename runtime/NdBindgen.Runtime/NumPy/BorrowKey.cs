using System.Runtime.CompilerServices;
using NdBindgen.Interop;

namespace NdBindgen.NumPy;

/// <summary>
/// What a view borrows, in rust-numpy's terms (its <c>BorrowKey</c>, src/borrow/shared.rs): the
/// byte range from the lowest to past the highest element, the address of the first element, and
/// the greatest common divisor of the strides; plus the element size, which rust-numpy leaves out.
/// Two keys of the same base object conflict when <see cref="Conflicts"/> says they may share a byte.
/// </summary>
internal struct BorrowKey
{
    internal nint Start;
    internal nint End;
    internal nint Data;
    /// <summary>The gcd of the strides of the dimensions longer than 1 (0: the view is one element or none).</summary>
    internal nint Gcd;
    internal nint ItemSize;

    internal BorrowKey(nint start, nint end, nint data, nint gcd, nint itemSize)
    {
        Start = start;
        End = end;
        Data = data;
        Gcd = gcd;
        ItemSize = itemSize;
    }

    /// <summary>The key of <paramref name="ndim"/> dimensions of <paramref name="shape"/> and byte <paramref name="strides"/> from <paramref name="data"/>.</summary>
    internal static unsafe BorrowKey Of(byte* data, nint* shape, nint* strides, int ndim, nint itemSize)
    {
        BorrowKey key;
        Write(&key, data, shape, strides, ndim, itemSize);
        return key;
    }

    /// <summary>As <see cref="Of(byte*, nint*, nint*, int, nint)"/>, written to <paramref name="key"/> (a table's entry: no copy).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void Write(BorrowKey* key, byte* data, nint* shape, nint* strides, int ndim, nint itemSize)
    {
        nint low = 0, high = itemSize, gcd = 0;
        for (int d = 0; d < ndim; d++)
        {
            nint n = shape[d];
            if (n <= 1)
            {
                if (n == 1) continue;
                high = 0;   // no element
                low = 0;
                gcd = 0;
                break;
            }
            nint s = strides[d];
            nint span = (n - 1) * s;
            if (span < 0) low += span; else high += span;
            nint m = s < 0 ? -s : s;
            gcd = gcd == 0 ? m : GcdOf(gcd, m);   // one dimension (the common case): no division
        }
        key->Start = (nint)data + low;
        key->End = (nint)data + high;
        key->Data = (nint)data;
        key->Gcd = gcd;
        key->ItemSize = itemSize;
    }

    internal static unsafe BorrowKey Of(NdLayout layout, nint itemSize) =>
        Of(layout.Data, layout.Shape, layout.Strides, layout.Ndim, itemSize);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint GcdOf(nint a, nint b)
    {
        while (b != 0)
        {
            nint t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /// <summary>
    /// Whether the views of <paramref name="a"/> and <paramref name="b"/> may share a byte. Their
    /// ranges must overlap; then every element of either starts at its first element's address plus
    /// a multiple of g, the gcd of all their strides, so an element of <paramref name="b"/> can only
    /// meet one of <paramref name="a"/> when the distance d between the two first elements, taken
    /// modulo g, is under a's element size or over g less b's. rust-numpy asks d mod g == 0, which
    /// is the same for views of one dtype and misses views of another dtype at an odd offset.
    /// Exact for interleaved views (the columns of a C-order matrix); may refuse some views with
    /// steps that do not divide the axis (rust-numpy does too: a[:, ::3] and a[:, 1::3]).
    /// </summary>
    internal static bool Conflicts(in BorrowKey a, in BorrowKey b)
    {
        if (a.Start == a.End || b.Start == b.End) return false;   // an empty view touches nothing
        if (a.Start >= b.End || b.Start >= a.End) return false;
        nint g = GcdOf(a.Gcd, b.Gcd);
        if (g == 0) return true;   // one element each, in overlapping ranges
        nint d = (b.Data - a.Data) % g;
        if (d < 0) d += g;
        return d < a.ItemSize || d > g - b.ItemSize;
    }

    internal bool SameAs(in BorrowKey other) =>
        Start == other.Start && End == other.End && Data == other.Data && Gcd == other.Gcd && ItemSize == other.ItemSize;
}
