namespace GanDsl.TorchSharp.Tests.Support;

/// <summary>
/// Tests that read LibTorch's process-wide state run alone: the count of live tensors, and the default generator that dropout
/// draws from (the torch engine reseeds it every step, and any module built on another thread meanwhile draws from it too).
/// </summary>
[CollectionDefinition(nameof(LibTorchGlobals), DisableParallelization = true)]
public class LibTorchGlobals;
