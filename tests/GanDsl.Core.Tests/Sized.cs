using CsCheck;

namespace GanDsl.Core.Tests;

/// <summary>
/// The draws the properties' parameters had under FsCheck, kept when they moved to CsCheck. FsCheck bounds these types by
/// a test size that grows to 100 over a run; here each is uniform over that whole range. Bytes and bools were uniform over
/// all their values there too, and are <c>Gen.Byte</c> and <c>Gen.Bool</c>.
/// </summary>
internal static class Sized
{
    /// <summary>FsCheck's <c>int</c>: −size … size.</summary>
    public static readonly Gen<int> Int = Gen.Int[-100, 100];

    /// <summary>FsCheck's <c>PositiveInt</c>.</summary>
    public static readonly Gen<int> PositiveInt = Gen.Int[1, 100];

    /// <summary>FsCheck's <c>NonNegativeInt</c>.</summary>
    public static readonly Gen<int> NonNegativeInt = Gen.Int[0, 100];

    /// <summary>FsCheck's <c>ulong</c>: 0 … size.</summary>
    public static readonly Gen<ulong> ULong = Gen.ULong[0, 100];

    /// <summary>FsCheck's <c>NormalFloat</c>, built as it was: a uniform fraction of size, either sign.</summary>
    public static readonly Gen<double> NormalFloat = Gen.Select(Gen.Double.Unit, Gen.Bool, (f, negative) => negative ? -100 * f : 100 * f);

    /// <summary>FsCheck's <c>byte[]</c>: up to size elements.</summary>
    public static readonly Gen<byte[]> Bytes = Gen.Byte.Array[0, 100];

    /// <summary>FsCheck's <c>NonEmptyArray&lt;byte&gt;</c>.</summary>
    public static readonly Gen<byte[]> NonEmptyBytes = Gen.Byte.Array[1, 100];
}
