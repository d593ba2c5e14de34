using System;
using System.Runtime.CompilerServices;
using NdBindgen.NumPy;

namespace NdBindgen;

// The one broadcasting loop behind every NdZip.Map: operand 0 is the output, 1.. the inputs.
public static unsafe partial class NdZip
{
    /// <summary>What runs one run of elements: p[k] the first element of operand k, s[k] its byte stride.</summary>
    internal interface IRows
    {
        void Row(byte** p, nint* s, nint n, bool contiguous);
    }

    internal static void Run<TRows>(ref TRows rows, ReadOnlySpan<NdLayout> operands, ReadOnlySpan<int> itemSizes) where TRows : struct, IRows
    {
        NdLayout output = operands[0];
        int nd = output.Ndim, count = operands.Length;
        CheckShapes(operands);
        if (output.Length == 0) return;

        // Every operand's strides on the output's axes: 0 where it broadcasts (missing or length 1).
        nint* shape = stackalloc nint[Math.Max(nd, 1)];
        nint* strides = stackalloc nint[count * Math.Max(nd, 1)];
        byte** ptr = stackalloc byte*[count];
        for (int d = 0; d < nd; d++) shape[d] = output.Shape[d];
        for (int k = 0; k < count; k++)
        {
            NdLayout op = operands[k];
            ptr[k] = op.Data;
            int offset = nd - op.Ndim;
            for (int d = 0; d < nd; d++)
                strides[k * nd + d] = d < offset || op.Shape[d - offset] == 1 ? 0 : op.Strides[d - offset];
        }

        // The output's memory order: its negative axes walked forwards (every operand flipped with it),
        // then the axes sorted by its stride, largest first; length-1 axes dropped.
        int* axes = stackalloc int[Math.Max(nd, 1)];
        int m = 0;
        for (int d = 0; d < nd; d++)
        {
            if (shape[d] == 1) continue;
            if (strides[d] < 0)
            {
                for (int k = 0; k < count; k++)
                {
                    ptr[k] += (shape[d] - 1) * strides[k * nd + d];
                    strides[k * nd + d] = -strides[k * nd + d];
                }
            }
            int i = m++;
            for (; i > 0 && strides[axes[i - 1]] < strides[d]; i--) axes[i] = axes[i - 1];
            axes[i] = d;
        }

        // Merge an axis into the one outside it wherever every operand steps over the inner one
        // exactly (contiguous runs, broadcast axes): C or Fortran arrays become one run.
        nint* runShape = stackalloc nint[Math.Max(m, 1)];
        nint* runStrides = stackalloc nint[count * Math.Max(m, 1)];
        int r = 0;
        for (int i = 0; i < m; i++)
        {
            int d = axes[i];
            bool merge = r > 0;
            for (int k = 0; k < count && merge; k++)
                merge = runStrides[k * m + r - 1] == strides[k * nd + d] * shape[d];
            if (merge)
            {
                runShape[r - 1] *= shape[d];
                for (int k = 0; k < count; k++) runStrides[k * m + r - 1] = strides[k * nd + d];
            }
            else
            {
                runShape[r] = shape[d];
                for (int k = 0; k < count; k++) runStrides[k * m + r] = strides[k * nd + d];
                r++;
            }
        }

        nint* inner = stackalloc nint[count];
        nint n = 1;
        bool contiguous = true;
        for (int k = 0; k < count; k++)
        {
            inner[k] = r == 0 ? itemSizes[k] : runStrides[k * m + r - 1];
            contiguous &= inner[k] == itemSizes[k];
        }
        if (r > 0) n = runShape[r - 1];

        // The outer axes as an odometer; one call of the row kernel per innermost run.
        nint* index = stackalloc nint[Math.Max(r, 1)];
        for (int j = 0; j < r; j++) index[j] = 0;
        while (true)
        {
            rows.Row(ptr, inner, n, contiguous);
            int j = r - 2;
            for (; j >= 0; j--)
            {
                if (++index[j] < runShape[j])
                {
                    for (int k = 0; k < count; k++) ptr[k] += runStrides[k * m + j];
                    break;
                }
                index[j] = 0;
                for (int k = 0; k < count; k++) ptr[k] -= runStrides[k * m + j] * (runShape[j] - 1);
            }
            if (j < 0) return;
        }
    }

    // numpy's two errors: inputs that do not broadcast together, and an output of another shape.
    private static void CheckShapes(ReadOnlySpan<NdLayout> operands)
    {
        NdLayout output = operands[0];
        int inputsNd = 0;
        for (int k = 1; k < operands.Length; k++) inputsNd = Math.Max(inputsNd, operands[k].Ndim);
        nint[] inputs = Unset(inputsNd);
        bool ok = true;
        for (int k = 1; k < operands.Length; k++) ok &= Broadcast(inputs, Shape(operands[k]));
        if (!ok) throw Incompatible(InputShapes(operands, withOutput: false));
        nint[] outShape = Shape(operands[0]).ToArray();
        nint[] all = Unset(Math.Max(inputsNd, output.Ndim));
        if (!Broadcast(all, inputs) | !Broadcast(all, outShape)) throw Incompatible(InputShapes(operands, withOutput: true));
        if (!all.AsSpan().SequenceEqual(outShape))
            throw new ArgumentException($"non-broadcastable output operand with shape {FormatShape(outShape)} doesn't match the broadcast shape {FormatShape(all)}");
    }

    private static ReadOnlySpan<nint> Shape(in NdLayout layout) => new(layout.Shape, layout.Ndim);

    private static nint[][] InputShapes(ReadOnlySpan<NdLayout> operands, bool withOutput)
    {
        var shapes = new nint[withOutput ? operands.Length : operands.Length - 1][];
        for (int k = 1; k < operands.Length; k++) shapes[k - 1] = Shape(operands[k]).ToArray();
        if (withOutput) shapes[^1] = Shape(operands[0]).ToArray();
        return shapes;
    }

    /// <summary>
    /// Most elements per span-form call. Measured on this machine (2-core EPYC, .NET 10): one
    /// <c>TensorPrimitives.MultiplyAdd(x, a, y, y)</c> over 100,000 float64 in place took 115 us, the
    /// same in blocks of 1,024-8,192 elements 20-40 us: past 256 KiB TensorPrimitives writes with
    /// non-temporal stores, which push out of the cache the data the next pass reads.
    /// </summary>
    private const int BlockBytes = 16 * 1024;

    // An input's run as a span: its memory where it is contiguous, else (stride 0: one element
    // broadcast along the run) `repeated`, filled with that element, so the span form still applies.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<T> Block<T>(byte* p, nint stride, nint i, int count, T* repeated) where T : unmanaged =>
        stride == 0 ? new ReadOnlySpan<T>(repeated, count) : new ReadOnlySpan<T>((T*)p + i, count);

    private static void Repeat<T>(byte* p, nint stride, T* buffer, int count) where T : unmanaged
    {
        if (stride == 0) new Span<T>(buffer, count).Fill(*(T*)p);
    }

    private struct UnaryRows<TOp, A, R>(TOp op) : IRows where TOp : struct, IUnaryOp<A, R> where A : unmanaged where R : unmanaged
    {
        private TOp _op = op;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Row(byte** p, nint* s, nint n, bool contiguous)
        {
            nint i = 0;
            if (contiguous)
            {
                int block = (int)Math.Min(n, BlockBytes / Math.Max(sizeof(A), sizeof(R)));
                for (; i < n; i += block)
                {
                    int count = (int)Math.Min(block, n - i);
                    if (!_op.TryInvoke(new ReadOnlySpan<A>((A*)p[1] + i, count), new Span<R>((R*)p[0] + i, count))) break;
                }
            }
            byte* po = p[0] + i * s[0], pa = p[1] + i * s[1];
            nint so = s[0], sa = s[1];
            for (; i < n; i++, po += so, pa += sa) *(R*)po = _op.Invoke(*(A*)pa);
        }
    }

    private struct BinaryRows<TOp, A, B, R>(TOp op) : IRows where TOp : struct, IBinaryOp<A, B, R> where A : unmanaged where B : unmanaged where R : unmanaged
    {
        private TOp _op = op;

        public void Row(byte** p, nint* s, nint n, bool contiguous)
        {
            nint i = 0;
            // Contiguous, or an input broadcast along the run (a scalar, a column): span form in blocks.
            if (s[0] == sizeof(R) && (s[1] == sizeof(A) || s[1] == 0) && (s[2] == sizeof(B) || s[2] == 0))
                i = Blocks(p, s, n);
            byte* po = p[0] + i * s[0], pa = p[1] + i * s[1], pb = p[2] + i * s[2];
            nint so = s[0], sa = s[1], sb = s[2];
            for (; i < n; i++, po += so, pa += sa, pb += sb) *(R*)po = _op.Invoke(*(A*)pa, *(B*)pb);
        }

        // The elements done by the span form: all, or none where TryInvoke declines.
        private nint Blocks(byte** p, nint* s, nint n)
        {
            int block = (int)Math.Min(n, BlockBytes / Math.Max(sizeof(R), Math.Max(sizeof(A), sizeof(B))));
            A* ra = stackalloc A[s[1] == 0 ? block : 0];
            Repeat(p[1], s[1], ra, block);
            B* rb = stackalloc B[s[2] == 0 ? block : 0];
            Repeat(p[2], s[2], rb, block);
            nint i = 0;
            for (; i < n; i += block)
            {
                int count = (int)Math.Min(block, n - i);
                if (!_op.TryInvoke(Block(p[1], s[1], i, count, ra), Block(p[2], s[2], i, count, rb), new Span<R>((R*)p[0] + i, count)))
                    return i;
            }
            return n;
        }
    }

    private struct TernaryRows<TOp, A, B, C, R>(TOp op) : IRows
        where TOp : struct, ITernaryOp<A, B, C, R> where A : unmanaged where B : unmanaged where C : unmanaged where R : unmanaged
    {
        private TOp _op = op;

        public void Row(byte** p, nint* s, nint n, bool contiguous)
        {
            nint i = 0;
            if (s[0] == sizeof(R) && (s[1] == sizeof(A) || s[1] == 0) && (s[2] == sizeof(B) || s[2] == 0) && (s[3] == sizeof(C) || s[3] == 0))
                i = Blocks(p, s, n);
            byte* po = p[0] + i * s[0], pa = p[1] + i * s[1], pb = p[2] + i * s[2], pc = p[3] + i * s[3];
            nint so = s[0], sa = s[1], sb = s[2], sc = s[3];
            for (; i < n; i++, po += so, pa += sa, pb += sb, pc += sc) *(R*)po = _op.Invoke(*(A*)pa, *(B*)pb, *(C*)pc);
        }

        private nint Blocks(byte** p, nint* s, nint n)
        {
            int widest = Math.Max(Math.Max(sizeof(R), sizeof(A)), Math.Max(sizeof(B), sizeof(C)));
            int block = (int)Math.Min(n, BlockBytes / widest);
            A* ra = stackalloc A[s[1] == 0 ? block : 0];
            Repeat(p[1], s[1], ra, block);
            B* rb = stackalloc B[s[2] == 0 ? block : 0];
            Repeat(p[2], s[2], rb, block);
            C* rc = stackalloc C[s[3] == 0 ? block : 0];
            Repeat(p[3], s[3], rc, block);
            nint i = 0;
            for (; i < n; i += block)
            {
                int count = (int)Math.Min(block, n - i);
                if (!_op.TryInvoke(Block(p[1], s[1], i, count, ra), Block(p[2], s[2], i, count, rb), Block(p[3], s[3], i, count, rc),
                        new Span<R>((R*)p[0] + i, count)))
                    return i;
            }
            return n;
        }
    }

    private readonly struct UnaryFuncRows<A, R>(Func<A, R> f) : IRows where A : unmanaged where R : unmanaged
    {
        public void Row(byte** p, nint* s, nint n, bool contiguous)
        {
            byte* po = p[0], pa = p[1];
            nint so = s[0], sa = s[1];
            for (nint i = 0; i < n; i++, po += so, pa += sa) *(R*)po = f(*(A*)pa);
        }
    }

    private readonly struct BinaryFuncRows<A, B, R>(Func<A, B, R> f) : IRows where A : unmanaged where B : unmanaged where R : unmanaged
    {
        public void Row(byte** p, nint* s, nint n, bool contiguous)
        {
            byte* po = p[0], pa = p[1], pb = p[2];
            nint so = s[0], sa = s[1], sb = s[2];
            for (nint i = 0; i < n; i++, po += so, pa += sa, pb += sb) *(R*)po = f(*(A*)pa, *(B*)pb);
        }
    }

    private readonly struct TernaryFuncRows<A, B, C, R>(Func<A, B, C, R> f) : IRows
        where A : unmanaged where B : unmanaged where C : unmanaged where R : unmanaged
    {
        public void Row(byte** p, nint* s, nint n, bool contiguous)
        {
            byte* po = p[0], pa = p[1], pb = p[2], pc = p[3];
            nint so = s[0], sa = s[1], sb = s[2], sc = s[3];
            for (nint i = 0; i < n; i++, po += so, pa += sa, pb += sb, pc += sc) *(R*)po = f(*(A*)pa, *(B*)pb, *(C*)pc);
        }
    }
}
