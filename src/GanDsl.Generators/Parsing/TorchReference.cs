using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Parsing
{
    /// <summary>
    /// Whether the compilation can use emitted TorchSharp modules: it references TorchSharp (<c>TorchSharp.torch</c>) and
    /// GanDsl.TorchSharp (<c>GanDsl.TorchSharp.TorchNet</c>, their base class; that package brings TorchSharp with it).
    /// A plain bool, so the pipeline reruns the Torch outputs only when the answer changes.
    /// </summary>
    internal static class TorchReference
    {
        public const string TorchType = "TorchSharp.torch";
        public const string EngineType = "GanDsl.TorchSharp.TorchNet";

        public static bool IsReferenced(Compilation compilation) =>
            compilation.GetTypeByMetadataName(TorchType) != null && compilation.GetTypeByMetadataName(EngineType) != null;
    }
}
