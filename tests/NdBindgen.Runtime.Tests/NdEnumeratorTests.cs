using System.Numerics;
using NdBindgen.NumPy;

namespace NdBindgen.Runtime.Tests;

/// <summary>
/// <c>foreach</c> over NdView / NdViewMut (NdCursor: runs merged where memory allows) and NdZip's
/// vector path (Map in place, Sum) on every layout, against index arithmetic done here by hand.
/// </summary>
public unsafe class NdEnumeratorTests
{
    /// <summary>A layout over a 64-element buffer holding 0..63 (as doubles): offset, shape and byte strides.</summary>
    public record Layout(string Name, nint Offset, nint[] Shape, nint[] Strides)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Layout> Layouts() => new()
    {
        new("contiguous 1-d", 0, [12], [8]),
        new("contiguous 2-d", 0, [3, 4], [32, 8]),
        new("contiguous 3-d", 1, [2, 3, 4], [96, 32, 8]),
        new("length-1 axes with odd strides", 0, [1, 3, 1, 4], [999, 32, -7, 8]),
        new("strided 1-d", 1, [10], [48]),
        new("negative 1-d", 63, [7], [-8]),
        new("negative 2-d", 63, [3, 4], [-96, -16]),
        new("broadcast row (stride 0 outside)", 2, [3, 4], [0, 8]),
        new("broadcast column (stride 0 inside)", 2, [3, 4], [8, 0]),
        new("0-d", 5, [], []),
        new("empty", 0, [0, 3], [24, 8]),
        new("empty inner", 0, [3, 0], [8, 8]),
        new("3-d non-contiguous (transposed, sliced)", 3, [4, 3, 2], [8, 64, 24]),
        new("3-d strided outer, contiguous rows", 0, [2, 3, 4], [192, 32, 8]),
        new("2-d strided columns", 1, [3, 5], [80, 16]),
    };

    // The elements' byte offsets in C order, from the index: what every walk must agree with.
    private static List<nint> Offsets(Layout l)
    {
        var offsets = new List<nint>();
        nint count = 1;
        foreach (nint n in l.Shape) count *= n;
        for (nint k = 0; k < count; k++)
        {
            nint rest = k, offset = l.Offset * sizeof(double);
            for (int d = l.Shape.Length - 1; d >= 0; d--)
            {
                offset += rest % l.Shape[d] * l.Strides[d];
                rest /= l.Shape[d];
            }
            offsets.Add(offset);
        }
        return offsets;
    }

    private static double[] Data() => Enumerable.Range(0, 64).Select(i => (double)i).ToArray();

    private delegate void WithView(NdViewMut<double> view);

    private static void Use(double[] data, Layout l, WithView body)
    {
        fixed (double* p = data)
        fixed (nint* shape = l.Shape)
        fixed (nint* strides = l.Strides)
        {
            body(new NdViewMut<double>(new NdLayout((byte*)(p + l.Offset), shape, strides, l.Shape.Length, sizeof(double))));
        }
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ForeachVisitsTheElementsOfTheIndexInCOrder(Layout l)
    {
        double[] data = Data();
        var expected = Offsets(l).Select(o => data[o / sizeof(double)]).ToList();
        var seen = new List<double>();
        var seenMut = new List<double>();
        Use(data, l, view =>
        {
            NdView<double> readOnly = view;
            foreach (double x in readOnly) seen.Add(x);
            foreach (ref double x in view) seenMut.Add(x);
        });
        Assert.Equal(expected, seen);
        Assert.Equal(expected, seenMut);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ForeachByReferenceWritesWhereTheIndexPoints(Layout l)
    {
        double[] data = Data(), expected = Data();
        int k = 0;
        foreach (nint o in Offsets(l)) expected[o / sizeof(double)] = 1000 + k++;   // the last write wins on broadcast axes
        int visit = 0;
        Use(data, l, view =>
        {
            foreach (ref double x in view) x = 1000 + visit++;
        });
        Assert.Equal(Offsets(l).Count, visit);
        Assert.Equal(expected, data);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ForeachAfterTheEndStaysDone(Layout l)
    {
        Use(Data(), l, view =>
        {
            var e = view.GetEnumerator();
            int n = 0;
            while (e.MoveNext()) n++;
            Assert.Equal(Offsets(l).Count, n);
            Assert.False(e.MoveNext());
            Assert.False(e.MoveNext());
        });
    }

    private readonly struct Poly : IVectorOp<double>
    {
        public double Invoke(double x) => (x * 0.5 + 1.5) * x + 2.5;

        public Vector<double> Invoke(Vector<double> x) => (x * 0.5 + new Vector<double>(1.5)) * x + new Vector<double>(2.5);
    }

    private readonly struct Square : IVectorOp<double>
    {
        public double Invoke(double x) => x * x;

        public Vector<double> Invoke(Vector<double> x) => x * x;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void VectorMapUpdatesEachElementOnceInPlace(Layout l)
    {
        if (l.Strides.Where((s, d) => s == 0 && l.Shape[d] > 1).Any()) return;   // a broadcast view has elements seen twice: covered by Sum
        double[] data = Data(), expected = Data();
        foreach (nint o in Offsets(l)) expected[o / sizeof(double)] = new Poly().Invoke(expected[o / sizeof(double)]);
        Use(data, l, view => NdZip.Map(view, new Poly()));
        Assert.Equal(expected, data);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void VectorSumAddsEveryElementOfTheIndex(Layout l)
    {
        double[] data = Data();
        double expected = Offsets(l).Sum(o => data[o / sizeof(double)] * data[o / sizeof(double)]);   // small integers: exact in any order
        double sum = double.NaN;
        Use(data, l, view => sum = NdZip.Sum((NdView<double>)view, new Square()));
        Assert.Equal(expected, sum);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1001)]
    public void VectorPathsCoverEveryTailLength(int n)
    {
        // Lengths around the vector width and the 4-vector unroll: each element once, none past the end.
        double[] data = Enumerable.Range(0, n + 1).Select(i => (double)(i % 17)).ToArray();
        double[] expected = data.ToArray();
        for (int i = 0; i < n; i++) expected[i] = new Poly().Invoke(expected[i]);
        double squares = data.Take(n).Sum(x => x * x);
        Use(data, new Layout("1-d", 0, [n], [8]), view =>
        {
            Assert.Equal(squares, NdZip.Sum((NdView<double>)view, new Square()));
            NdZip.Map(view, new Poly());
        });
        Assert.Equal(expected, data);
    }
}
