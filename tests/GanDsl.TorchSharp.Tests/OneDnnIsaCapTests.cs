using System.Runtime.CompilerServices;

namespace GanDsl.TorchSharp.Tests;

/// <summary>The oneDNN ISA cap on Zen 5 (see OneDnnIsaCap): detected from CPUID, set before LibTorch's first primitive.</summary>
public class OneDnnIsaCapTests
{
    [Fact]
    public void Zen5_detection_agrees_with_the_kernels_cpu_description()
    {
        if (!File.Exists("/proc/cpuinfo")) return; // Linux only, like the cap itself
        var lines = File.ReadAllLines("/proc/cpuinfo");
        string Field(string name) => lines.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        bool expected = Field("vendor_id") == "AuthenticAMD" && int.Parse(Field("cpu family")) >= 0x1A;
        Assert.Equal(expected, OneDnnIsaCap.IsZen5OrLater());
    }

    [Fact]
    public void The_cap_is_set_on_zen5_when_loading_the_assembly_unless_the_user_chose_an_isa()
    {
        if (!OperatingSystem.IsLinux()) return; // the cap is Linux only
        RuntimeHelpers.RunModuleConstructor(typeof(OneDnnIsaCap).Module.ModuleHandle);
        // /proc/self/environ is the environment the process started with: what the user set, before the cap.
        var initial = File.ReadAllText("/proc/self/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        var value = Environment.GetEnvironmentVariable(OneDnnIsaCap.Variable);
        if (initial.ContainsKey(OneDnnIsaCap.Variable) || initial.ContainsKey(OneDnnIsaCap.LegacyVariable))
            Assert.Equal(initial.GetValueOrDefault(OneDnnIsaCap.Variable), value); // the user's choice is left alone
        else if (OneDnnIsaCap.IsZen5OrLater()) Assert.Equal(OneDnnIsaCap.Cap, value);
        else Assert.Null(value);
    }
}
