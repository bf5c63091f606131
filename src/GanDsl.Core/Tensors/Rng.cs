using GanDsl.Tensors.Kernels;

namespace GanDsl.Tensors;

/// <summary>
/// A seeded, reproducible random source (xoshiro256**, seeded by SplitMix64). Its state is four words that
/// a checkpoint can save and restore, so a resumed run draws exactly the numbers an uninterrupted one would.
/// </summary>
public sealed unsafe class Rng
{
    private Xoshiro256 _state;
    private float _spareNormal;
    private bool _hasSpare;

    /// <summary>A generator whose whole sequence is fixed by <paramref name="seed"/> (SplitMix64 expands it to the 256-bit state).</summary>
    public Rng(ulong seed)
    {
        ulong x = seed;
        _state = new Xoshiro256(SplitMix(ref x), SplitMix(ref x), SplitMix(ref x), SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 uniformly random bits.</summary>
    public ulong NextUInt64() => _state.Next();

    /// <summary>Uniform in [0, 1) with 24 bits of precision (every value exactly representable as float).</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble() => ToDouble(NextUInt64());

    private static double ToDouble(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), "The upper bound must be positive.");
        return (int)((NextUInt64() >> 33) % (ulong)maxExclusive);
    }

    /// <summary>
    /// Standard normal sample: Box–Muller in double precision on two uniform draws (u1 = 1 − the first, in (0, 1]; u2 the
    /// second), which gives a pair; the cosine's member is returned and the sine's kept for the next call.
    /// </summary>
    public float NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }
        double u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        double u2 = NextDouble();
        var (cos, sin) = NormalPairs.One(u1, u2);
        _spareNormal = (float)sin;
        _hasSpare = true;
        return (float)cos;
    }

    /// <summary>
    /// Fills <paramref name="dest"/> with normal samples of mean <paramref name="mean"/> and standard deviation <paramref name="std"/>
    /// (<c>Tensor.normal_</c>): the values, and the state left behind, of one <see cref="NextNormal"/> per element, with
    /// the pairs' arithmetic in vectors.
    /// </summary>
    public void FillNormal(Span<float> dest, float mean = 0f, float std = 1f)
    {
        int i = 0;
        if (_hasSpare && dest.Length > 0) dest[i++] = mean + std * NextNormal();
        const int Chunk = 128;
        double* u1 = stackalloc double[Chunk], u2 = stackalloc double[Chunk], cos = stackalloc double[Chunk], sin = stackalloc double[Chunk];
        while (dest.Length - i >= 2)
        {
            int pairs = Math.Min(Chunk, (dest.Length - i) / 2);
            var state = _state; // a local copy: a field would be reloaded and stored on every draw
            for (int p = 0; p < pairs; p++)
            {
                u1[p] = 1.0 - ToDouble(state.Next());
                u2[p] = ToDouble(state.Next());
            }
            _state = state;
            NormalPairs.Transform(u1, u2, cos, sin, pairs);
            for (int p = 0; p < pairs; p++, i += 2)
            {
                dest[i] = mean + std * (float)cos[p];
                dest[i + 1] = mean + std * (float)sin[p];
            }
            _spareNormal = (float)sin[pairs - 1]; // where NextNormal leaves a consumed spare: the state is the same
        }

        if (i < dest.Length) dest[i] = mean + std * NextNormal(); // an odd one out leaves its pair's sine as the spare
    }

    /// <summary>
    /// Fills <paramref name="dest"/> with standard normal samples truncated to [−<paramref name="bound"/>, <paramref name="bound"/>]:
    /// a value outside is drawn again until it falls inside (BigGAN's truncation trick). Below about 0.05 most draws are
    /// rejected, so the bound must be at least that.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not a finite number of at least 0.05.</exception>
    public void FillTruncatedNormal(Span<float> dest, float bound)
    {
        if (!(bound >= MinTruncation) || !float.IsFinite(bound))
            throw new ArgumentOutOfRangeException(nameof(bound), $"The truncation bound must be a finite number of at least {MinTruncation} but is {bound}.");
        for (int i = 0; i < dest.Length; i++)
        {
            float v;
            do v = NextNormal(); while (MathF.Abs(v) > bound);
            dest[i] = v;
        }
    }

    /// <summary>The smallest bound <see cref="FillTruncatedNormal"/> takes (about 4 % of draws fall inside ±0.05).</summary>
    public const float MinTruncation = 0.05f;

    /// <summary>Fills <paramref name="dest"/> with uniform samples in [<paramref name="low"/>, <paramref name="high"/>) (<c>Tensor.uniform_</c>).</summary>
    public void FillUniform(Span<float> dest, float low, float high)
    {
        for (int i = 0; i < dest.Length; i++) dest[i] = low + (high - low) * NextFloat();
    }

    /// <summary>
    /// dest[i] = <paramref name="hit"/> with probability <paramref name="probability"/>, else <paramref name="miss"/>
    /// (dropout masks). Each draw yields two 24-bit uniforms u (bits 63–40 for an even i, bits 39–16 for the odd i
    /// after it; a last odd element takes a draw of its own), and the test u·2⁻²⁴ &lt; p is done exactly on integers
    /// as u &lt; ⌈p·2²⁴⌉. The state is a local copy (a field would be reloaded and stored on every draw), and the choice
    /// is a bit mask, not a branch: a branch taken at random mispredicts often enough to double the loop's time.
    /// </summary>
    public void FillBelow(Span<float> dest, float probability, float hit, float miss)
    {
        long threshold = (long)Math.Ceiling((double)probability * (1 << 24)); // u·2⁻²⁴ < p  ⇔  u < ⌈p·2²⁴⌉
        long hitBits = BitConverter.SingleToInt32Bits(hit), missBits = BitConverter.SingleToInt32Bits(miss);
        var state = _state;
        int i = 0;
        for (; i + 1 < dest.Length; i += 2)
        {
            ulong draw = state.Next();
            dest[i] = Choose((long)(draw >> 40), threshold, hitBits, missBits);
            dest[i + 1] = Choose((long)(draw >> 16) & 0xFFFFFF, threshold, hitBits, missBits);
        }

        if (i < dest.Length) dest[i] = Choose((long)(state.Next() >> 40), threshold, hitBits, missBits);
        _state = state;
    }

    private static float Choose(long uniform24, long threshold, long hitBits, long missBits)
    {
        long below = (uniform24 - threshold) >> 63; // all ones exactly when uniform24 < threshold
        return BitConverter.Int32BitsToSingle((int)((hitBits & below) | (missBits & ~below)));
    }

    /// <summary>In-place Fisher-Yates shuffle.</summary>
    public void Shuffle(Span<int> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The complete state, for checkpoints.</summary>
    public RngState State
    {
        get => new(_state.S0, _state.S1, _state.S2, _state.S3, _hasSpare, _spareNormal);
        set
        {
            _state = new Xoshiro256(value.S0, value.S1, value.S2, value.S3);
            _hasSpare = value.HasSpare;
            _spareNormal = value.Spare;
        }
    }
}

/// <summary>The xoshiro256** state and step; a struct so a bulk fill can run it in registers on a local copy.</summary>
internal struct Xoshiro256(ulong s0, ulong s1, ulong s2, ulong s3)
{
    public ulong S0 = s0, S1 = s1, S2 = s2, S3 = s3;

    public ulong Next()
    {
        ulong result = RotateLeft(S1 * 5, 7) * 9;
        ulong t = S1 << 17;
        S2 ^= S0;
        S3 ^= S1;
        S1 ^= S2;
        S0 ^= S3;
        S2 ^= t;
        S3 = RotateLeft(S3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

/// <summary>A snapshot of an <see cref="Rng"/>.</summary>
public readonly record struct RngState(ulong S0, ulong S1, ulong S2, ulong S3, bool HasSpare, float Spare);
