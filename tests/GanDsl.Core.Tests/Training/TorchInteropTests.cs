using System.Diagnostics;
using System.Runtime.CompilerServices;
using GanDsl.Autograd;
using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Checkpoints;

namespace GanDsl.Core.Tests.Training;

/// <summary>Checkpoints load into PyTorch: runs /usr/bin/python3 with torch (installed by .ci/run) on a script next to this file.</summary>
public class TorchInteropTests
{
    private static string ScriptPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "torch_load_checkpoint.py");

    [Fact]
    public async Task A_checkpoint_loads_into_torch_sequential_with_strict_true_and_gives_the_same_forward_output()
    {
        using var dir = new TempFolder();
        var run = Adversarial.Train(new MlpGan(9, probability: true), new InMemoryData(40), Configs.Tiny with { MaxSteps = 5, EmaDecay = 0.5f },
            runDirectory: dir.Path);
        var session = run.Session;
        session.G.Eval();
        session.D.Eval();
        Tensor g, d;
        using (GradMode.NoGrad())
        {
            g = session.G.Generate(session.FixedNoise, null).Clone();
            d = session.D.Score(g, null).Clone();
        }
        string io = dir.File("io.safetensors");
        File.WriteAllBytes(io, SafeTensors.Serialize(new[]
        {
            new SafeTensorsEntry("z", session.FixedNoise), new SafeTensorsEntry("g", g), new SafeTensorsEntry("d", d),
        }));

        string script = ScriptPath();
        Assert.True(File.Exists(script), $"The interop script {script} is missing.");
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, run.LastCheckpoint!, io }) psi.ArgumentList.Add(a);
        using var python = Process.Start(psi)!;
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        string output = await stdout + await stderr;
        Assert.True(python.ExitCode == 0, $"python3 failed ({python.ExitCode}): {output}");
        Assert.Contains("\"num_batches_tracked\": 5", output); // one G forward in train mode per step
    }
}
