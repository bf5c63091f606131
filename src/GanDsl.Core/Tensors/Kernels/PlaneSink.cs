namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The product of an implicit convolution GEMM written straight into the NCHW output: row i is channel i, column
/// j = (n, q) is position q of image n's plane. A micro-tile whose columns stay inside one image is a strided block (rows
/// a plane apart), so the micro-kernel writes it in place; a tile that spans two images goes through the scratch tile and
/// is copied out one image's segment at a time.
/// </summary>
internal sealed unsafe class PlaneSink : TileSink
{
    public float* Data;
    public int Channels, Plane;

    public override bool TryBlock(int i, int j, int columns, out float* c, out nint ldc)
    {
        int n = j / Plane, q = j % Plane;
        ldc = Plane;
        c = Data + ((long)n * Channels + i) * Plane + q;
        return q + columns <= Plane;
    }

    public override void Load(int i, int j, int rows, int columns, float* tile, int ld) => Copy(i, j, rows, columns, tile, ld, toPlanes: false);

    public override void Store(int i, int j, int rows, int columns, float* tile, int ld) => Copy(i, j, rows, columns, tile, ld, toPlanes: true);

    private void Copy(int i, int j, int rows, int columns, float* tile, int ld, bool toPlanes)
    {
        int n = j / Plane, q = j % Plane;
        for (int x = 0; x < columns; n++, q = 0)
        {
            int length = Math.Min(columns - x, Plane - q);
            uint bytes = (uint)(length * sizeof(float));
            float* at = Data + ((long)n * Channels + i) * Plane + q;
            for (int r = 0; r < rows; r++, at += Plane)
            {
                if (toPlanes) Buffer.MemoryCopy(tile + r * ld + x, at, bytes, bytes);
                else Buffer.MemoryCopy(at, tile + r * ld + x, bytes, bytes);
            }
            x += length;
        }
    }
}
