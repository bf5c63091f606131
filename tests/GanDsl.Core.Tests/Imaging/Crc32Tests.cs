using System.Text;
using CsCheck;
using GanDsl.Core.Tests;
using GanDsl.Imaging;

namespace GanDsl.Tests.Imaging;

public class Crc32Tests
{
    [Fact]
    public void MatchesTheStandardCheckValue() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void MatchesTheCrcOfAnEmptyIendChunk() =>
        Assert.Equal(0xAE426082u, Crc32.Compute(Encoding.ASCII.GetBytes("IEND")));

    [Fact]
    public void UpdatingInPiecesEqualsComputingAtOnce() =>
        Gen.Select(Sized.Bytes, Sized.Bytes).ForAll((first, second) =>
    {
        var whole = first.Concat(second).ToArray();
        uint chained = Crc32.Finish(Crc32.Update(Crc32.Update(0xFFFFFFFFu, first), second));
        return chained == Crc32.Compute(whole);
    }, iter: 100);

    [Fact]
    public void FlippingOneBitChangesTheCrc() =>
        Gen.Select(Sized.NonEmptyBytes, Sized.PositiveInt).ForAll((bytes, bit) =>
    {
        var flipped = (byte[])bytes.Clone();
        int index = bit % (bytes.Length * 8);
        flipped[index / 8] ^= (byte)(1 << (index % 8));
        return Crc32.Compute(bytes) != Crc32.Compute(flipped);
    }, iter: 100);
}
