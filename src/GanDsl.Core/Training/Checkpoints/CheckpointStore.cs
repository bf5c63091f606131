using System.Globalization;
using System.Security.Cryptography;
using GanDsl.IO;

namespace GanDsl.Training.Checkpoints;

/// <summary>
/// The checkpoints of one run under <c>RUN/checkpoints/step-NNNNNNN/</c>. A checkpoint is written into a hidden temporary
/// folder, each file flushed to disk, and only then renamed into place, so a crash mid-write leaves every earlier
/// checkpoint as it was and never a half-written <c>step-…</c> folder. Reading verifies each file's length and SHA-256
/// against state.json before parsing it.
/// </summary>
public sealed class CheckpointStore
{
    /// <summary>The store of the run in <paramref name="runDirectory"/>; nothing is created until the first <see cref="Save"/>.</summary>
    public CheckpointStore(string runDirectory) => Root = Path.Combine(runDirectory, "checkpoints");

    /// <summary>The <c>checkpoints</c> folder of the run.</summary>
    public string Root { get; }

    /// <summary>Test hook: runs after each file lands in the temporary folder (throw from it to simulate a crash).</summary>
    internal Action<string>? AfterFileWritten { get; init; }

    /// <summary>Completed checkpoint folders, oldest step first.</summary>
    public IReadOnlyList<string> List()
    {
        if (!Directory.Exists(Root)) return [];
        return Directory.GetDirectories(Root, "step-*")
            .Select(d => (Dir: d, Step: ParseStep(Path.GetFileName(d))))
            .Where(x => x.Step >= 0)
            .OrderBy(x => x.Step)
            .Select(x => x.Dir)
            .ToList();
    }

    /// <summary>The folder of the checkpoint with the most steps, or null when the run has none.</summary>
    public string? Latest() => List() is { Count: > 0 } all ? all[^1] : null;

    /// <summary>Writes the checkpoint atomically and returns its folder; an existing folder of the same step is replaced.</summary>
    public string Save(Checkpoint checkpoint)
    {
        string final = Path.Combine(Root, Checkpoint.FolderName(checkpoint.State.Step));
        var files = new List<(string Name, byte[] Bytes)>
        {
            (Checkpoint.GeneratorFile, SafeTensors.Serialize(checkpoint.Generator)),
            (Checkpoint.DiscriminatorFile, SafeTensors.Serialize(checkpoint.Discriminator)),
            (Checkpoint.OptimizerFile, SafeTensors.Serialize(checkpoint.Optimizer)),
        };
        if (checkpoint.GeneratorEma is { } ema) files.Add((Checkpoint.GeneratorEmaFile, SafeTensors.Serialize(ema)));
        var digests = files.Select(f => new FileDigest(f.Name, f.Bytes.Length, Convert.ToHexStringLower(SHA256.HashData(f.Bytes)))).ToList();
        files.Add((Checkpoint.StateFile, (checkpoint.State with { Files = digests }).ToJson())); // last: its presence marks completeness

        AtomicFolder.Write(final, temp =>
        {
            foreach (var (fileName, bytes) in files)
            {
                using (var stream = new FileStream(Path.Combine(temp, fileName), FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes);
                    stream.Flush(flushToDisk: true);
                }
                AfterFileWritten?.Invoke(fileName);
            }
        });
        return final;
    }

    /// <summary>Reads and verifies a checkpoint folder; any problem is a <see cref="CheckpointException"/> with one clear sentence.</summary>
    public static Checkpoint Load(string directory)
    {
        string statePath = Path.Combine(directory, Checkpoint.StateFile);
        if (!File.Exists(statePath) && Directory.Exists(Path.Combine(directory, "checkpoints")))
        {
            var latest = new CheckpointStore(directory).Latest();
            string pass = latest is null ? "one of its checkpoint folders (it has none yet)" : "its checkpoint folder " + Path.Combine("checkpoints", Path.GetFileName(latest));
            throw new CheckpointException($"{directory} is a run folder; pass {pass}, or open the run with RunFolder.Open.");
        }
        if (!File.Exists(statePath))
            throw new CheckpointException($"The checkpoint folder {directory} has no {Checkpoint.StateFile}; it is incomplete, so resume from another checkpoint or start a new run.");
        CheckpointState state;
        try
        {
            state = CheckpointState.FromJson(File.ReadAllBytes(statePath));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or NotSupportedException)
        {
            throw Corrupt(directory, $"{Checkpoint.StateFile} cannot be read ({e.Message.TrimEnd('.')})", e);
        }

        var parsed = new Dictionary<string, IReadOnlyList<SafeTensorsEntry>>(StringComparer.Ordinal);
        foreach (var digest in state.Files)
        {
            string path = Path.Combine(directory, digest.Name);
            if (!File.Exists(path)) throw Corrupt(directory, $"{digest.Name} is missing");
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length != digest.Length)
                throw Corrupt(directory, $"{digest.Name} has {bytes.Length} bytes but {digest.Length} were written (truncated)");
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != digest.Sha256)
                throw Corrupt(directory, $"{digest.Name} does not match the SHA-256 recorded in {Checkpoint.StateFile}");
            try
            {
                parsed[digest.Name] = SafeTensors.Deserialize(bytes);
            }
            catch (FormatException e)
            {
                throw Corrupt(directory, $"{digest.Name} is not a valid safetensors file ({e.Message})", e);
            }
        }
        foreach (var required in new[] { Checkpoint.GeneratorFile, Checkpoint.DiscriminatorFile, Checkpoint.OptimizerFile })
            if (!parsed.ContainsKey(required)) throw Corrupt(directory, $"{Checkpoint.StateFile} does not list {required}");
        return new Checkpoint(state, parsed[Checkpoint.GeneratorFile], parsed[Checkpoint.DiscriminatorFile], parsed[Checkpoint.OptimizerFile],
            parsed.GetValueOrDefault(Checkpoint.GeneratorEmaFile));
    }

    private static CheckpointException Corrupt(string directory, string what, Exception? inner = null) =>
        new($"The checkpoint {directory} is corrupt or truncated: {what}; resume from an earlier checkpoint or start a new run.", inner);

    private static long ParseStep(string folder) =>
        folder.StartsWith("step-", StringComparison.Ordinal) &&
        long.TryParse(folder.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : -1;
}
