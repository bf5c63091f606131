using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using GanDsl.Tensors;

namespace GanDsl.Training.Checkpoints;

/// <summary>How a tensor is stored in a safetensors file.</summary>
public enum SafeTensorsDType
{
    /// <summary>32-bit floats, little-endian: weights, buffers and optimizer moments.</summary>
    F32,

    /// <summary>Whole numbers held by float tensors in memory (batch norm's num_batches_tracked), stored as int64 as PyTorch does.</summary>
    I64,
}

/// <summary>One named tensor of a safetensors file.</summary>
public sealed record SafeTensorsEntry(string Name, Tensor Value, SafeTensorsDType DType = SafeTensorsDType.F32);

/// <summary>
/// The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header mapping each name to
/// dtype, shape and [begin, end) data offsets (plus optional string metadata under <c>__metadata__</c>), padded with spaces
/// to 8 bytes, then the little-endian data. Entries are written in the given order, so the bytes are deterministic.
/// </summary>
public static class SafeTensors
{
    private const ulong MaxHeaderBytes = 100_000_000; // the reference implementation's limit

    /// <summary>
    /// The file's bytes for <paramref name="entries"/> (in their order) and optional string <paramref name="metadata"/>; PyTorch's
    /// <c>safetensors.torch.load_file</c> reads them as a state dict.
    /// </summary>
    public static byte[] Serialize(IReadOnlyList<SafeTensorsEntry> entries, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var header = new MemoryStream();
        long offset = 0;
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (k, v) in metadata) json.WriteString(k, v);
                json.WriteEndObject();
            }
            foreach (var e in entries)
            {
                long size = (long)e.Value.Size * (e.DType == SafeTensorsDType.I64 ? 8 : 4);
                json.WriteStartObject(e.Name);
                json.WriteString("dtype", e.DType.ToString());
                json.WriteStartArray("shape");
                foreach (var d in e.Value.Shape.Dims) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + size);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += size;
            }
            json.WriteEndObject();
        }
        int headerLength = (int)header.Length;
        int padded = (headerLength + 7) / 8 * 8;
        var bytes = new byte[8 + padded + offset];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        header.GetBuffer().AsSpan(0, headerLength).CopyTo(bytes.AsSpan(8));
        bytes.AsSpan(8 + headerLength, padded - headerLength).Fill((byte)' ');
        int at = 8 + padded;
        foreach (var e in entries)
        {
            foreach (var v in e.Value.Data)
            {
                if (e.DType == SafeTensorsDType.I64)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at), checked((long)v));
                    at += 8;
                }
                else
                {
                    BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), v);
                    at += 4;
                }
            }
        }
        return bytes;
    }

    /// <summary>The string pairs of a safetensors file's <c>__metadata__</c> (empty when it has none).</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8) throw new FormatException($"it has {bytes.Length} bytes, fewer than the 8-byte header length");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes || headerLength > (ulong)(bytes.Length - 8))
            throw new FormatException($"its header claims {headerLength} bytes but the file has {bytes.Length - 8} after the length");
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(bytes.Slice(8, (int)headerLength)));
            if (doc.RootElement.TryGetProperty("__metadata__", out var meta))
                foreach (var m in meta.EnumerateObject()) metadata[m.Name] = m.Value.GetString() ?? "";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException("its JSON header cannot be read", e);
        }
        return metadata;
    }

    /// <summary>
    /// Parses a safetensors file into float tensors in file order (int64 values converted), refusing anything malformed
    /// with <see cref="FormatException"/>: a truncated file, a bad header, unknown dtypes, or offsets that do not tile the data.
    /// </summary>
    public static IReadOnlyList<SafeTensorsEntry> Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8) throw new FormatException($"it has {bytes.Length} bytes, fewer than the 8-byte header length");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes || headerLength > (ulong)(bytes.Length - 8))
            throw new FormatException($"its header claims {headerLength} bytes but the file has {bytes.Length - 8} after the length");
        var data = bytes[(8 + (int)headerLength)..];
        var found = new List<(string Name, SafeTensorsDType DType, int[] Shape, long Begin, long End)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(bytes.Slice(8, (int)headerLength)));
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (prop.Name == "__metadata__") continue;
                if (!names.Add(prop.Name)) throw new FormatException($"tensor {prop.Name} appears twice in the header");
                var dtypeText = prop.Value.GetProperty("dtype").GetString();
                if (!Enum.TryParse<SafeTensorsDType>(dtypeText, out var dtype) || dtypeText is not ("F32" or "I64"))
                    throw new FormatException($"tensor {prop.Name} has dtype {dtypeText}, not F32 or I64");
                var shape = prop.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
                var offsets = prop.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
                if (offsets.Length != 2) throw new FormatException($"tensor {prop.Name} does not have two data offsets");
                found.Add((prop.Name, dtype, shape, offsets[0], offsets[1]));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new FormatException("its JSON header cannot be read", e);
        }

        // The data must be tiled exactly: no gaps, no overlaps, nothing missing at the end.
        long expectedBegin = 0;
        var result = new List<SafeTensorsEntry>();
        foreach (var t in found.OrderBy(f => f.Begin))
        {
            long count = 1;
            foreach (var d in t.Shape)
            {
                if (d < 0) throw new FormatException($"tensor {t.Name} has a negative dimension");
                count *= d;
            }
            long size = count * (t.DType == SafeTensorsDType.I64 ? 8 : 4);
            if (t.Begin != expectedBegin || t.End - t.Begin != size || t.End > data.Length)
                throw new FormatException($"tensor {t.Name} has data offsets [{t.Begin}, {t.End}) that do not fit its shape or the file");
            var tensor = new Tensor(new Shape(t.Shape));
            var src = data[(int)t.Begin..(int)t.End];
            for (int i = 0; i < tensor.Size; i++)
                tensor.Data[i] = t.DType == SafeTensorsDType.I64
                    ? BinaryPrimitives.ReadInt64LittleEndian(src[(i * 8)..])
                    : BinaryPrimitives.ReadSingleLittleEndian(src[(i * 4)..]);
            result.Add(new SafeTensorsEntry(t.Name, tensor, t.DType));
            expectedBegin = t.End;
        }
        if (expectedBegin != data.Length)
            throw new FormatException($"its data section has {data.Length} bytes but the header describes {expectedBegin}");
        var byName = result.ToDictionary(r => r.Name, StringComparer.Ordinal);
        return found.Select(f => byName[f.Name]).ToList();
    }
}
