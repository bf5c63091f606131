namespace GanDsl.Training;

/// <summary>The adversarial objective; <see cref="GanLosses"/> holds its formulas.</summary>
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

/// <summary>Which optimizer updates both players.</summary>
public enum OptimizerKind
{
    Sgd,
    Adam,
    AdamW,
}
