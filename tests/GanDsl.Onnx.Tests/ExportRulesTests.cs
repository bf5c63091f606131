using GanDsl.Models;
using GanDsl.Nn;
using GanDsl.Onnx.Tests.Support;
using GanDsl.Tensors;

namespace GanDsl.Onnx.Tests;

/// <summary>Opsets, refusals and determinism: what the exporter writes and what it will not.</summary>
public class ExportRulesTests
{
    public static TheoryData<int> Opsets => new(Enumerable.Range(OnnxExport.MinimumOpset, OnnxExport.MaximumOpset - OnnxExport.MinimumOpset + 1));

    [Theory]
    [MemberData(nameof(Opsets))]
    public void Every_opset_from_11_to_17_runs_in_ONNX_Runtime_with_the_same_output(int opset)
    {
        var options = new OnnxExportOptions { Opset = opset };
        var generator = new EveryKindGenerator(seed: 2);
        Parity.PerturbBatchNorms(generator, 3);
        ReferenceModelParityTests.AssertGeneratorParity(generator, OnnxExport.ToBytes(generator, options));
        var discriminator = new CganDiscriminator(seed: 4);
        Parity.PerturbBatchNorms(discriminator, 5);
        ReferenceModelParityTests.AssertDiscriminatorParity(discriminator, OnnxExport.ToBytes(discriminator, options));
        var lightning = new LightningCnnDiscriminator(seed: 6);
        ReferenceModelParityTests.AssertDiscriminatorParity(lightning, OnnxExport.ToBytes(lightning, options));
        Assert.Equal(opset, OnnxModelFile.Read(OnnxExport.ToBytes(lightning, options)).Model.OpsetImport[0].Version);
    }

    [Theory]
    [InlineData(18, "Opset 18 is above 17, the newest that ONNX IR version 8 (which GanDsl writes) carries; pass an opset from 11 to 17.")]
    [InlineData(10, "Opset 10 is below 11, the first whose Resize reproduces PyTorch's nearest upsampling; pass an opset from 11 to 17.")]
    public void An_opset_that_cannot_be_written_is_refused_in_one_sentence_and_nothing_is_written(int opset, string message)
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<OnnxExportException>(() => OnnxExport.Save(new DcganGenerator(seed: 1), folder.File("g.onnx"), new OnnxExportOptions { Opset = opset }));
        Assert.Equal(message, error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void A_generator_that_is_not_a_declared_stack_is_refused_in_one_sentence()
    {
        var error = Assert.Throws<OnnxExportException>(() => OnnxExport.ToBytes(new HandWrittenGenerator()));
        Assert.Equal("HandWrittenGenerator is not a declared layer stack (it reports no Architecture), so GanDsl cannot write its graph; declare it with [GanGenerator], [GanDiscriminator] or [GanBlock], or build it with LayerStack.", error.Message);
    }

    [Fact]
    public void A_missing_output_folder_is_named()
    {
        using var folder = new TempFolder();
        string path = folder.File("no-such-folder", "g.onnx");
        var error = Assert.Throws<OnnxExportException>(() => OnnxExport.Save(new SevenBitGenerator(seed: 1), path));
        Assert.Equal($"The folder of {path} does not exist; create it first.", error.Message);
    }

    [Fact]
    public void The_same_weights_give_the_same_bytes_whatever_instance_or_mode_holds_them()
    {
        var trained = new CganGenerator(seed: 1);
        Parity.PerturbBatchNorms(trained, 2);
        var copy = new CganGenerator(seed: 99);
        copy.LoadStateDict(trained.StateDict().ToDictionary(e => e.Name, e => e.Value.Clone()));
        copy.Eval();   // the file is the eval-mode forward whichever mode the module is in
        trained.Train();

        var first = OnnxExport.ToBytes(trained);
        Assert.Equal(first, OnnxExport.ToBytes(copy));
        Assert.Equal(first, OnnxExport.ToBytes(trained));
        Assert.NotEqual(first, OnnxExport.ToBytes(new CganGenerator(seed: 3)));
    }

    /// <summary>A generator written by hand: it has no layer stack to report.</summary>
    private sealed class HandWrittenGenerator : GeneratorModule
    {
        public override int LatentDim => 2;
        public override int Classes => 0;
        public override int[] OutputShape => [2];
        public override Tensor Generate(Tensor z, int[]? labels) => z;
    }
}
