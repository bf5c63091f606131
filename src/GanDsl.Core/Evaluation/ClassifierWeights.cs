using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GanDsl.Tensors;

namespace GanDsl.Evaluation;

/// <summary>Why cached weights were not loaded; anything but <see cref="Loaded"/> means "retrain".</summary>
public enum WeightsStatus { Loaded, Missing, HashMismatch, Invalid }

/// <summary>The outcome of <see cref="ClassifierWeights.TryLoad"/>: the classifier when loaded, otherwise the reason in one sentence.</summary>
public sealed record WeightsLoadResult(WeightsStatus Status, DomainClassifier? Classifier, string Message)
{
    public bool IsLoaded => Status == WeightsStatus.Loaded;
}

/// <summary>
/// Saves a classifier as a safetensors file (PyTorch state-dict names, F32 little-endian, architecture in
/// <c>__metadata__</c>) with its SHA-256 in <c>FILE.sha256</c> (sha256sum format), and loads it back only when the hash matches.
/// </summary>
public static class ClassifierWeights
{
    private const string ArchitectureKey = "gandsl_classifier";

    public static string HashPath(string weightsPath) => weightsPath + ".sha256";

    /// <summary>Writes the weights, then the hash (each atomically), so a crash never leaves a hash that vouches for a partial file.</summary>
    public static void Save(DomainClassifier classifier, string path)
    {
        var bytes = Serialize(classifier);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        WriteAtomically(path, bytes);
        var line = Convert.ToHexStringLower(SHA256.HashData(bytes)) + "  " + Path.GetFileName(path) + "\n";
        WriteAtomically(HashPath(path), Encoding.ASCII.GetBytes(line));
    }

    /// <summary>Loads weights saved by <see cref="Save"/> for <paramref name="architecture"/>, verifying the SHA-256 first.</summary>
    public static WeightsLoadResult TryLoad(string path, ClassifierArchitecture? architecture = null)
    {
        architecture ??= ClassifierArchitecture.Default;
        if (!File.Exists(path) || !File.Exists(HashPath(path)))
            return new(WeightsStatus.Missing, null, $"No cached classifier weights with a hash at {path}; the classifier will be trained.");
        var bytes = File.ReadAllBytes(path);
        var recorded = File.ReadAllText(HashPath(path)).Split(' ', 2)[0].Trim();
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(recorded, actual, StringComparison.OrdinalIgnoreCase))
            return new(WeightsStatus.HashMismatch, null, $"The classifier weights at {path} do not match their SHA-256; they will be retrained.");
        try
        {
            var classifier = new DomainClassifier(0, architecture);
            var (state, metadata) = Deserialize(bytes);
            if (!metadata.TryGetValue(ArchitectureKey, out var stored) || stored != architecture.Fingerprint)
                return new(WeightsStatus.Invalid, null, $"The classifier weights at {path} were saved for another architecture; they will be retrained.");
            classifier.Network.LoadStateDict(state);
            classifier.Network.Eval();
            return new(WeightsStatus.Loaded, classifier, $"Loaded classifier weights from {path}.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException or InvalidDataException or KeyNotFoundException)
        {
            return new(WeightsStatus.Invalid, null, $"The classifier weights at {path} cannot be read ({e.Message.TrimEnd('.')}); they will be retrained.");
        }
    }

    private static byte[] Serialize(DomainClassifier classifier)
    {
        var state = classifier.Network.StateDict();
        using var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            json.WriteString(ArchitectureKey, classifier.Architecture.Fingerprint);
            json.WriteEndObject();
            long offset = 0;
            foreach (var (name, tensor) in state)
            {
                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (int d in tensor.Shape.Dims) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset += 4L * tensor.Size);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        // The safetensors header is padded with spaces to a multiple of 8 bytes.
        var headerBytes = header.ToArray().Concat(Enumerable.Repeat((byte)' ', (8 - (int)(header.Length % 8)) % 8)).ToArray();
        using var output = new MemoryStream();
        Span<byte> word = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(word, (ulong)headerBytes.Length);
        output.Write(word);
        output.Write(headerBytes);
        foreach (var (_, tensor) in state)
            foreach (float v in tensor.Data)
            {
                BinaryPrimitives.WriteSingleLittleEndian(word, v);
                output.Write(word[..4]);
            }
        return output.ToArray();
    }

    private static (Dictionary<string, Tensor> State, Dictionary<string, string> Metadata) Deserialize(byte[] bytes)
    {
        if (bytes.Length < 8) throw new InvalidDataException("the file is shorter than a safetensors header");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8)) throw new InvalidDataException("the header length exceeds the file");
        int dataStart = 8 + (int)headerLength;
        using var doc = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        var state = new Dictionary<string, Tensor>();
        var metadata = new Dictionary<string, string>();
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__")
            {
                foreach (var m in entry.Value.EnumerateObject()) metadata[m.Name] = m.Value.GetString() ?? "";
                continue;
            }
            if (entry.Value.GetProperty("dtype").GetString() != "F32") throw new InvalidDataException($"tensor {entry.Name} is not F32");
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(o => o.GetInt64()).ToArray();
            var tensor = new Tensor(new Shape(shape));
            if (offsets.Length != 2 || offsets[1] - offsets[0] != 4L * tensor.Size || dataStart + offsets[1] > bytes.Length)
                throw new InvalidDataException($"tensor {entry.Name} has inconsistent data offsets");
            for (int i = 0; i < tensor.Size; i++)
                tensor.Data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(dataStart + (int)offsets[0] + 4 * i, 4));
            state[entry.Name] = tensor;
        }
        return (state, metadata);
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
