using System.Runtime.CompilerServices;

namespace GanDsl.Tensors.Kernels;

internal static unsafe partial class DirectConvolution
{
    /// <summary>
    /// Up to 4 rows × 3 vectors of outputs for one or two output channels, held in registers while the taps stream past:
    /// each input vector is loaded once per tap and used for both channels. A row is either a real output row or, in a
    /// flat sweep, one run of the plane read as a single long row (<see cref="Job"/>).
    /// </summary>
    private partial struct Tile
    {
        public float* X, Y, W0, W1;
        public int* Taps;
        public int TapCount, InChannels, InputRowStep, OutputRowStep;
        public long XChannel, YChannel;

        /// <summary>Runs the tile for <paramref name="rows"/> rows (1 to 4) of <typeparamref name="TC"/> vectors.</summary>
        public readonly void Run<TV, TL, TC, TO, TM>(int rows, int columns)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
            where TO : struct, IVectorCount where TM : struct, ILoadMode
        {
            switch (rows)
            {
                case 1: Run<TV, TL, TC, TO, TM, One>(columns); break;
                case 2: Run<TV, TL, TC, TO, TM, Two>(columns); break;
                case 3: Run<TV, TL, TC, TO, TM, Three>(columns); break;
                default: Run<TV, TL, TC, TO, TM, Four>(columns); break;
            }
        }

        // The row count is a JIT-time constant, so a short last tile does no work for rows it does not store.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private readonly void Run<TV, TL, TC, TO, TM, TR>(int columns)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
            where TO : struct, IVectorCount where TM : struct, ILoadMode where TR : struct, IVectorCount
        {
            int l = TL.Count;
            TV m0 = TL.FirstLanes(columns), m1 = TL.FirstLanes(columns - l), m2 = TL.FirstLanes(columns - 2 * l);
            nint r1 = InputRowStep, r2 = 2 * r1, r3 = 3 * r1;
            TV a000 = TL.Zero, a001 = TL.Zero, a002 = TL.Zero;
            TV a010 = TL.Zero, a011 = TL.Zero, a012 = TL.Zero;
            TV a020 = TL.Zero, a021 = TL.Zero, a022 = TL.Zero;
            TV a030 = TL.Zero, a031 = TL.Zero, a032 = TL.Zero;
            TV a100 = TL.Zero, a101 = TL.Zero, a102 = TL.Zero;
            TV a110 = TL.Zero, a111 = TL.Zero, a112 = TL.Zero;
            TV a120 = TL.Zero, a121 = TL.Zero, a122 = TL.Zero;
            TV a130 = TL.Zero, a131 = TL.Zero, a132 = TL.Zero;
            float* plane = X, weights0 = W0, weights1 = W1;
            for (int c = 0; c < InChannels; c++, plane += XChannel)
            {
                for (int t = 0; t < TapCount; t++, weights0 += 2, weights1 += 2)
                {
                    float* p = plane + Taps[t];
                    TV w0 = TL.BroadcastPair(weights0, 0), w1 = TO.V > 1 ? TL.BroadcastPair(weights1, 0) : w0;
                    TV w0v = TL.Count == 1 ? TL.BroadcastPair(weights0, 1) : w0, w1v = TL.Count == 1 ? TL.BroadcastPair(weights1, 1) : w1;
                    TV x00 = Load<TV, TL, TM>(p, m0);
                    a000 = TL.MultiplyAdd(w0, x00, a000);
                    if (TO.V > 1) a100 = TL.MultiplyAdd(w1, x00, a100);
                    if (TR.V > 1)
                    {
                        TV x10 = Load<TV, TL, TM>(p + r1, m0);
                        a010 = TL.MultiplyAdd(w0, x10, a010);
                        if (TO.V > 1) a110 = TL.MultiplyAdd(w1, x10, a110);
                    }
                    if (TR.V > 2)
                    {
                        TV x20 = Load<TV, TL, TM>(p + r2, m0);
                        a020 = TL.MultiplyAdd(w0, x20, a020);
                        if (TO.V > 1) a120 = TL.MultiplyAdd(w1, x20, a120);
                    }
                    if (TR.V > 3)
                    {
                        TV x30 = Load<TV, TL, TM>(p + r3, m0);
                        a030 = TL.MultiplyAdd(w0, x30, a030);
                        if (TO.V > 1) a130 = TL.MultiplyAdd(w1, x30, a130);
                    }
                    if (TC.V > 1)
                    {
                        TV x01 = Load<TV, TL, TM>(p + l, m1);
                        a001 = TL.MultiplyAdd(w0v, x01, a001);
                        if (TO.V > 1) a101 = TL.MultiplyAdd(w1v, x01, a101);
                        if (TR.V > 1)
                        {
                            TV x11 = Load<TV, TL, TM>(p + r1 + l, m1);
                            a011 = TL.MultiplyAdd(w0v, x11, a011);
                            if (TO.V > 1) a111 = TL.MultiplyAdd(w1v, x11, a111);
                        }
                        if (TR.V > 2)
                        {
                            TV x21 = Load<TV, TL, TM>(p + r2 + l, m1);
                            a021 = TL.MultiplyAdd(w0v, x21, a021);
                            if (TO.V > 1) a121 = TL.MultiplyAdd(w1v, x21, a121);
                        }
                        if (TR.V > 3)
                        {
                            TV x31 = Load<TV, TL, TM>(p + r3 + l, m1);
                            a031 = TL.MultiplyAdd(w0v, x31, a031);
                            if (TO.V > 1) a131 = TL.MultiplyAdd(w1v, x31, a131);
                        }
                    }
                    if (TC.V > 2)
                    {
                        TV x02 = Load<TV, TL, TM>(p + 2 * l, m2);
                        a002 = TL.MultiplyAdd(w0, x02, a002);
                        if (TO.V > 1) a102 = TL.MultiplyAdd(w1, x02, a102);
                        if (TR.V > 1)
                        {
                            TV x12 = Load<TV, TL, TM>(p + r1 + 2 * l, m2);
                            a012 = TL.MultiplyAdd(w0, x12, a012);
                            if (TO.V > 1) a112 = TL.MultiplyAdd(w1, x12, a112);
                        }
                        if (TR.V > 2)
                        {
                            TV x22 = Load<TV, TL, TM>(p + r2 + 2 * l, m2);
                            a022 = TL.MultiplyAdd(w0, x22, a022);
                            if (TO.V > 1) a122 = TL.MultiplyAdd(w1, x22, a122);
                        }
                        if (TR.V > 3)
                        {
                            TV x32 = Load<TV, TL, TM>(p + r3 + 2 * l, m2);
                            a032 = TL.MultiplyAdd(w0, x32, a032);
                            if (TO.V > 1) a132 = TL.MultiplyAdd(w1, x32, a132);
                        }
                    }
                }
            }

            StoreRows<TV, TL, TC, TM, TR>(Y, a000, a001, a002, a010, a011, a012, a020, a021, a022, a030, a031, a032, m0, m1, m2);
            if (TO.V > 1)
                StoreRows<TV, TL, TC, TM, TR>(Y + YChannel, a100, a101, a102, a110, a111, a112, a120, a121, a122, a130, a131, a132, m0, m1, m2);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly void StoreRows<TV, TL, TC, TM, TR>(float* y, TV a00, TV a01, TV a02, TV a10, TV a11, TV a12,
            TV a20, TV a21, TV a22, TV a30, TV a31, TV a32, TV m0, TV m1, TV m2)
            where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount
            where TM : struct, ILoadMode where TR : struct, IVectorCount
        {
            Store<TV, TL, TC, TM>(y, a00, a01, a02, m0, m1, m2);
            if (TR.V > 1) Store<TV, TL, TC, TM>(y + OutputRowStep, a10, a11, a12, m0, m1, m2);
            if (TR.V > 2) Store<TV, TL, TC, TM>(y + 2 * OutputRowStep, a20, a21, a22, m0, m1, m2);
            if (TR.V > 3) Store<TV, TL, TC, TM>(y + 3 * OutputRowStep, a30, a31, a32, m0, m1, m2);
        }
    }

    // One vector, under its mask when the mode is masked (the other lanes read as zero and are never written).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Load<TV, TL, TM>(float* p, TV mask) where TV : struct where TL : struct, IVectorLanes<TV> where TM : struct, ILoadMode =>
        TM.IsMasked ? TL.Load(p, mask) : TL.Load(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Store<TV, TL, TM>(float* p, TV value, TV mask) where TV : struct where TL : struct, IVectorLanes<TV> where TM : struct, ILoadMode
    {
        if (TM.IsMasked) TL.Store(p, value, mask);
        else TL.Store(p, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TV, TL, TC, TM>(float* y, TV a0, TV a1, TV a2, TV m0, TV m1, TV m2)
        where TV : struct where TL : struct, IVectorLanes<TV> where TC : struct, IVectorCount where TM : struct, ILoadMode
    {
        int l = TL.Count;
        Store<TV, TL, TM>(y, a0, m0);
        if (TC.V > 1) Store<TV, TL, TM>(y + l, a1, m1);
        if (TC.V > 2) Store<TV, TL, TM>(y + 2 * l, a2, m2);
    }
}
