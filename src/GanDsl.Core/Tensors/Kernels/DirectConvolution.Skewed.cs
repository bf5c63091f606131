using System.Runtime.CompilerServices;

namespace GanDsl.Tensors.Kernels;

internal static unsafe partial class DirectConvolution
{
    private partial struct Tile
    {
        /// <summary>
        /// The plain tile's run for one output channel of a stride-1 sweep whose taps are the k × k grid, each
        /// kernel row one input row further down (<see cref="Sweep.SquareKernel"/>). Output row j runs j kernel rows behind
        /// row 0, so at step s every row reads input row s (row j with kernel row s − j): each input vector is loaded once
        /// for up to four rows instead of once per row, and each output still adds its taps in (channel, ky, kx) order, so
        /// the bits are those of the plain tile. Vectors only (the weight pair is the same for every vector of a row).
        /// </summary>
        public readonly void RunSkewed<TV, TL, TC, TM>(int rows, int columns, int kernel)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount where TM : struct, ILoadMode
        {
            switch (rows)
            {
                case 1: RunSkewed<TV, TL, TC, TM, One>(columns, kernel); break;
                case 2: RunSkewed<TV, TL, TC, TM, Two>(columns, kernel); break;
                case 3: RunSkewed<TV, TL, TC, TM, Three>(columns, kernel); break;
                default: RunSkewed<TV, TL, TC, TM, Four>(columns, kernel); break;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private readonly void RunSkewed<TV, TL, TC, TM, TR>(int columns, int k)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
            where TM : struct, ILoadMode where TR : struct, IVectorCount
        {
            int l = TL.Count;
            TV m0 = TL.FirstLanes(columns), m1 = TL.FirstLanes(columns - l), m2 = TL.FirstLanes(columns - 2 * l);
            TV a00 = TL.Zero, a01 = TL.Zero, a02 = TL.Zero;
            TV a10 = TL.Zero, a11 = TL.Zero, a12 = TL.Zero;
            TV a20 = TL.Zero, a21 = TL.Zero, a22 = TL.Zero;
            TV a30 = TL.Zero, a31 = TL.Zero, a32 = TL.Zero;
            float* plane = X, weights = W0;
            int steps = TR.V + k - 1;
            for (int c = 0; c < InChannels; c++, plane += XChannel, weights += 2 * TapCount)
            {
                for (int s = 0; s < steps; s++)
                {
                    float* input = plane + (nint)s * InputRowStep;
                    // Row j takes kernel row s − j; its weight pairs for that row start at pairs[2·(s − j)·k].
                    bool on0 = s < k, on1 = TR.V > 1 && (uint)(s - 1) < (uint)k;
                    bool on2 = TR.V > 2 && (uint)(s - 2) < (uint)k, on3 = TR.V > 3 && (uint)(s - 3) < (uint)k;
                    float* w0 = weights + 2 * s * k, w1 = w0 - 2 * k, w2 = w1 - 2 * k, w3 = w2 - 2 * k;
                    // Pointers step along the kernel row, so the loop does no index arithmetic.
                    for (int kx = 0; kx < k; kx++, input++, w0 += 2, w1 += 2, w2 += 2, w3 += 2)
                    {
                        TV x0 = Load<TV, TL, TM>(input, m0);
                        TV x1 = TC.V > 1 ? Load<TV, TL, TM>(input + l, m1) : x0;
                        TV x2 = TC.V > 2 ? Load<TV, TL, TM>(input + 2 * l, m2) : x0;
                        if (on0)
                        {
                            TV w = TL.BroadcastPair(w0, 0);
                            a00 = TL.MultiplyAdd(w, x0, a00);
                            if (TC.V > 1) a01 = TL.MultiplyAdd(w, x1, a01);
                            if (TC.V > 2) a02 = TL.MultiplyAdd(w, x2, a02);
                        }
                        if (on1)
                        {
                            TV w = TL.BroadcastPair(w1, 0);
                            a10 = TL.MultiplyAdd(w, x0, a10);
                            if (TC.V > 1) a11 = TL.MultiplyAdd(w, x1, a11);
                            if (TC.V > 2) a12 = TL.MultiplyAdd(w, x2, a12);
                        }
                        if (on2)
                        {
                            TV w = TL.BroadcastPair(w2, 0);
                            a20 = TL.MultiplyAdd(w, x0, a20);
                            if (TC.V > 1) a21 = TL.MultiplyAdd(w, x1, a21);
                            if (TC.V > 2) a22 = TL.MultiplyAdd(w, x2, a22);
                        }
                        if (on3)
                        {
                            TV w = TL.BroadcastPair(w3, 0);
                            a30 = TL.MultiplyAdd(w, x0, a30);
                            if (TC.V > 1) a31 = TL.MultiplyAdd(w, x1, a31);
                            if (TC.V > 2) a32 = TL.MultiplyAdd(w, x2, a32);
                        }
                    }
                }
            }

            StoreRows<TV, TL, TC, TM, TR>(Y, a00, a01, a02, a10, a11, a12, a20, a21, a22, a30, a31, a32, m0, m1, m2);
        }
    }
}
