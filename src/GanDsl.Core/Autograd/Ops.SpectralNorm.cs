using GanDsl.Tensors;

namespace GanDsl.Autograd;

public static partial class Ops
{
    /// <summary>
    /// torch.nn.utils.spectral_norm's weight: <paramref name="weight"/> / σ with σ = uᵀ W v, W the weight as a matrix with
    /// axis <paramref name="dim"/> as its rows (0 for Linear and Conv2d, 1 for ConvTranspose2d's [in, out, k, k]). With
    /// <paramref name="powerIteration"/> (training) u and v first take one power-iteration step, in place:
    /// v = normalize(Wᵀu), u = normalize(W v), where normalize divides by max(‖·‖₂, eps). u and v are constants of the
    /// result (PyTorch computes them under no_grad), so the gradient flows into the weight through σ only, to any order.
    /// </summary>
    public static Tensor SpectralNormWeight(Tensor weight, Tensor u, Tensor v, int dim, bool powerIteration, float eps = 1e-12f)
    {
        if (dim != 0 && dim != 1 || weight.Rank <= dim)
            throw new ArgumentException($"spectral_norm: dim must be 0 or 1 and below the weight's rank, but is {dim} for {weight.Shape}.");
        var matrix = new WeightMatrix(weight.Shape, dim);
        if (u.Size != matrix.Rows || v.Size != matrix.Columns)
            throw new ArgumentException($"spectral_norm: u {u.Shape} and v {v.Shape} do not fit weight {weight.Shape} as a {matrix.Rows}x{matrix.Columns} matrix.");
        if (powerIteration)
        {
            matrix.TransposeTimes(weight.Data, u.Data, v.Data);
            NormalizeInPlace(v.Data, eps);
            matrix.Times(weight.Data, v.Data, u.Data);
            NormalizeInPlace(u.Data, eps);
        }
        // σ = Σ W ⊙ (u vᵀ), the outer product laid out like the weight: a constant snapshot of u and v.
        var outer = new Tensor(weight.Shape);
        matrix.Outer(u.Data, v.Data, outer.Data);
        var sigma = Sum(Mul(weight, outer));
        return Div(weight, sigma);
    }

    private static void NormalizeInPlace(float[] values, float eps)
    {
        double squares = 0;
        foreach (var value in values) squares += (double)value * value;
        float scale = (float)(1.0 / Math.Max(Math.Sqrt(squares), eps));
        for (int i = 0; i < values.Length; i++) values[i] *= scale;
    }

    /// <summary>
    /// A weight read as a matrix whose rows are axis <c>dim</c>: element (a, r, b) of a weight viewed as [outer, rows, inner]
    /// (outer = 1 when dim is 0) sits at row r, column a·inner + b, as torch's permute-then-reshape puts it. Each product walks
    /// the weight in storage order.
    /// </summary>
    private readonly struct WeightMatrix
    {
        private readonly int _outer, _inner;

        public WeightMatrix(Shape shape, int dim)
        {
            Rows = shape[dim];
            _outer = dim == 0 ? 1 : shape[0];
            _inner = shape.Size / Math.Max(1, Rows * _outer);
            Columns = _outer * _inner;
        }

        public int Rows { get; }
        public int Columns { get; }

        /// <summary>result = Wᵀ·u (sums in double).</summary>
        public void TransposeTimes(float[] w, float[] u, float[] result)
        {
            var sums = new double[Columns];
            int i = 0;
            for (int a = 0; a < _outer; a++)
                for (int r = 0; r < Rows; r++)
                {
                    double ur = u[r];
                    for (int b = 0, c = a * _inner; b < _inner; b++, c++, i++) sums[c] += w[i] * ur;
                }
            for (int c = 0; c < Columns; c++) result[c] = (float)sums[c];
        }

        /// <summary>result = W·v (sums in double).</summary>
        public void Times(float[] w, float[] v, float[] result)
        {
            var sums = new double[Rows];
            int i = 0;
            for (int a = 0; a < _outer; a++)
                for (int r = 0; r < Rows; r++)
                {
                    double sum = 0;
                    for (int b = 0, c = a * _inner; b < _inner; b++, c++, i++) sum += (double)w[i] * v[c];
                    sums[r] += sum;
                }
            for (int r = 0; r < Rows; r++) result[r] = (float)sums[r];
        }

        /// <summary>u vᵀ in the weight's layout.</summary>
        public void Outer(float[] u, float[] v, float[] result)
        {
            int i = 0;
            for (int a = 0; a < _outer; a++)
                for (int r = 0; r < Rows; r++)
                    for (int b = 0, c = a * _inner; b < _inner; b++, c++, i++) result[i] = u[r] * v[c];
        }
    }
}
