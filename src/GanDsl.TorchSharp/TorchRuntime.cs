using System.Runtime.InteropServices;
using TorchSharp;

namespace GanDsl.TorchSharp;

/// <summary>
/// Whether LibTorch loads in this process. TorchSharp's own failure is a page of probing output; this says in one sentence
/// which package is missing, or that the native glue is there but does not load (an older libstdc++, see the README).
/// </summary>
public static class TorchRuntime
{
    private static readonly Lazy<string?> Problem = new(Probe);

    /// <summary>True when LibTorch's CPU backend loaded.</summary>
    public static bool IsAvailable => Problem.Value is null;

    /// <summary>Loads LibTorch once; throws <see cref="TorchSetupException"/> with one sentence when it cannot.</summary>
    public static void EnsureAvailable()
    {
        if (Problem.Value is { } problem) throw new TorchSetupException(problem);
    }

    private static string? Probe()
    {
        try
        {
            if (torch.TryInitializeDeviceType(DeviceType.CPU)) return null;
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException)
        {
            // Explained below from the files that are (or are not) beside the application.
        }
        return Explain(AppContext.BaseDirectory);
    }

    /// <summary>The sentence for a LibTorch that did not load, from what the application folder holds.</summary>
    internal static string Explain(string applicationFolder)
    {
        var natives = NativeFiles(applicationFolder).Select(Path.GetFileName).ToList();
        if (!natives.Any(n => n!.Contains("torch_cpu", StringComparison.Ordinal)))
            return "LibTorch's native files are missing from this application; add the TorchSharp-cpu package (or a TorchSharp CUDA package such as TorchSharp-cuda-linux) to the project that runs GanDsl.TorchSharp.";
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            return "LibTorch is present but its glue library libLibTorchSharp.so does not load, most likely because this system's libstdc++ predates GCC 13 (GLIBCXX_3.4.32); build the application with GanDsl.TorchSharp's build targets (they patch the output's copy) or install a newer libstdc++.";
        return "LibTorch is present but did not load; check that the TorchSharp package matches this platform and that the Visual C++ runtime (Windows) is installed.";
    }

    private static IEnumerable<string> NativeFiles(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var runtimes = Path.Combine(folder, "runtimes");
        var nested = Directory.Exists(runtimes)
            ? Directory.EnumerateDirectories(runtimes).Select(rid => Path.Combine(rid, "native")).Where(Directory.Exists).SelectMany(Directory.EnumerateFiles)
            : [];
        return Directory.EnumerateFiles(folder).Concat(nested);
    }
}
