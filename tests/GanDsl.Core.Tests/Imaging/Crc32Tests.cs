using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    [Property]
    public Property UpdatingInPiecesEqualsComputingAtOnce(byte[] first, byte[] second)
    {
        var whole = first.Concat(second).ToArray();
        uint chained = Crc32.Finish(Crc32.Update(Crc32.Update(0xFFFFFFFFu, first), second));
        return (chained == Crc32.Compute(whole)).ToProperty();
    }

    [Property]
    public Property FlippingOneBitChangesTheCrc(NonEmptyArray<byte> data, PositiveInt bit)
    {
        var bytes = data.Get;
        var flipped = (byte[])bytes.Clone();
        int index = bit.Get % (bytes.Length * 8);
        flipped[index / 8] ^= (byte)(1 << (index % 8));
        return (Crc32.Compute(bytes) != Crc32.Compute(flipped)).ToProperty();
    }
}
