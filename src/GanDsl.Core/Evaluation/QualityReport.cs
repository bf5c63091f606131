using System.Text;
using System.Text.Json;

namespace GanDsl.Evaluation;

/// <summary>
/// Sample-quality metrics of one evaluation. <see cref="ToJson"/> writes the keys of <c>gandsl evaluate --json</c>:
/// fcd, kid, kid_std, classifier_score, coverage, classes_covered, conditional_accuracy (null when unconditional), samples,
/// and for a conditional generator conditional_accuracy_by_class; truncation when the samples' noise was truncated.
/// </summary>
public sealed record QualityReport(
    double Fcd,
    double Kid,
    double KidStd,
    double ClassifierScore,
    double Coverage,
    int ClassesCovered,
    double? ConditionalAccuracy,
    int Samples)
{
    /// <summary>
    /// Per requested class, the fraction of its samples the classifier puts in it (NaN for a class no sample asked for); null
    /// when unconditional. <see cref="ConditionalAccuracy"/> is their sample-weighted mean.
    /// </summary>
    public IReadOnlyList<double>? ConditionalAccuracyByClass { get; init; }

    /// <summary>The bound the samples' noise was truncated to (<c>--truncation</c>); null for plain N(0, 1) noise or given images.</summary>
    public float? Truncation { get; init; }

    /// <summary>One JSON object on one line; numbers in invariant, round-trippable form, non-finite values as null.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            Number(json, "fcd", Fcd);
            Number(json, "kid", Kid);
            Number(json, "kid_std", KidStd);
            Number(json, "classifier_score", ClassifierScore);
            Number(json, "coverage", Coverage);
            json.WriteNumber("classes_covered", ClassesCovered);
            Number(json, "conditional_accuracy", ConditionalAccuracy);
            json.WriteNumber("samples", Samples);
            if (ConditionalAccuracyByClass is { } byClass)
            {
                json.WriteStartArray("conditional_accuracy_by_class");
                foreach (var v in byClass)
                    if (double.IsFinite(v)) json.WriteNumberValue(v);
                    else json.WriteNullValue();
                json.WriteEndArray();
            }
            if (Truncation is { } bound) json.WriteNumber("truncation", bound);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        // JSON has no NaN/Infinity; null says "not available" without breaking parsers.
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
