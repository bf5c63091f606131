namespace GanDsl.Tensors;

/// <summary>
/// A seeded, reproducible random source (xoshiro256**, seeded by SplitMix64). Its state is four words that
/// a checkpoint can save and restore, so a resumed run draws exactly the numbers an uninterrupted one would.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;
    private float _spareNormal;
    private bool _hasSpare;

    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    /// <summary>Uniform in [0, 1) with 24 bits of precision (every value exactly representable as float).</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>Uniform in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), "The upper bound must be positive.");
        return (int)((NextUInt64() >> 33) % (ulong)maxExclusive);
    }

    /// <summary>Standard normal sample (Box-Muller in double precision, pairs cached).</summary>
    public float NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }
        double u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        double u2 = NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = (float)(r * Math.Sin(2 * Math.PI * u2));
        _hasSpare = true;
        return (float)(r * Math.Cos(2 * Math.PI * u2));
    }

    public void FillNormal(Span<float> dest, float mean = 0f, float std = 1f)
    {
        for (int i = 0; i < dest.Length; i++) dest[i] = mean + std * NextNormal();
    }

    public void FillUniform(Span<float> dest, float low, float high)
    {
        for (int i = 0; i < dest.Length; i++) dest[i] = low + (high - low) * NextFloat();
    }

    /// <summary>
    /// dest[i] = <paramref name="hit"/> where <see cref="NextFloat"/> &lt; <paramref name="probability"/>, else <paramref name="miss"/>:
    /// the same draws and the same outcomes as that loop, but on local copies of the state (fields are reloaded and
    /// stored on every call otherwise) and compared as integers, which is exact: NextFloat is u·2⁻²⁴ for the top 24 bits u.
    /// </summary>
    public void FillBelow(Span<float> dest, float probability, float hit, float miss)
    {
        ulong threshold = (ulong)Math.Ceiling((double)probability * (1 << 24)); // u·2⁻²⁴ < p  ⇔  u < ⌈p·2²⁴⌉
        ulong s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
        for (int i = 0; i < dest.Length; i++)
        {
            ulong result = RotateLeft(s1 * 5, 7) * 9;
            ulong t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = RotateLeft(s3, 45);
            dest[i] = (result >> 40) < threshold ? hit : miss;
        }
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
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
        get => new(_s0, _s1, _s2, _s3, _hasSpare, _spareNormal);
        set
        {
            (_s0, _s1, _s2, _s3) = (value.S0, value.S1, value.S2, value.S3);
            _hasSpare = value.HasSpare;
            _spareNormal = value.Spare;
        }
    }
}

/// <summary>A snapshot of an <see cref="Rng"/>.</summary>
public readonly record struct RngState(ulong S0, ulong S1, ulong S2, ulong S3, bool HasSpare, float Spare);
