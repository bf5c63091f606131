using System;
using System.Globalization;

namespace GanDsl.Shapes
{
    /// <summary>Python's number formatting as torchinfo uses it ("{:,}", "{:0.2f}", "{:,.2f}").</summary>
    internal static class PyFormat
    {
        /// <summary><c>f"{n:,}"</c> for an integer.</summary>
        public static string Grouped(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

        /// <summary><c>f"{v:0.2f}"</c>: exact value rounded half to even, like CPython.</summary>
        public static string Fixed2(double v) => Round2(v).ToString("F2", CultureInfo.InvariantCulture);

        /// <summary><c>f"{v:,.2f}"</c>.</summary>
        public static string GroupedFixed2(double v)
        {
            // "F2" rounds the exact binary value (custom formats would round a 15-digit approximation).
            string s = Fixed2(v);
            int dot = s.IndexOf('.');
            return Grouped(long.Parse(s.Substring(0, dot), CultureInfo.InvariantCulture)) + s.Substring(dot);
        }

        // A double is exactly halfway between two hundredths only when it is an odd multiple of 1/8
        // (k/200 is dyadic only if 25 divides k); there CPython rounds to even where .NET rounds away.
        private static double Round2(double v)
        {
            double eighths = v * 8;
            if (eighths == Math.Floor(eighths) && Math.Abs(eighths % 2) == 1)
                return Math.Round(v * 100, MidpointRounding.ToEven) / 100;
            return v;
        }
    }
}
