using System.Collections.Concurrent;
using System.Numerics.Tensors;
using GanDsl.Tensors;
using GanDsl.Tensors.Kernels;

namespace GanDsl.Core.Tests.Tensors.Kernels;

/// <summary>
/// A unary map split over the pool: parts of at least <see cref="UnaryMap.PartLength"/> covering the span once, and the bits
/// of one call over the whole span for tanh, exp, log and sqrt on one thread and on several.
/// </summary>
[Collection(nameof(GemmSerial))]
public class UnaryMapTests
{
    public static TheoryData<int> Lengths => new() { 100, 2 * UnaryMap.PartLength + 7, 3 * UnaryMap.PartLength, 3 * UnaryMap.PartLength + 5, 128 * 784 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SplitMapsGiveTheBitsOfOneCall(int length)
    {
        var rng = new Rng(5);
        var x = new float[length];
        rng.FillUniform(x, 0.01f, 6f); // inside every map's domain
        x[^1] = -3f;                    // tanh's negative side and NaN out of log and sqrt, in the ragged last part
        SpanMap[] maps = [TensorPrimitives.Tanh, TensorPrimitives.Exp, TensorPrimitives.Log, TensorPrimitives.Sqrt];
        foreach (var map in maps)
        {
            var expected = new float[length];
            map(x, expected);
            foreach (var threads in new[] { 1, 2, 3 })
            {
                using var scope = KernelSettings.Override(threads: threads);
                var y = new float[length];
                UnaryMap.Run(x, y, map);
                Assert.Equal(Bits(expected), Bits(y));
            }
        }
    }

    [Theory]
    [InlineData(3 * UnaryMap.PartLength + 5, 3)]
    [InlineData(7 * UnaryMap.PartLength, 7)]
    [InlineData(2 * UnaryMap.PartLength + 100, 1)] // two parts' worth stays in one call
    public void PartsCoverTheSpanOnceAndNoneIsShort(int length, int expectedParts)
    {
        var calls = new ConcurrentBag<int>();
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = i;
        var y = new float[length];
        using (KernelSettings.Override(threads: 2))
            UnaryMap.Run(x, y, (from, to) =>
            {
                calls.Add(from.Length);
                from.CopyTo(to);
            });
        Assert.Equal(expectedParts, calls.Count);
        Assert.Equal(length, calls.Sum());
        Assert.All(calls, n => Assert.True(n >= Math.Min(length, UnaryMap.PartLength), $"a part of {n} values"));
        Assert.Equal(x, y);
    }

    [Fact]
    public void MismatchedLengthsAreRefused() =>
        Assert.Throws<ArgumentException>(() => UnaryMap.Run(new float[4], new float[5], TensorPrimitives.Tanh));

    private static int[] Bits(float[] v) => v.Select(BitConverter.SingleToInt32Bits).ToArray();
}
