namespace GanDsl.Generators.Emit
{
    /// <summary>The runtime's type names as generated code writes them (fully qualified, so no user type can shadow them).</summary>
    internal static class RuntimeNames
    {
        public const string Nn = "global::GanDsl.Nn.";
        public const string Progressive = "global::GanDsl.Nn.Progressive.";
        public const string Tensor = "global::GanDsl.Tensors.Tensor";
        public const string Ops = "global::GanDsl.Autograd.Ops";
        public const string ModelSummary = "global::GanDsl.Shapes.ModelSummary";
        public const string GeneratorModule = Nn + "GeneratorModule";
        public const string DiscriminatorModule = Nn + "DiscriminatorModule";
        public const string BlockModule = Progressive + "BlockModule";
        public const string LayerSpec = "global::GanDsl.Shapes.LayerSpec";
        public const string Rng = "global::GanDsl.Tensors.Rng";
        public const string Recipe = "global::GanDsl.GanRecipe";
        public const string TrainingConfig = "global::GanDsl.Training.TrainingConfig";

        public const string TorchTensor = "global::TorchSharp.torch.Tensor";
        public const string TorchDevice = "global::TorchSharp.torch.Device";
        public const string TorchModule = "global::TorchSharp.torch.nn.Module<" + TorchTensor + ", " + TorchTensor + ">";
        public const string TorchSharpEngine = "global::GanDsl.TorchSharp.";

        /// <summary>The <c>GanDsl.Init</c> value a role attribute's <c>Init = …</c> chose.</summary>
        public static string Init(bool dcgan) => "global::GanDsl.Init." + (dcgan ? "Dcgan" : "PyTorchDefault");
    }
}
