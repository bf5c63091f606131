using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The weight gradient of a stride-1 convolution straight from its input, without lowering:
/// dw[o, c, ky, kx] = Σ_n Σ_oy Σ_ox dy[n, o, oy, ox] · x[n, c, oy + ky, ox + kx] over input planes that already hold any
/// zero padding. A part owns one (o, c, ky) and four kx: for a chunk of output columns it keeps a partial sum per column
/// and kx in registers while it walks every image and row (the gradient row is loaded once for the four taps), spills
/// them, and finally adds each kx's column partials in column order. Every partial is one fused multiply-add chain over
/// (n, oy) and the last sum runs over columns in order whatever the vector width, so all widths and thread counts give
/// the same bits.
/// </summary>
internal static unsafe class DirectWeightGrad
{
    private const int TapsPerPart = 4;

    /// <summary>The widest output row a part's column partials (kept on the stack) may have.</summary>
    public const int MaxOutWidth = 1024;

    [ThreadStatic] private static WeightGradJob? job;

    public static void Run(DirectConvolution.Planes x, int batch, int inChannels, float* dy, int outChannels, int k, int outHeight, int outWidth, float* dw)
    {
        var j = job ??= new WeightGradJob();
        j.X = x;
        j.Dy = dy;
        j.Dw = dw;
        (j.Batch, j.InChannels, j.OutChannels, j.K, j.OutHeight, j.OutWidth) = (batch, inChannels, outChannels, k, outHeight, outWidth);
        j.Width = Lanes.For(narrowRow: outWidth);
        int lanes = j.Width switch { LaneWidth.Bits512 => 16, LaneWidth.Bits256 => 8, _ => 1 };
        j.Vectors = lanes == 1 ? 2 : Math.Clamp((outWidth + lanes - 1) / lanes, 1, 2);
        j.Groups = (k + TapsPerPart - 1) / TapsPerPart;
        int parts = outChannels * inChannels * k * j.Groups;
        long work = (long)parts * batch * outHeight * outWidth * TapsPerPart;
        if (work < 256 * 1024) for (int i = 0; i < parts; i++) j.Run(i);
        else j.RunAll(parts);
    }

    private sealed class WeightGradJob : ParallelJob
    {
        public DirectConvolution.Planes X;
        public float* Dy, Dw;
        public int Batch, InChannels, OutChannels, K, OutHeight, OutWidth, Vectors, Groups;
        public LaneWidth Width;

        public override void Run(int part)
        {
            int group = part % Groups, rest = part / Groups;
            int ky = rest % K, oc = rest / K; // oc = o·Cin + c
            int o = oc / InChannels, c = oc % InChannels;
            switch (Width, Vectors)
            {
                case (LaneWidth.Bits512, 1): Taps<Vector512<float>, Lanes512, One>(o, c, ky, group); break;
                case (LaneWidth.Bits512, _): Taps<Vector512<float>, Lanes512, Two>(o, c, ky, group); break;
                case (LaneWidth.Bits256, 1): Taps<Vector256<float>, Lanes256, One>(o, c, ky, group); break;
                case (LaneWidth.Bits256, _): Taps<Vector256<float>, Lanes256, Two>(o, c, ky, group); break;
                default: Taps<float, LanesScalar, Two>(o, c, ky, group); break;
            }
        }

        private void Taps<TV, TL, TC>(int o, int c, int ky, int group)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
        {
            int wo = OutWidth, kx0 = group * TapsPerPart, taps = Math.Min(TapsPerPart, K - kx0);
            float* partials = stackalloc float[TapsPerPart * wo];
            int chunk = TL.Count * TC.V;
            for (int ox = 0; ox < wo; ox += chunk)
            {
                var pass = new Pass(this, o, c, ky, kx0, taps, ox, partials + ox);
                if (wo - ox >= chunk) pass.Run<TV, TL, TC, Whole>(chunk);
                else pass.Run<TV, TL, TC, Masked>(wo - ox);
            }

            float* dw = Dw + (((long)o * InChannels + c) * K + ky) * K + kx0;
            for (int t = 0; t < taps; t++)
            {
                float sum = 0f;
                for (int ox = 0; ox < wo; ox++) sum += partials[t * wo + ox];
                dw[t] = sum;
            }
        }

        private readonly struct Pass(WeightGradJob j, int o, int c, int ky, int kx0, int taps, int ox, float* partials)
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Run<TV, TL, TC, TM>(int columns)
                where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount where TM : struct, ILoadMode
            {
                int l = TL.Count, wo = j.OutWidth;
                TV m0 = TL.FirstLanes(columns), m1 = TL.FirstLanes(columns - l);
                // Taps past the kernel's edge recompute the last one (never read outside the row) and are not kept.
                nint t1 = Math.Min(1, taps - 1), t2 = Math.Min(2, taps - 1), t3 = Math.Min(3, taps - 1);
                TV a00 = TL.Zero, a01 = TL.Zero, a10 = TL.Zero, a11 = TL.Zero, a20 = TL.Zero, a21 = TL.Zero, a30 = TL.Zero, a31 = TL.Zero;
                var x = j.X;
                for (int n = 0; n < j.Batch; n++)
                {
                    float* g = j.Dy + ((long)n * j.OutChannels + o) * j.OutHeight * wo + ox;
                    float* row = x.Data + n * x.ImageStride + c * x.ChannelStride + (long)ky * x.RowStride + ox + kx0;
                    for (int oy = 0; oy < j.OutHeight; oy++, g += wo, row += x.RowStride)
                    {
                        TV g0 = DirectConvolution.Load<TV, TL, TM>(g, m0);
                        a00 = TL.MultiplyAdd(g0, DirectConvolution.Load<TV, TL, TM>(row, m0), a00);
                        a10 = TL.MultiplyAdd(g0, DirectConvolution.Load<TV, TL, TM>(row + t1, m0), a10);
                        a20 = TL.MultiplyAdd(g0, DirectConvolution.Load<TV, TL, TM>(row + t2, m0), a20);
                        a30 = TL.MultiplyAdd(g0, DirectConvolution.Load<TV, TL, TM>(row + t3, m0), a30);
                        if (TC.V > 1)
                        {
                            TV g1 = DirectConvolution.Load<TV, TL, TM>(g + l, m1);
                            a01 = TL.MultiplyAdd(g1, DirectConvolution.Load<TV, TL, TM>(row + l, m1), a01);
                            a11 = TL.MultiplyAdd(g1, DirectConvolution.Load<TV, TL, TM>(row + t1 + l, m1), a11);
                            a21 = TL.MultiplyAdd(g1, DirectConvolution.Load<TV, TL, TM>(row + t2 + l, m1), a21);
                            a31 = TL.MultiplyAdd(g1, DirectConvolution.Load<TV, TL, TM>(row + t3 + l, m1), a31);
                        }
                    }
                }

                Spill<TV, TL, TC>(partials, a00, a01, m0, m1);
                Spill<TV, TL, TC>(partials + wo, a10, a11, m0, m1);
                Spill<TV, TL, TC>(partials + 2 * wo, a20, a21, m0, m1);
                Spill<TV, TL, TC>(partials + 3 * wo, a30, a31, m0, m1);
            }

            // Only the chunk's own columns: a whole-vector store could run past the row of partials.
            private static void Spill<TV, TL, TC>(float* to, TV a0, TV a1, TV m0, TV m1)
                where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
            {
                TL.Store(to, a0, m0);
                if (TC.V > 1) TL.Store(to + TL.Count, a1, m1);
            }
        }
    }
}
