using System.Reflection;
using Module = GanDsl.Nn.Module;
using Google.Protobuf;
using GanDsl.IO;
using GanDsl.Nn;
using GanDsl.Onnx.Layers;
using GanDsl.Onnx.Nets;
using GanDsl.Shapes;

namespace GanDsl.Onnx;

/// <summary>
/// Writes a declared generator or discriminator as an ONNX model (IR version 8) whose graph computes the net's eval-mode
/// forward pass with standard operators: batch norm with its running statistics, dropout as the identity, whatever mode
/// the module is in. The batch dimension is free (<c>N</c>); a conditional net takes an int64 <c>label</c> input. The
/// model's <c>doc_string</c> and <c>metadata_props</c> record the inputs, the output and its value range, the GanDsl
/// version and, when given, the training step. Same weights and options, same bytes.
/// </summary>
public static partial class OnnxExport
{
    /// <summary>The ONNX IR version written: 8, the newest that Debian 12's ONNX 1.12 checker accepts.</summary>
    public const int IrVersion = 8;

    /// <summary>The opset written unless <see cref="OnnxExportOptions.Opset"/> says otherwise.</summary>
    public const int DefaultOpset = 17;

    /// <summary>The lowest opset written: 11, the first whose Resize reproduces PyTorch's nearest upsampling exactly.</summary>
    public const int MinimumOpset = 11;

    /// <summary>The highest opset written: 17, the newest that IR version 8 carries.</summary>
    public const int MaximumOpset = 17;

    /// <summary>Writes <paramref name="generator"/> to <paramref name="path"/> (replacing a file there; nothing is written when the export is refused).</summary>
    /// <exception cref="OnnxExportException">The net has a layer with no exact ONNX form, is not a declared net, or the options cannot be honoured.</exception>
    public static void Save(GeneratorModule generator, string path, OnnxExportOptions? options = null) =>
        Save(generator, path, options, OnnxLayers.ByKind);

    /// <summary>Writes <paramref name="discriminator"/> to <paramref name="path"/> (replacing a file there; nothing is written when the export is refused).</summary>
    /// <exception cref="OnnxExportException">The net has a layer with no exact ONNX form, is not a declared net, or the options cannot be honoured.</exception>
    public static void Save(DiscriminatorModule discriminator, string path, OnnxExportOptions? options = null) =>
        Save(discriminator, path, options, OnnxLayers.ByKind);

    /// <summary>The ONNX file of <paramref name="generator"/> as bytes.</summary>
    /// <exception cref="OnnxExportException">As for <see cref="Save(GeneratorModule, string, OnnxExportOptions?)"/>.</exception>
    public static byte[] ToBytes(GeneratorModule generator, OnnxExportOptions? options = null) =>
        ToBytes(generator, options, OnnxLayers.ByKind);

    /// <summary>The ONNX file of <paramref name="discriminator"/> as bytes.</summary>
    /// <exception cref="OnnxExportException">As for <see cref="Save(DiscriminatorModule, string, OnnxExportOptions?)"/>.</exception>
    public static byte[] ToBytes(DiscriminatorModule discriminator, OnnxExportOptions? options = null) =>
        ToBytes(discriminator, options, OnnxLayers.ByKind);

    /// <summary>As the public overloads, with the per-kind mappings given (tests substitute one). The file is written only once its bytes are complete.</summary>
    internal static void Save(Module net, string path, OnnxExportOptions? options, IReadOnlyDictionary<LayerKind, OnnxLayerMapping> mappings) =>
        Write(path, ToBytes(net, options, mappings));

    /// <summary>As the public overloads, with the per-kind mappings given (tests substitute one).</summary>
    internal static byte[] ToBytes(Module net, OnnxExportOptions? options, IReadOnlyDictionary<LayerKind, OnnxLayerMapping> mappings)
    {
        ArgumentNullException.ThrowIfNull(net);
        options ??= OnnxExportOptions.Default;
        CheckOpset(options.Opset);
        var builder = new NetGraphBuilder(options.Opset, mappings);
        var signature = net switch
        {
            GeneratorModule g => GeneratorGraph.Build(builder, g),
            DiscriminatorModule d => DiscriminatorGraph.Build(builder, d),
            _ => throw new OnnxExportException($"{net.GetType().Name} is neither a generator nor a discriminator; export a GeneratorModule or a DiscriminatorModule."),
        };
        return Model(builder, signature, options).ToByteArray();
    }

    /// <summary>The GanDsl version written into every file (without the source revision, so files do not change with it).</summary>
    public static string GanDslVersion { get; } =
        typeof(Module).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    private static ModelProto Model(NetGraphBuilder builder, GraphSignature signature, OnnxExportOptions options)
    {
        var graph = builder.Graph.Proto;
        graph.Name = signature.NetName;
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "GanDsl",
            ProducerVersion = GanDslVersion,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = options.Opset });
        OnnxMetadata.Write(model, signature, options);
        return model;
    }

    private static void CheckOpset(int opset)
    {
        if (opset > MaximumOpset)
            throw new OnnxExportException($"Opset {opset} is above {MaximumOpset}, the newest that ONNX IR version {IrVersion} (which GanDsl writes) carries; pass an opset from {MinimumOpset} to {MaximumOpset}.");
        if (opset < MinimumOpset)
            throw new OnnxExportException($"Opset {opset} is below {MinimumOpset}, the first whose Resize reproduces PyTorch's nearest upsampling; pass an opset from {MinimumOpset} to {MaximumOpset}.");
    }

    private static void Write(string path, byte[] bytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder)) throw new OnnxExportException($"The folder of {path} does not exist; create it first.");
        AtomicFile.WriteAllBytes(path, bytes);
    }
}
