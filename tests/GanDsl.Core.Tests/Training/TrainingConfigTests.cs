using GanDsl.Training;

namespace GanDsl.Core.Tests.Training;

public class TrainingConfigTests
{
    [Fact]
    public void Default_matches_the_reference_tutorials()
    {
        var c = TrainingConfig.Default;
        Assert.Equal((OptimizerKind.AdamW, 2e-4f, 2e-4f, 0.5f, 0.999f, 1e-5f, 128, 42UL),
            (c.Optimizer, c.GeneratorLearningRate, c.DiscriminatorLearningRate, c.Beta1, c.Beta2, c.WeightDecay, c.BatchSize, c.Seed));
        Assert.Empty(c.Validate(new MlpDiscriminator(1, probability: true)));
    }

    [Fact]
    public void Validate_collects_one_message_per_bad_field()
    {
        var bad = TrainingConfig.Default with { Epochs = 0, BatchSize = 1, Beta1 = 1.5f, GeneratorLearningRate = float.NaN, CriticSteps = 0, EmaDecay = 1f };
        var errors = bad.Validate();
        Assert.Equal(6, errors.Count);
        foreach (var field in new[] { "Epochs", "BatchSize", "Beta1", "GeneratorLearningRate", "CriticSteps", "EmaDecay" })
            Assert.Single(errors, e => e.StartsWith(field + " ", StringComparison.Ordinal));
        var ex = Assert.Throws<TrainingConfigException>(() => bad.EnsureValid());
        Assert.Equal(errors, ex.Errors);
    }

    [Theory]
    [InlineData(GanLoss.Hinge)]
    [InlineData(GanLoss.Wasserstein)]
    [InlineData(GanLoss.LeastSquares)]
    public void Losses_on_raw_scores_refuse_a_sigmoid_ending_discriminator(GanLoss loss)
    {
        var config = TrainingConfig.Default with { Loss = loss };
        var error = Assert.Single(config.Validate(new MlpDiscriminator(1, probability: true)));
        Assert.Contains("Sigmoid", error);
        Assert.Contains(loss.ToString(), error);
        Assert.Empty(config.Validate(new MlpDiscriminator(1, probability: false)));
    }

    [Fact]
    public void Label_smoothing_is_refused_for_losses_without_targets()
    {
        var config = TrainingConfig.Default with { Loss = GanLoss.Wasserstein, LabelSmoothing = 0.9f };
        Assert.Contains("LabelSmoothing", Assert.Single(config.Validate()));
        Assert.Empty((config with { Loss = GanLoss.NonSaturating }).Validate());
    }

    [Fact]
    public void Resume_compatibility_names_each_breaking_field_and_allows_the_rest()
    {
        var saved = TrainingConfig.Default;
        Assert.Empty(ResumeCompatibility.Problems(saved, saved with { Epochs = 99, MaxSteps = 5, GeneratorLearningRate = 1e-3f, LogIntervalSteps = 7 }));
        var problems = ResumeCompatibility.Problems(saved, saved with { BatchSize = 64, Seed = 1 }).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains("BatchSize from 128 to 64", problems[0]);
        Assert.Contains("Seed", problems[1]);
    }

    [Fact]
    public void Train_validates_before_touching_anything()
    {
        using var dir = new TempFolder();
        var ex = Assert.Throws<TrainingConfigException>(() =>
            Adversarial.Train(new MlpGan(1, true), new InMemoryData(40), Configs.Tiny with { Loss = GanLoss.Hinge, Epochs = 0 }, runDirectory: dir.Path));
        Assert.Equal(2, ex.Errors.Count);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Data_that_does_not_fit_the_networks_is_refused_in_one_sentence()
    {
        var ex = Assert.Throws<TrainingSetupException>(() => TrainingSession.Start(new MlpGan(1, true), new InMemoryData(40, width: 5), Configs.Tiny));
        Assert.StartsWith("The generator produces samples of shape [6] but the data set's samples are [5]", ex.Message);
        var few = Assert.Throws<TrainingSetupException>(() => TrainingSession.Start(new MlpGan(1, true), new InMemoryData(5), Configs.Tiny));
        Assert.Contains("fewer than the 8 one step reads", few.Message);
        var labels = Assert.Throws<TrainingSetupException>(() => TrainingSession.Start(new MlpGan(1, true, classes: 3), new InMemoryData(40), Configs.Tiny));
        Assert.Contains("labelled with 3 classes", labels.Message);
    }

    [Fact]
    public void A_recipe_sets_what_it_declares_and_leaves_the_rest()
    {
        var base_ = TrainingConfig.Default with { Loss = GanLoss.Hinge, CriticSteps = 2, Epochs = 3 };

        Assert.Equal(base_, base_.WithRecipe(GanRecipe.None));
        Assert.Equal(TrainingConfig.Default, TrainingConfig.DefaultFor(new MlpGan(1, probability: false))); // a hand-written pair declares nothing
        var applied = base_.WithRecipe(new GanRecipe { GradientPenalty = 10, DataRange = DataRange.ZeroToOne });
        Assert.Equal(base_ with { GradientPenaltyWeight = 10f, DataRange = DataRange.ZeroToOne }, applied);
        Assert.Equal(base_ with { Loss = GanLoss.Wasserstein, R1Weight = 0.25f, CriticSteps = 5 },
            base_.WithRecipe(new GanRecipe { Loss = GanLoss.Wasserstein, R1 = 0.25, CriticSteps = 5 }));
    }

    [Fact]
    public void Recipe_values_no_run_can_use_are_refused_one_sentence_each()
    {
        var bad = TrainingConfig.Default with
        {
            GradientPenaltyWeight = float.NaN, R1Weight = -1f, CriticSteps = 1001, Loss = (GanLoss)9, DataRange = (DataRange)2,
        };

        Assert.Equal(new[]
        {
            "Loss 9 is not one of Minimax, NonSaturating, LeastSquares, Hinge, Wasserstein.",
            "GradientPenaltyWeight must be a finite number from 0 to 3.4E+38 but is NaN.",
            "R1Weight must be a finite number from 0 to 3.4E+38 but is -1.",
            "CriticSteps must be a whole number from 1 to 1000 but is 1001.",
            "DataRange 2 is not one of MinusOneToOne, ZeroToOne.",
        }, bad.Validate());
    }

    [Fact]
    public void Pairs_written_by_hand_have_no_layers_to_weigh_the_recipe_against()
    {
        // MlpGan's critic has no Architecture: a penalty or a data range cannot be checked against its layers.
        var config = Configs.Tiny with { Loss = GanLoss.Wasserstein, GradientPenaltyWeight = 10f, DataRange = DataRange.ZeroToOne };
        Assert.Empty(config.Validate(new MlpGan(1, probability: false)));
        Assert.Contains("ends in Sigmoid", Assert.Single(config.Validate(new MlpGan(1, probability: true))));
    }

    [Fact]
    public void An_undeclared_data_range_is_left_out_of_the_saved_configuration()
    {
        var plain = System.Text.Encoding.UTF8.GetString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(TrainingConfig.Default, GanDsl.Training.Checkpoints.CheckpointState.JsonOptions));
        Assert.DoesNotContain("DataRange", plain);

        var ranged = TrainingConfig.Default with { DataRange = DataRange.ZeroToOne };
        var json = System.Text.Json.JsonSerializer.Serialize(ranged, GanDsl.Training.Checkpoints.CheckpointState.JsonOptions);
        Assert.Contains("\"DataRange\": \"ZeroToOne\"", json);
        Assert.Equal(ranged, System.Text.Json.JsonSerializer.Deserialize<TrainingConfig>(json, GanDsl.Training.Checkpoints.CheckpointState.JsonOptions));
    }
}
