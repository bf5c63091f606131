namespace GanDsl
{
    /// <summary>
    /// The range the training data is scaled to, declared on a pair with <c>[Gan&lt;G, D&gt;(DataRange = …)]</c>: the
    /// generator's output must be able to cover it (Tanh for [−1, 1], Sigmoid for [0, 1]).
    /// </summary>
    public enum DataRange
    {
        /// <summary>[−1, 1], as pixels scaled by x / 127.5 − 1 (torchvision's Normalize(0.5, 0.5)): a Tanh generator.</summary>
        MinusOneToOne,

        /// <summary>[0, 1], as pixels scaled by x / 255 or binary data: a Sigmoid generator.</summary>
        ZeroToOne,
    }
}
