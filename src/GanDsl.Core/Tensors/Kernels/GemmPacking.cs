using System.Runtime.Intrinsics;

namespace GanDsl.Tensors.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the panel layout the micro-kernels stream through:
/// A as MR-row panels (MR values per k step), B as NR-column panels (NR values per k step),
/// zero-padded at ragged edges so every kernel call computes a full MR×NR tile. The transposes
/// are absorbed here, so one kernel serves all four variants.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>Packs rows [i0, i0+rows) and k range [p0, p0+kc) of op(A) into <paramref name="dst"/>.</summary>
    public static void PackA(int mr, bool transA, float* a, nint lda, int i0, int rows, int p0, int kc, float* dst)
    {
        for (int q = 0; q < rows; q += mr)
        {
            int h = Math.Min(mr, rows - q);
            float* panel = dst + (nint)q * kc;
            if (transA)
                CopyRows(a + (nint)p0 * lda + i0 + q, lda, kc, h, panel, mr);
            else
                Transpose(a + (nint)(i0 + q) * lda + p0, lda, h, kc, panel, mr);
        }
    }

    /// <summary>Packs columns [j0, j0+cols) and k range [p0, p0+kc) of op(B) into <paramref name="dst"/>.</summary>
    public static void PackB(int nr, bool transB, float* b, nint ldb, int j0, int cols, int p0, int kc, float* dst)
    {
        for (int q = 0; q < cols; q += nr)
        {
            int w = Math.Min(nr, cols - q);
            float* panel = dst + (nint)q * kc;
            if (transB)
                Transpose(b + (nint)(j0 + q) * ldb + p0, ldb, w, kc, panel, nr);
            else
                CopyRows(b + (nint)p0 * ldb + j0 + q, ldb, kc, w, panel, nr);
        }
    }

    // Source rows of `width` contiguous values (stride ld), one per k step: a straight copy per step (in line: a call to
    // memmove per step of a 32-float panel cost more than the copy), zeros past the width.
    private static void CopyRows(float* src, nint ld, int kc, int width, float* dst, int panel)
    {
        // Full panels of a kernel's A read down a transposed operand's rows (a weight gradient's dy): one 8-wide copy a
        // step. ShortCopy would take six scalar copies (AVX2) or a masked 512-bit pair (AVX-512), which cost the MLP GAN's
        // step 1.5 % on the Zen 5.
        int first = 0;
        if (width == 8 && panel == 8 && Vector256.IsHardwareAccelerated)
        {
            for (; first < kc; first++)
                Vector256.Store(Vector256.Load(src + first * ld), dst + (nint)first * 8);
            return;
        }

        if (width == 6 && panel == 6 && Vector256.IsHardwareAccelerated)
        {
            // The last two floats of each copy land in the next step's slots, which that step rewrites, and the source
            // read stays inside the next stored row; the last step goes through the exact loop below.
            for (; first < kc - 1; first++)
                Vector256.Store(Vector256.Load(src + first * ld), dst + (nint)first * 6);
        }

        for (int p = first; p < kc; p++)
        {
            float* d = dst + (nint)p * panel;
            ShortCopy.Floats(src + p * ld, d, width);
            for (int x = width; x < panel; x++) d[x] = 0f;
        }
    }

    // Source holds `count` lines of kc contiguous values (stride ld); the panel wants them interleaved per k step
    // (dst[p·panel + x] = src[x·ld + p], zeros for x from count to panel).
    internal static void Transpose(float* src, nint ld, int count, int kc, float* dst, int panel)
    {
        int fullLines = 0, fullSteps = 0;
        if (Transpose8x8.IsSupported && count == 6 && panel == 6) // a full panel of the AVX2 kernel's A
        {
            // A block's 8-wide stores spill two floats past its 8 steps, into slots the next block (or the loop below)
            // rewrites; the range's last 8 steps are left to that loop, so nothing is written past the panel.
            fullLines = 6;
            fullSteps = Math.Max(0, (kc - 1) & ~7);
            for (int p0 = 0; p0 < fullSteps; p0 += 8)
                Transpose8x8.Block(src + p0, ld, dst + (nint)p0 * 6, 6, rows: 6);
        }
        else if (Transpose8x8.IsSupported)
        {
            fullLines = count & ~7;
            fullSteps = kc & ~7;
            // Eight lines at a time along all of k: lines a power-of-two stride apart (a weight of 512 or 1024 inputs)
            // fall in one L1 set, so reading all 32 of a panel at each k step evicted them before their next 8 steps.
            for (int x0 = 0; x0 < fullLines; x0 += 8)
                for (int p0 = 0; p0 < fullSteps; p0 += 8)
                    Transpose8x8.Block(src + x0 * ld + p0, ld, dst + (nint)p0 * panel + x0, panel);
        }

        // The rest element by element: leftover k steps for the blocked lines, then the leftover lines.
        for (int x = 0; x < fullLines; x++)
        {
            float* s = src + x * ld;
            for (int p = fullSteps; p < kc; p++) dst[(nint)p * panel + x] = s[p];
        }

        const int Block = 8; // walk k in short runs so the remaining source lines stay in L1 together
        for (int p0 = 0; p0 < kc; p0 += Block)
        {
            int pe = Math.Min(p0 + Block, kc);
            for (int x = fullLines; x < count; x++)
            {
                float* s = src + x * ld;
                for (int p = p0; p < pe; p++) dst[(nint)p * panel + x] = s[p];
            }

            for (int x = count; x < panel; x++)
                for (int p = p0; p < pe; p++) dst[(nint)p * panel + x] = 0f;
        }
    }
}
