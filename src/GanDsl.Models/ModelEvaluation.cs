using GanDsl.Tensors;

namespace GanDsl.Models;

/// <summary>
/// A model's own measure of its generated samples: <c>gandsl evaluate RUN</c> draws <paramref name="DefaultSamples"/> of
/// them (or <c>--samples</c>) from the run's generator and prints what <paramref name="Score"/> returns, with the sample
/// count, as one JSON object.
/// </summary>
/// <param name="Score">Named values computed from the samples [N, …]; the names are the JSON keys.</param>
public sealed record ModelEvaluation(int DefaultSamples, Func<Tensor, IReadOnlyList<KeyValuePair<string, double>>> Score);
