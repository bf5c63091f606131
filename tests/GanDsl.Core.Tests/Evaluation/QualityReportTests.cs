using System.Text.Json;
using GanDsl.Evaluation;

namespace GanDsl.Core.Tests.Evaluation;

public class QualityReportTests
{
    [Fact]
    public void Json_has_the_snake_case_keys_in_order_with_round_trippable_numbers()
    {
        var report = new QualityReport(12.5, 0.0125, 0.001, 8.25, 0.99, 10, 0.93, 10000);
        Assert.Equal(
            """{"fcd":12.5,"kid":0.0125,"kid_std":0.001,"classifier_score":8.25,"coverage":0.99,"classes_covered":10,"conditional_accuracy":0.93,"samples":10000}""",
            report.ToJson());
        var third = 1.0 / 3;
        using var doc = JsonDocument.Parse((report with { Fcd = third }).ToJson());
        Assert.Equal(third, doc.RootElement.GetProperty("fcd").GetDouble());
    }

    [Fact]
    public void Unconditional_reports_and_non_finite_values_write_null()
    {
        using var doc = JsonDocument.Parse(new QualityReport(double.NaN, 0, 0, 1, 0, 1, null, 5).ToJson());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("conditional_accuracy").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("fcd").ValueKind);
        Assert.Equal(5, doc.RootElement.GetProperty("samples").GetInt32());
    }
}
