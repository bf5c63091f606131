using GanDsl.Autograd;
using GanDsl.Nn;
using GanDsl.Tensors;
using GanDsl.Training;
using GanDsl.Training.Engines;

namespace GanDsl.Core.Tests.Training.Engines;

[GanGenerator(LatentDim = 4, Classes = 3)]
[Linear(16), ReLU]
[Linear(6), Tanh]
public partial class TinyClassHeadGenerator;

[GanDiscriminator(6, Classes = 3, Conditioning = LabelConditioning.AuxiliaryClassifier)]
[Linear(12), LeakyReLU(0.2)]
[Linear(1), Sigmoid]
public partial class TinyClassHeadDiscriminator;

[Gan<TinyClassHeadGenerator, TinyClassHeadDiscriminator>]
public partial class TinyClassHeadGan;

[GanDiscriminator(1, 4, 4, Classes = 3, Conditioning = LabelConditioning.OneHotPlanesAndClassifier)]
[Conv2d(4, 3, 2, 1, Bias = false), BatchNorm2d, LeakyReLU(0.2)]   // 2x2
[Flatten, Linear(1), Sigmoid]
public partial class TinyPlanesClassifierDiscriminator;

/// <summary>
/// Discriminators with a class head (<see cref="LabelConditioning.AuxiliaryClassifier"/>,
/// <see cref="LabelConditioning.OneHotPlanesAndClassifier"/>): the head reads the head Linear's input, and the managed engine
/// adds its cross-entropy to D's loss (real images) and G's (the fakes).
/// </summary>
public class AuxiliaryClassifierTests
{
    private static readonly TrainingConfig Config = Configs.Tiny with { LabelSmoothing = 0.9f };

    [Fact]
    public void The_class_head_reads_the_head_linears_input_and_scores_ignore_labels()
    {
        var d = new TinyClassHeadDiscriminator(seed: 3);
        var state = d.StateDict().ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal(new[] { 3, 12 }, state["cls.weight"].Shape.ToArray());
        Assert.Equal(new[] { 3 }, state["cls.bias"].Shape.ToArray());
        Assert.Equal(6 * 12 + 12 + 12 + 1 + 12 * 3 + 3, TinyClassHeadDiscriminator.ParameterCount);
        Assert.Equal(TinyClassHeadDiscriminator.ParameterCount, d.Parameters().Sum(p => (long)p.Size));
        Assert.True(d.ClassifiesSamples);

        var x = Tensor.FromArray(Enumerable.Range(0, 12).Select(i => MathF.Sin(i * 0.7f)).ToArray(), 2, 6);
        var (scores, logits) = d.ScoreAndClassify(x, [2, 1]);
        Assert.Equal(scores.Data, d.Score(x, [0, 1]).Data);
        Assert.Equal(scores.Data, d.Score(x, null).Data);
        Assert.Equal(new[] { 2, 3 }, logits.Shape.ToArray());

        // h = LeakyReLU(x W0ᵀ + b0), logits = h Wclsᵀ + bcls, written out by hand.
        for (int n = 0; n < 2; n++)
            for (int k = 0; k < 3; k++)
            {
                double logit = state["cls.bias"].Data[k];
                for (int f = 0; f < 12; f++)
                {
                    double pre = state["0.bias"].Data[f];
                    for (int i = 0; i < 6; i++) pre += state["0.weight"].Data[f * 6 + i] * x.Data[n * 6 + i];
                    double h = pre > 0 ? pre : 0.2 * pre;
                    logit += state["cls.weight"].Data[k * 12 + f] * h;
                }
                Assert.Equal(logit, logits.Data[n * 3 + k], 5);
            }
    }

    [Fact]
    public void Both_losses_add_the_class_heads_cross_entropy_on_the_labels()
    {
        var session = TrainingSession.Start(new TinyClassHeadGan(seed: 5), new InMemoryData(40, classes: 3), Config);
        var engine = session.Engine;
        var batch = session.NextBatch(0, keepFake: true);
        var judge = Copy(session.D);
        var fake = Copy(session.G).Generate(batch.Noise, batch.FakeLabels);

        var (realScores, realLogits) = judge.ScoreAndClassify(batch.Real, batch.RealLabels);
        var fakeScores = judge.Score(fake, batch.FakeLabels);
        float adversarial = GanLosses.Discriminator(Config.Loss, realScores, fakeScores, true, Config.LabelSmoothing).Item();
        float classTerm = ClassHeadLosses.Discriminator(realLogits, batch.RealLabels!).Item();

        engine.BeginStep();
        var d = engine.DiscriminatorStep(batch);
        Assert.True(classTerm > 0.1f);
        Assert.Equal(adversarial + classTerm, d.Loss, 5);

        var updated = Copy(session.D);
        var (scores, logits) = updated.ScoreAndClassify(fake, batch.FakeLabels);
        float expectedG = GanLosses.Generator(Config.Loss, scores, true).Item() + ClassHeadLosses.Generator(logits, batch.FakeLabels!).Item();
        Assert.Equal(expectedG, engine.GeneratorStep().Loss, 5);
        engine.EndStep();
    }

    [Fact]
    public void The_class_heads_losses_are_the_mean_cross_entropy_of_the_real_images_for_d_and_of_the_fakes_for_g()
    {
        var realLogits = Tensor.FromArray(new[] { 2f, 0f, 0f, 0f, 0f, 1f }, 2, 3);
        var fakeLogits = Tensor.FromArray(new[] { 0f, 0f, 0f, 1f, 1f, 1f }, 2, 3);
        double Ce(double[] z, int y) => Math.Log(z.Sum(Math.Exp)) - z[y];

        Assert.Equal((Ce([2, 0, 0], 0) + Ce([0, 0, 1], 1)) / 2, ClassHeadLosses.Discriminator(realLogits, [0, 1]).Item(), 6);
        Assert.Equal((Ce([0, 0, 0], 2) + Ce([1, 1, 1], 0)) / 2, ClassHeadLosses.Generator(fakeLogits, [2, 0]).Item(), 6);
    }

    [Fact]
    public void With_one_hot_planes_the_score_sees_the_label_and_the_class_head_a_pass_with_blank_planes()
    {
        var d = new TinyPlanesClassifierDiscriminator(seed: 4);
        d.Eval(); // batch norm on running statistics, so passes over different batches compare
        var x = Tensor.FromArray(Enumerable.Range(0, 2 * 16).Select(i => MathF.Cos(i * 0.3f)).ToArray(), 2, 1, 4, 4);
        var (scores, logits) = d.ScoreAndClassify(x, [0, 2]);
        Assert.Equal(d.Score(x, [0, 2]).Data, scores.Data);
        Assert.NotEqual(d.Score(x, [1, 1]).Data, scores.Data);
        Assert.Equal(logits.Data, d.ScoreAndClassify(x, [1, 1]).ClassLogits.Data);

        // The head on the stack's features of the image beside zero planes, by the same layers run one by one.
        var blank = GanDsl.Autograd.Ops.Concat([x, Tensor.Zeros(2, 3, 4, 4)], 1);
        var h = blank;
        var layers = d.Children.Where(c => int.TryParse(c.Name, out _)).Select(c => c.Module).ToList();
        foreach (var layer in layers.Take(d.Architecture!.ClassifierHead)) h = layer.Forward(h);
        var head = d.Children.Single(c => c.Name == "cls").Module;
        var expected = head.Forward(h).Data;
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], logits.Data[i], 5);
    }

    [Fact]
    public void With_one_hot_planes_the_score_is_the_stack_on_the_image_beside_its_label_planes()
    {
        // The generated Score convolves the image and adds each label's map (Conv2d.ForwardWithOneHotPlanes) instead.
        var d = new TinyPlanesClassifierDiscriminator(seed: 6);
        var x = Tensor.FromArray(Enumerable.Range(0, 3 * 16).Select(i => MathF.Sin(i * 0.7f)).ToArray(), 3, 1, 4, 4);
        int[] labels = [2, 0, 2];
        var expected = d.Forward(Ops.Concat([x, Ops.OneHotPlanes(labels, 3, 4, 4)], 1)).Data;
        var scores = d.Score(x, labels).Data;
        Assert.Equal(expected.Length, scores.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], scores[i], 5);
    }

    [Fact]
    public void A_batch_without_labels_is_refused_in_one_sentence()
    {
        var session = TrainingSession.Start(new TinyClassHeadGan(seed: 5), new InMemoryData(40, classes: 3), Config);
        var batch = session.NextBatch(0, keepFake: true);
        session.Engine.BeginStep();
        var error = Assert.Throws<ArgumentException>(() => session.Engine.DiscriminatorStep(batch with { RealLabels = null }));
        session.Engine.EndStep();
        Assert.StartsWith("The discriminator has a class head but the real batch brings no labels; train it on a labelled dataset.", error.Message);
    }

    [Fact]
    public void A_discriminator_without_a_class_head_says_how_to_get_one()
    {
        var error = Assert.Throws<NotSupportedException>(() => new MlpDiscriminator(1, true).ScoreAndClassify(Tensor.Zeros(1, 6), null));
        Assert.Equal("MlpDiscriminator has no class head; declare it with Conditioning = LabelConditioning.AuxiliaryClassifier or OneHotPlanesAndClassifier.", error.Message);
    }

    private static T Copy<T>(T net) where T : Module
    {
        var copy = (T)Activator.CreateInstance(net.GetType(), 99UL)!;
        copy.LoadStateDict(net.StateDict().ToDictionary(e => e.Name, e => e.Value));
        return copy;
    }
}
