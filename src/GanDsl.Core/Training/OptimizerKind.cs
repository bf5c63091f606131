namespace GanDsl.Training;

/// <summary>Which optimizer updates both players.</summary>
public enum OptimizerKind
{
    Sgd,
    Adam,
    AdamW,
}
