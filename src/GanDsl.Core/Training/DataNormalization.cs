using System.Globalization;
using GanDsl.Tensors;

namespace GanDsl.Training;

/// <summary>
/// torchvision's <c>Normalize(mean, std)</c> after <c>ToTensor</c> as a training transform: a pixel p becomes
/// (p / 255 − mean) / std, so MNIST with (0.1307, 0.3081), the Lightning tutorial's values, has mean 0 and standard deviation
/// 1. The loop reads data scaled to [-1, 1] (x / 127.5 − 1) and applies <see cref="Normalize"/> to each real batch; generated
/// samples go through <see cref="Denormalize(Tensor)"/> before they become sample grids, IDX files or scores, so everything outside
/// the step sees [-1, 1] as for any other run.
/// </summary>
/// <param name="Mean">The mean subtracted from pixels in [0, 1].</param>
/// <param name="Std">The standard deviation they are divided by (positive).</param>
public sealed record DataNormalization(float Mean, float Std)
{
    /// <summary>MNIST's training-set mean and standard deviation on [0, 1] pixels, as the Lightning tutorial normalises it.</summary>
    public static DataNormalization Mnist { get; } = new(0.1307f, 0.3081f);

    /// <summary>The problem with these values in one sentence naming the field, or null when they are usable.</summary>
    public string? Problem() =>
        !float.IsFinite(Mean) ? $"Normalization.Mean must be a finite number but is {Str(Mean)}."
        : !(Std > 0f && float.IsFinite(Std)) ? $"Normalization.Std must be a positive finite number but is {Str(Std)}."
        : null;

    /// <summary>Maps values in [-1, 1] to normalised values in place: u = (v + 1) / 2 is the pixel in [0, 1], then (u − mean) / std.</summary>
    public void Normalize(Span<float> values)
    {
        // (v + 1) / 2 − mean, divided by std, as one multiply-add per value.
        float scale = 0.5f / Std, shift = (0.5f - Mean) / Std;
        for (int i = 0; i < values.Length; i++) values[i] = values[i] * scale + shift;
    }

    /// <summary>Maps normalised values back to [-1, 1] in place: 2 (x · std + mean) − 1, the inverse of <see cref="Normalize"/>.</summary>
    public void Denormalize(Span<float> values)
    {
        float scale = 2f * Std, shift = 2f * Mean - 1f;
        for (int i = 0; i < values.Length; i++) values[i] = values[i] * scale + shift;
    }

    /// <summary>A copy of <paramref name="samples"/> mapped back to [-1, 1] (see <see cref="Denormalize(Span{float})"/>), for a grid or a score.</summary>
    public Tensor Denormalize(Tensor samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var copy = samples.Clone();
        Denormalize(copy.Data);
        return copy;
    }

    private static string Str(float value) => value.ToString(CultureInfo.InvariantCulture);
}
