using GanDsl.Tensors;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>
    /// Normalises each sample of [N, C, …] in <paramref name="groups"/> groups of C/groups consecutive channels (each group's
    /// channels and positions together): x̂ = (x − mean) / √(var + eps) with the biased variance, as torch's group_norm does
    /// before its affine. groups = 1 is LayerNorm over the whole sample, groups = C is InstanceNorm; their affines are applied
    /// by the modules. The statistics are the sample's own, so training and evaluation compute the same.
    /// </summary>
    public static Tensor GroupNormalize(Tensor x, int groups, float eps)
    {
        if (x.Rank < 2) throw new ArgumentException($"group_norm: needs an input [N, C, …] but got {x.Shape}.");
        int c = x.Shape[1];
        if (groups < 1 || c % groups != 0)
            throw new ArgumentException($"group_norm: {c} channels of input {x.Shape} do not split into {groups} groups.");
        int rows = x.Shape[0] * groups;
        int length = rows == 0 ? 0 : x.Size / rows;
        var mean = new float[rows];
        var invStd = new float[rows];
        var y = Tensor.Pooled(x.Shape, clear: false);
        for (int r = 0; r < rows; r++) NormalizeRow(x.Data, y.Data, r * length, length, eps, out mean[r], out invStd[r]);
        return Recorder.Record(y, "group_norm", x, g =>
        {
            if (GradMode.IsEnabled) // createGraph: differentiate the same computation written with recorded ops
                return Engine.Grad(GroupNormalizeComposite(x, rows, eps), new[] { x }, createGraph: true, gradOutput: g)[0];
            var gx = Tensor.Pooled(x.Shape, clear: false);
            for (int r = 0; r < rows; r++) NormalizeRowBackward(y.Data, g.Data, gx.Data, r * length, length, invStd[r]);
            return gx;
        });
    }

    /// <summary>Mean and 1/√(var + eps) of one row (sums in double), and the row normalised.</summary>
    private static void NormalizeRow(float[] x, float[] y, int start, int length, float eps, out float mean, out float invStd)
    {
        double sum = 0;
        for (int i = start; i < start + length; i++) sum += x[i];
        double m = sum / length, squares = 0;
        for (int i = start; i < start + length; i++)
        {
            double d = x[i] - m;
            squares += d * d;
        }
        mean = (float)m;
        invStd = (float)(1.0 / Math.Sqrt(squares / length + eps));
        for (int i = start; i < start + length; i++) y[i] = (x[i] - mean) * invStd;
    }

    /// <summary>gx = invStd · (g − mean(g) − x̂ · mean(g·x̂)) over one row.</summary>
    private static void NormalizeRowBackward(float[] xHat, float[] g, float[] gx, int start, int length, float invStd)
    {
        double sumG = 0, sumGx = 0;
        for (int i = start; i < start + length; i++)
        {
            sumG += g[i];
            sumGx += (double)g[i] * xHat[i];
        }
        float meanG = (float)(sumG / length), meanGx = (float)(sumGx / length);
        for (int i = start; i < start + length; i++) gx[i] = invStd * (g[i] - meanG - xHat[i] * meanGx);
    }

    /// <summary>The same normalisation from primitive ops: slower, but differentiable to any order.</summary>
    private static Tensor GroupNormalizeComposite(Tensor x, int rows, float eps)
    {
        var flat = Reshape(x, rows, x.Size / rows);
        var centered = Sub(flat, Mean(flat, 1, keepDim: true));
        var variance = Mean(Mul(centered, centered), 1, keepDim: true);
        return Reshape(Div(centered, Sqrt(AddScalar(variance, eps))), x.Shape);
    }
}
