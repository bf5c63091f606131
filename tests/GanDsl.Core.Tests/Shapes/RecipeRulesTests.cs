using GanDsl.Shapes;
using GanDsl.Training;

namespace GanDsl.Core.Tests.Shapes;

/// <summary>
/// The shared recipe rules at their edges (the generator's and <c>TrainingConfig.Validate</c>'s tests check the sentences
/// end to end): the capacity ratio's boundary and overflow, which layers count as batch norm and which are looked through.
/// </summary>
public class RecipeRulesTests
{
    [Theory]
    [InlineData(2000L, 100L, false)]          // exactly 20 times is allowed
    [InlineData(2001L, 100L, true)]
    [InlineData(100L, 2000L, false)]
    [InlineData(100L, 2001L, true)]
    [InlineData(1L, 0L, true)]
    [InlineData(0L, 0L, false)]
    [InlineData(long.MaxValue, long.MaxValue / 20, true)]
    [InlineData(long.MaxValue, long.MaxValue / 20 + 1, false)]
    [InlineData(long.MaxValue, long.MaxValue, false)]
    public void Capacity_imbalance_is_more_than_twenty_times_exactly_and_never_overflows(long generator, long discriminator, bool imbalanced)
    {
        var sentence = RecipeRules.CapacityImbalance("G", generator, "D", discriminator);

        Assert.Equal(imbalanced, sentence is not null);
        if (sentence is null) return;
        Assert.Contains(generator.ToString(System.Globalization.CultureInfo.InvariantCulture), sentence);
        Assert.Contains(discriminator.ToString(System.Globalization.CultureInfo.InvariantCulture), sentence);
    }

    [Fact]
    public void Only_batch_norm_normalises_over_the_batch()
    {
        Assert.Equal(new[] { LayerKind.BatchNorm1d, LayerKind.BatchNorm2d }, LayerKind.All.Where(k => k.NormalizesOverBatch));
    }

    [Fact]
    public void Batch_norm_is_named_only_under_a_penalty_and_the_first_one_is_named()
    {
        LayerSpec[] critic = [LayerSpec.Conv2d(8, 3), LayerSpec.BatchNorm2d(), LayerSpec.Flatten(), LayerSpec.BatchNorm1d(), LayerSpec.Linear(1)];

        Assert.Null(RecipeRules.BatchNormUnderPenalty(0, 0, "D", critic));
        Assert.Null(RecipeRules.BatchNormUnderPenalty(double.NaN, 0, "D", critic));
        Assert.Null(RecipeRules.BatchNormUnderPenalty(10, 1, "D", [LayerSpec.Conv2d(8, 3), LayerSpec.Flatten(), LayerSpec.Linear(1)]));
        Assert.Contains("BatchNorm2d at layer 2", RecipeRules.BatchNormUnderPenalty(10, 0, "D", critic));
        Assert.Contains("an R1 penalty", RecipeRules.BatchNormUnderPenalty(0, 0.1, "D", critic));
    }

    [Fact]
    public void The_data_range_check_looks_through_layers_that_only_move_values()
    {
        LayerSpec[] tanhThenReshape = [LayerSpec.Linear(16), LayerSpec.Tanh(), LayerSpec.Reshape(1, 4, 4), LayerSpec.Upsample(2)];

        Assert.Null(RecipeRules.UncoveredDataRange(DataRange.MinusOneToOne, "G", tanhThenReshape));
        Assert.Contains("ends in Tanh at layer 2", RecipeRules.UncoveredDataRange(DataRange.ZeroToOne, "G", tanhThenReshape));
        Assert.Null(RecipeRules.UncoveredDataRange(DataRange.ZeroToOne, "G", [LayerSpec.Linear(4), LayerSpec.Sigmoid(), LayerSpec.Reshape(2, 2)]));
        Assert.Contains("ends in Linear(4) at layer 1, which is not bounded",
            RecipeRules.UncoveredDataRange(DataRange.ZeroToOne, "G", [LayerSpec.Linear(4), LayerSpec.Reshape(1, 2, 2)]));
        Assert.Null(RecipeRules.UncoveredDataRange(DataRange.ZeroToOne, "G", [LayerSpec.Reshape(1, 2, 2)])); // nothing makes values
    }

    [Theory]
    [InlineData(GanLoss.Minimax, false)]
    [InlineData(GanLoss.NonSaturating, false)]
    [InlineData(GanLoss.LeastSquares, true)]
    [InlineData(GanLoss.Hinge, true)]
    [InlineData(GanLoss.Wasserstein, true)]
    public void Raw_score_losses_are_the_ones_that_are_not_cross_entropy(GanLoss loss, bool raw)
    {
        Assert.Equal(raw, RecipeRules.IsRawScore(loss));
        Assert.Equal(!raw, GanLosses.IsCrossEntropy(loss));
        Assert.Equal(raw, RecipeRules.RawScoreLossWithSigmoid(loss, "D", endsInSigmoid: true) is not null);
        Assert.Null(RecipeRules.RawScoreLossWithSigmoid(loss, "D", endsInSigmoid: false));
    }
}
