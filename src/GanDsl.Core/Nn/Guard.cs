namespace GanDsl.Nn;

/// <summary>Argument checks shared by the layer constructors, with messages that name the layer and the argument.</summary>
internal static class Guard
{
    public static void Positive(string layer, string argument, int value)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(argument, $"{layer}: {argument} must be positive but is {value}.");
    }

    public static void NonNegative(string layer, string argument, int value)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(argument, $"{layer}: {argument} must not be negative but is {value}.");
    }
}
