using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GanDsl.IO;
using GanDsl.Tensors;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Evaluation;

/// <summary>Why cached weights were not loaded; anything but <see cref="Loaded"/> means "retrain".</summary>
public enum WeightsStatus
{
    /// <summary>The weights loaded and their SHA-256 matched.</summary>
    Loaded,

    /// <summary>The weights file or its <c>.sha256</c> file does not exist.</summary>
    Missing,

    /// <summary>The weights file's SHA-256 is not the one recorded next to it (a partial or edited file).</summary>
    HashMismatch,

    /// <summary>The file is not a classifier GanDsl can load (unreadable, another architecture, wrong tensor names or shapes).</summary>
    Invalid,
}

/// <summary>The outcome of <see cref="ClassifierWeights.TryLoad"/>: the classifier when loaded, otherwise the reason in one sentence.</summary>
public sealed record WeightsLoadResult(WeightsStatus Status, DomainClassifier? Classifier, string Message)
{
    /// <summary>True when <see cref="Classifier"/> holds the loaded weights.</summary>
    public bool IsLoaded => Status == WeightsStatus.Loaded;
}

/// <summary>
/// Saves a classifier as a safetensors file (the checkpoints' format: PyTorch state-dict names, F32, architecture in
/// <c>__metadata__</c>) with its SHA-256 in <c>FILE.sha256</c> (sha256sum format), and loads it back only when the hash matches.
/// </summary>
public static class ClassifierWeights
{
    private const string ArchitectureKey = "gandsl_classifier";

    /// <summary>Where the SHA-256 of <paramref name="weightsPath"/> is kept: the same path with <c>.sha256</c> appended.</summary>
    public static string HashPath(string weightsPath) => weightsPath + ".sha256";

    /// <summary>Writes the weights, then the hash (each atomically), so a crash never leaves a hash that vouches for a partial file.</summary>
    public static void Save(DomainClassifier classifier, string path)
    {
        var bytes = Serialize(classifier);
        AtomicFile.WriteAllBytes(path, bytes);
        var line = Convert.ToHexStringLower(SHA256.HashData(bytes)) + "  " + Path.GetFileName(path) + "\n";
        AtomicFile.WriteAllBytes(HashPath(path), Encoding.ASCII.GetBytes(line));
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
            if (!metadata.TryGetValue(ArchitectureKey, out var stored) || stored != Fingerprint(architecture))
                return new(WeightsStatus.Invalid, null, $"The classifier weights at {path} were saved for another architecture or training recipe; they will be retrained.");
            classifier.Network.LoadStateDict(state);
            classifier.Network.Eval();
            return new(WeightsStatus.Loaded, classifier, $"Loaded classifier weights from {path}.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException or InvalidDataException or KeyNotFoundException)
        {
            return new(WeightsStatus.Invalid, null, $"The classifier weights at {path} cannot be read ({e.Message.TrimEnd('.')}); they will be retrained.");
        }
    }

    private static byte[] Serialize(DomainClassifier classifier) =>
        SafeTensors.Serialize(classifier.Network.StateDict().Select(e => new SafeTensorsEntry(e.Name, e.Value)).ToList(),
            new Dictionary<string, string> { [ArchitectureKey] = Fingerprint(classifier.Architecture) });

    // Network and recipe together: weights from an older recipe are as stale as weights of another network.
    private static string Fingerprint(ClassifierArchitecture architecture) => architecture.Fingerprint + ";" + ClassifierTraining.Recipe;

    private static (Dictionary<string, Tensor> State, IReadOnlyDictionary<string, string> Metadata) Deserialize(byte[] bytes) =>
        (SafeTensors.Deserialize(bytes).ToDictionary(e => e.Name, e => e.Value), SafeTensors.ReadMetadata(bytes));
}
