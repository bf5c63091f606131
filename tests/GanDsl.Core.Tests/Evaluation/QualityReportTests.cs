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

    [Fact]
    public void A_conditional_report_lists_each_class_accuracy_after_the_totals_with_null_for_unasked_classes()
    {
        var report = new QualityReport(1, 0, 0, 1, 1, 3, 0.75, 4) { ConditionalAccuracyByClass = [0.5, 1.0, double.NaN] };
        Assert.EndsWith(""","samples":4,"conditional_accuracy_by_class":[0.5,1,null]}""", report.ToJson());
        Assert.DoesNotContain("by_class", new QualityReport(1, 0, 0, 1, 1, 3, null, 4).ToJson());
    }
}
