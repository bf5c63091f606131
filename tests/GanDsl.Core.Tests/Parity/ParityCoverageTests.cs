using System.Reflection;

namespace GanDsl.Core.Tests.Parity;

/// <summary>Keeps expected.json, layers_expected.json and the parity tests in step: every stored case is checked by some test, and vice versa.</summary>
public class ParityCoverageTests
{
    [Fact]
    public void Every_case_in_expected_json_is_tested_and_every_tested_case_exists()
    {
        var tested = typeof(ParityCoverageTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ParityCoverageTests).Namespace)
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<InlineDataAttribute>())
            .SelectMany(a => a.GetData(null!))
            .Select(row => row[0]).OfType<string>()
            .ToHashSet();
        foreach (var name in new[] { "relu", "tanh", "sigmoid", "dcgan_generator_step", "gradient_penalty", "binary_cross_entropy", "binary_cross_entropy_with_logits", "mse_loss", "cross_entropy", "critic_gradient_penalty" })
            tested.Add(name); // the [Fact] tests name their single case directly
        var stored = ParityData.CaseNames().ToHashSet();

        Assert.Empty(stored.Except(tested).Order());
        Assert.Empty(tested.Except(stored).Order());
    }

    [Theory]
    [InlineData(1.5e-5, true)]   // beyond rtol 1e-5 (the element is ~9, so atol and slack are far smaller)
    [InlineData(0.5e-5, false)]  // within it
    public void Close_rejects_a_relative_error_just_beyond_the_tolerance(double relativeError, bool rejects)
    {
        var c = ParityData.Case("linear_large");
        var output = c.Tensor("out");
        int i = Array.IndexOf(output.Data, output.Data.MaxBy(MathF.Abs));
        output.Data[i] *= (float)(1 + relativeError);
        var failure = Record.Exception(() => ParityAssert.Close(c, "out", output));
        Assert.Equal(rejects, failure is not null);
    }
}
