using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>
/// The device the torch engine runs on, from the CLI's <c>--device</c> words: <c>cpu</c>, <c>cuda</c> (GPU 0) or
/// <c>cuda:N</c>. CUDA is used only when asked for and only when LibTorch reports it; there is no silent fall-back to the CPU.
/// </summary>
public static class TorchDevices
{
    /// <summary>
    /// The device named by <paramref name="text"/>; throws <see cref="TorchSetupException"/> with one sentence when LibTorch
    /// does not load, when CUDA is asked for where LibTorch has none, or when the GPU index is out of range, and
    /// <see cref="ArgumentException"/> when the text names no device.
    /// </summary>
    public static Device Parse(string text)
    {
        var name = Normalize(text);
        if (name == "cpu")
        {
            TorchRuntime.EnsureAvailable();
            return CPU;
        }
        int index = CudaIndex(name)!.Value;
        RequireCuda(index);
        return new Device(DeviceType.CUDA, index);
    }

    /// <summary>
    /// The device's name as <see cref="Name"/> writes it (<c>cpu</c>, <c>cuda:N</c>; "cuda" is GPU 0), checking only the words:
    /// LibTorch is not loaded. Throws <see cref="ArgumentException"/> when the text names no device.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = text.Trim().ToLowerInvariant();
        if (word == "cpu") return word;
        int index = CudaIndex(word) ?? throw new ArgumentException(
            $"The device '{text}' is not one of cpu, cuda or cuda:N (N the GPU's index, from 0); write e.g. --device cuda:0.", nameof(text));
        return "cuda:" + index.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The CPU, after checking that LibTorch loads.</summary>
    public static Device Cpu
    {
        get
        {
            TorchRuntime.EnsureAvailable();
            return CPU;
        }
    }

    /// <summary>A device as GanDsl writes it (run.json, <c>--device</c>): <c>cpu</c> or <c>cuda:N</c>.</summary>
    public static string Name(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.type == DeviceType.CUDA ? "cuda:" + Math.Max(0, device.index).ToString(CultureInfo.InvariantCulture) : device.type.ToString().ToLowerInvariant();
    }

    /// <summary>The GPU index of "cuda" (0) or "cuda:N"; null for any other word.</summary>
    private static int? CudaIndex(string word)
    {
        if (word == "cuda") return 0;
        if (!word.StartsWith("cuda:", StringComparison.Ordinal)) return null;
        return int.TryParse(word.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int index) ? index : null;
    }

    private static void RequireCuda(int index)
    {
        TorchRuntime.EnsureAvailable();
        if (!cuda.is_available())
            throw new TorchSetupException(
                $"CUDA was asked for (cuda:{index}) but LibTorch reports no usable CUDA device; reference a TorchSharp CUDA package for your platform (TorchSharp-cuda-linux or TorchSharp-cuda-windows) instead of TorchSharp-cpu and install an NVIDIA driver, or run with --device cpu.");
        int count = cuda.device_count();
        if (index >= count)
            throw new TorchSetupException(
                $"CUDA device {index} was asked for but this machine has {count} CUDA device{(count == 1 ? "" : "s")} (cuda:0 to cuda:{count - 1}); pick one of those.");
    }
}
