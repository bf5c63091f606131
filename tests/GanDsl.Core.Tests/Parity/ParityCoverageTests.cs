using System.Reflection;

namespace GanDsl.Core.Tests.Parity;

/// <summary>Keeps expected.json and the parity tests in step: every stored case is checked by some test, and vice versa.</summary>
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
            .Select(row => (string)row[0])
            .ToHashSet();
        foreach (var name in new[] { "tanh", "sigmoid", "binary_cross_entropy", "binary_cross_entropy_with_logits", "mse_loss" })
            tested.Add(name); // the [Fact] tests name their single case directly
        var stored = ParityData.CaseNames().ToHashSet();

        Assert.Empty(stored.Except(tested).Order());
        Assert.Empty(tested.Except(stored).Order());
    }
}
