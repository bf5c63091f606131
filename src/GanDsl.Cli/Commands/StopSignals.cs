using System.Runtime.InteropServices;

namespace GanDsl.Cli.Commands;

/// <summary>
/// Turns the signals that ask a run to stop into a cancellation, so training saves a checkpoint and returns instead of
/// losing the steps since the last one: Ctrl+C (SIGINT) exits with 130 and SIGTERM (what <c>docker stop</c>, systemd and job
/// schedulers send) with 143, the shell's 128 + signal number, after the checkpoint is written. A second signal is left to
/// the runtime's default, which ends the process at once.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    public const int InterruptExitCode = 130;
    public const int TerminateExitCode = 143;

    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration _terminate;
    private int _exitCode;

    public StopSignals()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = Stop(TerminateExitCode));
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>The exit code of the signal that stopped the run (130 when none did).</summary>
    public int ExitCode => _exitCode == 0 ? InterruptExitCode : _exitCode;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e) => e.Cancel = Stop(InterruptExitCode);

    /// <summary>Cancels training on the first signal (true: the runtime's default is suppressed); false on a later one.</summary>
    private bool Stop(int exitCode)
    {
        if (Interlocked.CompareExchange(ref _exitCode, exitCode, 0) != 0) return false;
        Console.Error.WriteLine(exitCode == TerminateExitCode
            ? "SIGTERM received: saving a checkpoint, then stopping (send it again to stop at once)."
            : "Ctrl+C received: saving a checkpoint, then stopping (press it again to stop at once).");
        _cancel.Cancel();
        return true;
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate.Dispose();
        _cancel.Dispose();
    }
}
