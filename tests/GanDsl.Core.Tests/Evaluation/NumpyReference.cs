using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace GanDsl.Core.Tests.Evaluation;

/// <summary>
/// Float64 references computed by numpy in <c>/usr/bin/python3</c> (scipy-free: numpy.linalg.eigh and eigvals).
/// A missing python3 or numpy fails the test with install instructions; it never skips.
/// </summary>
internal static class NumpyReference
{
    // Tr√(Σ₁Σ₂) two ways: eigh of Σ₁^½Σ₂Σ₁^½, and the eigenvalues of the non-symmetric Σ₁Σ₂; the script refuses to answer if they disagree.
    private const string FrechetScript = """
import json, sys
import numpy as np
d = json.load(sys.stdin)
m1, m2 = np.array(d["m1"], dtype=np.float64), np.array(d["m2"], dtype=np.float64)
s1, s2 = np.array(d["s1"], dtype=np.float64), np.array(d["s2"], dtype=np.float64)
w, v = np.linalg.eigh(s1)
r = (v * np.sqrt(np.clip(w, 0, None))) @ v.T
tr_sym = np.sqrt(np.clip(np.linalg.eigh(r @ s2 @ r)[0], 0, None)).sum()
tr_gen = np.sqrt(np.linalg.eigvals(s1 @ s2).astype(np.complex128)).real.sum()
assert abs(tr_sym - tr_gen) < 1e-8 * max(1.0, abs(tr_sym)), (tr_sym, tr_gen)
print(repr(float(((m1 - m2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * tr_sym)))
""";

    public static double FrechetDistance(double[] mean1, double[,] cov1, double[] mean2, double[,] cov2)
    {
        var input = JsonSerializer.Serialize(new { m1 = mean1, m2 = mean2, s1 = Rows(cov1), s2 = Rows(cov2) });
        return double.Parse(RunPython(FrechetScript, input).Trim(), CultureInfo.InvariantCulture);
    }

    private static double[][] Rows(double[,] m) =>
        Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray()).ToArray();

    private static string RunPython(string script, string stdin)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
            throw new Xunit.Sdk.XunitException("/usr/bin/python3 is missing but the Fréchet reference needs it with numpy; install it with `sudo apt-get install python3 python3-numpy`.");
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var process = Process.Start(info) ?? throw new Xunit.Sdk.XunitException("Could not start /usr/bin/python3.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("The numpy reference did not finish within 2 minutes.");
        }
        Assert.True(process.ExitCode == 0, $"The numpy reference failed (exit {process.ExitCode}); is numpy installed (`pip install numpy`)?\n{stderr.Result}");
        return stdout.Result;
    }
}
