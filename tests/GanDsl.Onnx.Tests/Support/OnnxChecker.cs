using System.Diagnostics;

namespace GanDsl.Onnx.Tests.Support;

/// <summary>
/// ONNX's own model checker (Debian's python3-onnx, which .ci/run installs) over exported files, with full_check so its
/// strict shape inference runs too. A machine without it fails with the command that installs it rather than skipping.
/// </summary>
internal static class OnnxChecker
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, onnx
        failed = 0
        for path in sys.argv[1:]:
            try:
                model = onnx.load(path)
                onnx.checker.check_model(model, full_check=True)
                print("ok", model.ir_version, model.opset_import[0].version, path)
            except Exception as e:
                failed += 1
                print("FAILED", path, str(e).replace("\n", " "))
        sys.exit(1 if failed else 0)
        """;

    /// <summary>Checks every file; returns the checker's lines (one per file) and fails the test on any rejection.</summary>
    public static IReadOnlyList<string> Check(params string[] paths)
    {
        var (accepted, lines, stderr) = Run(paths);
        Assert.True(accepted, $"ONNX's checker rejected an exported file:\n{string.Join("\n", lines)}\n{stderr}");
        return lines;
    }

    /// <summary>The checker's verdict on every file (true when it accepts them all) and its line per file.</summary>
    public static (bool Accepted, IReadOnlyList<string> Lines, string Stderr) Run(params string[] paths)
    {
        RequireChecker();
        var (code, stdout, stderr) = RunPython(["-c", Script, .. paths]);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == paths.Length, $"ONNX's checker printed {lines.Length} lines for {paths.Length} files:\n{stdout}\n{stderr}");
        return (code == 0, lines, stderr);
    }

    private static void RequireChecker()
    {
        string why = !File.Exists(Python) ? $"{Python} is missing"
            : RunPython(["-c", "import onnx"]).ExitCode != 0 ? $"{Python} cannot import onnx" : "";
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.True(why.Length == 0,
            $"{why}: ONNX's model checker is needed to check exported files; install it with 'sudo apt-get install python3-onnx'"
            + (ci ? " (.ci/run installs it, so CI must have it)." : " (.ci/run does so in CI)."));
    }

    private static (int ExitCode, string Stdout, string Stderr) RunPython(string[] args)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("ONNX's checker did not finish within 2 minutes.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
