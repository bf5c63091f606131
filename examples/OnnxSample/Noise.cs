namespace OnnxSample;

/// <summary>Seeded N(0, 1) noise, the distribution GanDsl's generators are trained on.</summary>
internal static class Noise
{
    public static float[] Normal(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i += 2)
        {
            // Box–Muller: two uniforms give two independent standard normals.
            double u = 1.0 - random.NextDouble(), v = random.NextDouble();
            double radius = Math.Sqrt(-2.0 * Math.Log(u));
            values[i] = (float)(radius * Math.Cos(2 * Math.PI * v));
            if (i + 1 < count) values[i + 1] = (float)(radius * Math.Sin(2 * Math.PI * v));
        }
        return values;
    }
}
