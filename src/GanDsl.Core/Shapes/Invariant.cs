using System.Globalization;

namespace GanDsl.Shapes
{
    /// <summary>Numbers as messages and generated code print them: invariant culture, doubles round-trippable.</summary>
    internal static class Invariant
    {
        public static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);
        public static string Real(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }
}
