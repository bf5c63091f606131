namespace GanDsl.TorchSharp;

/// <summary>
/// The torch engine cannot run as set up: LibTorch's native files are missing or do not load, or a device was asked for
/// that this machine or this LibTorch package does not have. The message is one sentence that says what to install or change.
/// </summary>
public sealed class TorchSetupException(string message) : InvalidOperationException(message);
