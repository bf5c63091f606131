using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// <see cref="PlaneUnfold.Fold"/> for strides 1 and 2 with AVX-512: each image row is summed in a register, 16 columns
/// at a time, and stored once (accumulating in memory would make every masked store feed the next offset's load, which
/// stalls store forwarding). Each kernel offset's patch row is loaded masked to its valid columns and, for stride 2,
/// spread onto every other lane; lanes it does not reach are left alone. Per pixel the contributions are added in the
/// order of the offsets (ky, kx), starting from 0, exactly as the scalar loop does: the same bits.
/// </summary>
internal static unsafe class PlaneFold512
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fold(in ConvGeometry g, float* cols, long rowStride, float* planes, long planeStride, int images)
    {
        int k = g.Kernel, s = g.Stride, p = g.Padding, width = g.Width, height = g.Height, wo = g.OutWidth, ho = g.OutHeight;
        var lanes = Vector512<int>.Indices;
        // Per kx, for the current chunk: the first patch column loaded, which lanes that load may read, the permute that
        // puts patch column ox on lane ox·s − p + kx − x0, and the lanes that receive a value.
        var first = stackalloc int[k];
        var loadMask = stackalloc Vector512<float>[k];
        var spread = stackalloc Vector512<int>[k];
        var hit = stackalloc Vector512<float>[k];
        // Per image row iy and kernel row ky: the patch row oy with oy·s − p + ky = iy, or −1 (no division in the hot loop).
        Span<int> patchRow = height * k <= 4096 ? stackalloc int[height * k] : new int[height * k];
        for (int iy = 0; iy < height; iy++)
        for (int ky = 0; ky < k; ky++)
        {
            int t = iy + p - ky;
            patchRow[iy * k + ky] = t >= 0 && t % s == 0 && t / s < ho ? t / s : -1;
        }
        for (int x0 = 0; x0 < width; x0 += 16)
        {
            var inRow = Vector512.LessThan(lanes, Vector512.Create(width - x0));
            for (int kx = 0; kx < k; kx++)
            {
                int t = x0 + p - kx; // s·ox for lane 0
                int ox0 = t >> (s - 1), parity = t - s * ox0; // floor(t / s) and the remainder (0 or 1)
                first[kx] = ox0;
                var source = lanes + Vector512.Create(ox0);
                loadMask[kx] = Vector512.LessThan(source.AsUInt32(), Vector512.Create((uint)wo)).AsSingle();
                var index = s == 1 ? lanes : (lanes + Vector512.Create(parity)) >> 1;
                var onStride = s == 1 ? Vector512<int>.AllBitsSet : Vector512.Equals((lanes + Vector512.Create(parity)) & Vector512<int>.One, Vector512<int>.Zero);
                var column = index + Vector512.Create(ox0);
                spread[kx] = index;
                hit[kx] = (Vector512.LessThan(column.AsUInt32(), Vector512.Create((uint)wo)).AsInt32() & onStride & inRow).AsSingle();
            }

            var tail = inRow.AsSingle();
            bool whole = x0 + 16 <= width;
            long plane = g.OutPlane;
            int i = 0;
            // Four images at once: each pixel's sum is a chain of dependent adds, so four independent chains keep the
            // adder busy (one image at a time waited on each add's latency).
            for (; i + 4 <= images; i += 4)
            {
                float* to = planes + i * planeStride + x0;
                float* patches = cols + i * plane;
                for (int iy = 0; iy < height; iy++, to += width)
                {
                    Vector512<float> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
                    for (int ky = 0; ky < k; ky++)
                    {
                        int oy = patchRow[iy * k + ky];
                        if (oy < 0) continue;
                        float* row = patches + ky * k * rowStride + oy * wo;
                        for (int kx = 0; kx < k; kx++, row += rowStride)
                        {
                            float* at = row + first[kx];
                            var mask = loadMask[kx];
                            var v0 = Avx512F.MaskLoad(at, mask, Vector512<float>.Zero);
                            var v1 = Avx512F.MaskLoad(at + plane, mask, Vector512<float>.Zero);
                            var v2 = Avx512F.MaskLoad(at + 2 * plane, mask, Vector512<float>.Zero);
                            var v3 = Avx512F.MaskLoad(at + 3 * plane, mask, Vector512<float>.Zero);
                            if (s != 1)
                            {
                                var index = spread[kx];
                                (v0, v1) = (Avx512F.PermuteVar16x32(v0, index), Avx512F.PermuteVar16x32(v1, index));
                                (v2, v3) = (Avx512F.PermuteVar16x32(v2, index), Avx512F.PermuteVar16x32(v3, index));
                            }
                            var h = hit[kx];
                            sum0 = Vector512.ConditionalSelect(h, sum0 + v0, sum0);
                            sum1 = Vector512.ConditionalSelect(h, sum1 + v1, sum1);
                            sum2 = Vector512.ConditionalSelect(h, sum2 + v2, sum2);
                            sum3 = Vector512.ConditionalSelect(h, sum3 + v3, sum3);
                        }
                    }
                    Put(to, sum0, whole, tail);
                    Put(to + planeStride, sum1, whole, tail);
                    Put(to + 2 * planeStride, sum2, whole, tail);
                    Put(to + 3 * planeStride, sum3, whole, tail);
                }
            }
            for (; i < images; i++)
            {
                float* to = planes + i * planeStride + x0;
                float* patches = cols + i * plane;
                for (int iy = 0; iy < height; iy++, to += width)
                {
                    var sum = Vector512<float>.Zero;
                    for (int ky = 0; ky < k; ky++)
                    {
                        int oy = patchRow[iy * k + ky];
                        if (oy < 0) continue;
                        float* row = patches + ky * k * rowStride + oy * wo;
                        for (int kx = 0; kx < k; kx++, row += rowStride)
                        {
                            var v = Avx512F.MaskLoad(row + first[kx], loadMask[kx], Vector512<float>.Zero);
                            if (s != 1) v = Avx512F.PermuteVar16x32(v, spread[kx]);
                            sum = Vector512.ConditionalSelect(hit[kx], sum + v, sum);
                        }
                    }
                    Put(to, sum, whole, tail);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(float* to, Vector512<float> sum, bool whole, Vector512<float> tail)
    {
        if (whole) sum.Store(to);
        else Avx512F.MaskStore(to, tail, sum);
    }
}
