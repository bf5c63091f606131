namespace GanDsl.Training
{
    // Lives with the shared recipe rules (linked into the source generator, which checks a pair's declared Loss) and keeps
    // its namespace, so code that names GanDsl.Training.GanLoss compiles as before.

    /// <summary>The adversarial objective; <c>GanLosses</c> holds its formulas.</summary>
    public enum GanLoss
    {
        /// <summary>Goodfellow's original game: D maximises log D(x) + log(1 − D(G(z))), G minimises log(1 − D(G(z))).</summary>
        Minimax,

        /// <summary>As minimax for D; G maximises log D(G(z)) instead (stronger gradients early on). The tutorials' default.</summary>
        NonSaturating,

        /// <summary>LSGAN: squared distance of D's score to the targets 1 (real) and 0 (fake). Needs a D without Sigmoid.</summary>
        LeastSquares,

        /// <summary>Hinge loss (SAGAN, BigGAN). Needs a D without Sigmoid.</summary>
        Hinge,

        /// <summary>WGAN critic loss, usually with a gradient penalty. Needs a D without Sigmoid.</summary>
        Wasserstein,
    }
}
