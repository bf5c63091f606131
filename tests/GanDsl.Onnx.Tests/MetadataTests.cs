using GanDsl.Models;
using GanDsl.Onnx.Tests.Support;

namespace GanDsl.Onnx.Tests;

/// <summary>What a file says about itself: IR version and opset, names, shapes, value range, GanDsl version and step.</summary>
public class MetadataTests
{
    [Fact]
    public void A_file_is_IR_8_opset_17_by_GanDsl_with_its_inputs_output_range_version_and_step()
    {
        var bytes = OnnxExport.ToBytes(new DcganGenerator(seed: 1), new OnnxExportOptions { Step = 1200, Weights = "generator.safetensors of run/checkpoints/step-0001200" });
        var file = OnnxModelFile.Read(bytes);
        Assert.Equal(8, file.Model.IrVersion);
        Assert.Equal(17, Assert.Single(file.Model.OpsetImport).Version);
        Assert.Equal("GanDsl", file.Model.ProducerName);
        Assert.Equal(OnnxExport.GanDslVersion, file.Model.ProducerVersion);
        Assert.Matches(@"^\d+\.\d+\.\d+", OnnxExport.GanDslVersion);

        var runtime = OnnxModelFile.RuntimeMetadata(bytes).CustomMetadataMap;
        Assert.Equal(OnnxExport.GanDslVersion, runtime["gandsl.version"]);
        Assert.Equal("generator", runtime["gandsl.role"]);
        Assert.Equal("DcganGenerator", runtime["gandsl.net"]);
        Assert.Equal("z: float32 [N, 128]", runtime["gandsl.inputs"]);
        Assert.Equal("image: float32 [N, 1, 28, 28]", runtime["gandsl.output"]);
        Assert.Equal("[-1, 1]", runtime["gandsl.output_range"]);
        Assert.Equal("1200", runtime["gandsl.step"]);
        Assert.Equal("generator.safetensors of run/checkpoints/step-0001200", runtime["gandsl.weights"]);
        Assert.Equal("128", runtime["gandsl.latent_dim"]);
        Assert.Equal("0", runtime["gandsl.classes"]);
        Assert.Contains("at training step 1200", file.Model.DocString);
        Assert.Contains("image: float32 [N, 1, 28, 28], generated samples, values [-1, 1]", file.Model.DocString);
    }

    [Theory]
    [InlineData("dcgan", "discriminator", "[0, 1]")]          // ends in Sigmoid
    [InlineData("mnist-mlp", "discriminator", "unbounded")]   // a logit
    [InlineData("lightning-cnn", "generator", "unbounded")]   // ends in a plain convolution
    [InlineData("progressive", "generator", "[-1, 1]")]       // Tanh, then upsampling
    [InlineData("seven-bit", "generator", "[0, 1]")]
    public void The_value_range_follows_the_last_bounding_layer(string model, string role, string range)
    {
        var gan = ReferenceModelParityTests.Create(model);
        var bytes = role == "generator" ? OnnxExport.ToBytes(gan.Generator) : OnnxExport.ToBytes(gan.Discriminator);
        Assert.Equal(range, OnnxModelFile.Read(bytes).Metadata["gandsl.output_range"]);
    }

    [Fact]
    public void A_conditional_discriminator_lists_its_label_input_and_score_output()
    {
        var metadata = OnnxModelFile.Read(OnnxExport.ToBytes(new CganDiscriminator(seed: 1))).Metadata;
        Assert.Equal("image: float32 [N, 1, 28, 28]; label: int64 [N]", metadata["gandsl.inputs"]);
        Assert.Equal("score: float32 [N, 1]", metadata["gandsl.output"]);
        Assert.Equal("10", metadata["gandsl.classes"]);
        Assert.False(metadata.ContainsKey("gandsl.step"), "no step was given, so none may be recorded");
    }

    [Fact]
    public void Weights_keep_their_state_dict_names_and_batch_norm_stays_one_node_in_inference_mode()
    {
        var generator = new DcganGenerator(seed: 1);
        var file = OnnxModelFile.Read(OnnxExport.ToBytes(generator));
        var stateNames = generator.StateDict().Select(e => e.Name).Where(n => !n.EndsWith("num_batches_tracked", StringComparison.Ordinal));
        Assert.Equal(stateNames.Order(), file.Initializers.Where(n => !n.EndsWith(".shape", StringComparison.Ordinal)).Order());
        Assert.Equal(3, file.OpTypes.Count(t => t == "BatchNormalization"));
        Assert.All(file.Model.Graph.Node.Where(n => n.OpType == "BatchNormalization"), n => Assert.DoesNotContain(n.Attribute, a => a.Name == "training_mode" && a.I != 0));
    }
}
