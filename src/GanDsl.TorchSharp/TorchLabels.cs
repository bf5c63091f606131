using TorchSharp;
using static TorchSharp.torch;

namespace GanDsl.TorchSharp;

/// <summary>How labels are mixed into a conditional net's input on TorchSharp, as GanDsl's managed nets mix them.</summary>
public static class TorchLabels
{
    /// <summary>
    /// One-hot planes [N, <paramref name="classes"/>, H, W]: plane k is all ones for samples of class k (GanDsl's
    /// <c>Ops.OneHotPlanes</c>); a constant, so no gradient flows into labels.
    /// </summary>
    public static Tensor OneHotPlanes(Tensor labels, int classes, long height, long width)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = NewDisposeScope();
        var onehot = nn.functional.one_hot(labels.to(ScalarType.Int64), classes).to(ScalarType.Float32);
        var planes = onehot.view(labels.shape[0], classes, 1, 1).expand(labels.shape[0], classes, height, width).contiguous();
        return planes.MoveToOuterDisposeScope();
    }

    /// <summary>The exception a conditional net throws when it is given no labels.</summary>
    internal static ArgumentNullException Missing(string net, int classes) =>
        new("labels", $"{net} is conditional on {classes} classes; pass one label per sample.");
}
