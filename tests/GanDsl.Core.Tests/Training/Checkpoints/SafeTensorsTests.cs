using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using CsCheck;
using GanDsl.Tensors;
using GanDsl.Tests;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Core.Tests.Training.Checkpoints;

public class SafeTensorsTests
{
    private static SafeTensorsEntry[] Sample() =>
    [
        new("0.weight", Tensor.FromArray(new[] { 1.5f, -2f, 3.25f, float.Epsilon, -0f, 1e30f }, 2, 3)),
        new("1.num_batches_tracked", Tensor.Scalar(12345f), SafeTensorsDType.I64),
        new("empty", Tensor.Zeros(0, 4)),
    ];

    [Fact]
    public void The_layout_is_a_little_endian_length_an_aligned_json_header_and_the_data()
    {
        var bytes = SafeTensors.Serialize(Sample());
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0UL, n % 8);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, (int)n));
        var nbt = header.RootElement.GetProperty("1.num_batches_tracked");
        Assert.Equal("I64", nbt.GetProperty("dtype").GetString());
        Assert.Equal(0, nbt.GetProperty("shape").GetArrayLength());
        Assert.Equal(new long[] { 24, 32 }, nbt.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(12345L, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8 + (int)n + 24)));
        Assert.Equal(8 + (int)n + 32, bytes.Length);
    }

    [Fact]
    public void Round_trips_every_value_and_shape() =>
        Gen.Select(Sized.Int, Gen.Byte, Gen.Byte).ForAll((seed, rows, cols) =>
    {
        var rng = new Rng((ulong)seed);
        var t = new Tensor(new Shape(rows % 5, 1 + cols % 7));
        rng.FillNormal(t.Data);
        var back = SafeTensors.Deserialize(SafeTensors.Serialize([new("x", t), new("n", Tensor.Scalar(rows), SafeTensorsDType.I64)]));
        Assert.Equal(new[] { "x", "n" }, back.Select(e => e.Name));
        Assert.Equal(t.Shape, back[0].Value.Shape);
        Assert.Equal(t.Data, back[0].Value.Data);
        Assert.Equal((float)rows, back[1].Value.Item());
        Assert.Equal(SafeTensorsDType.I64, back[1].DType);
    }, iter: 50);

    [Fact]
    public void Truncated_or_malformed_files_are_refused()
    {
        var bytes = SafeTensors.Serialize(Sample());
        Assert.Throws<FormatException>(() => SafeTensors.Deserialize(bytes.AsSpan(0, 5)));
        Assert.Contains("header claims", Assert.Throws<FormatException>(() => SafeTensors.Deserialize(bytes.AsSpan(0, 20))).Message);
        Assert.Contains("do not fit", Assert.Throws<FormatException>(() => SafeTensors.Deserialize(bytes.AsSpan(0, bytes.Length - 4))).Message);
        Assert.Contains("data section", Assert.Throws<FormatException>(() => SafeTensors.Deserialize([.. bytes, 0, 0, 0, 0])).Message);
        var badHeader = (byte[])bytes.Clone();
        badHeader[9] = (byte)'#';
        Assert.Contains("JSON header", Assert.Throws<FormatException>(() => SafeTensors.Deserialize(badHeader)).Message);
    }
}
