namespace GanDsl.Tensors.Kernels;

/// <summary>
/// The product of an implicit convolution GEMM written into NCHW planes: row i is channel i, column j = (n, qy, qx) a
/// point of a grid laid over image n's plane at row qy·s + Ry, column qx·s + Rx. With stride 1 and the grid covering the
/// plane (a forward convolution's output), a micro-tile whose columns stay inside one image is a strided block (rows a
/// plane apart), so the micro-kernel writes it in place; other tiles (across images, or a sub-pixel phase's every other
/// pixel) go through the scratch tile and are copied out in segments that share an image and a grid row.
/// </summary>
internal sealed unsafe class PlaneSink : TileSink
{
    public float* Data;
    public int Channels, Height, Width, GridHeight, GridWidth, Stride, Ry, Rx;

    private int GridPlane => GridHeight * GridWidth;
    private long Plane => (long)Height * Width;
    private bool Whole => Stride == 1 && GridHeight == Height && GridWidth == Width; // then Ry = Rx = 0

    public override bool TryBlock(int i, int j, int columns, out float* c, out nint ldc)
    {
        int n = j / GridPlane, q = j % GridPlane;
        if (!Whole || q + columns > GridPlane)
        {
            c = null;
            ldc = 0;
            return false;
        }
        c = Data + ((long)n * Channels + i) * Plane + q;
        ldc = (nint)Plane;
        return true;
    }

    public override void Load(int i, int j, int rows, int columns, float* tile, int ld) => Copy(i, j, rows, columns, tile, ld, toPlanes: false);

    public override void Store(int i, int j, int rows, int columns, float* tile, int ld) => Copy(i, j, rows, columns, tile, ld, toPlanes: true);

    private void Copy(int i, int j, int rows, int columns, float* tile, int ld, bool toPlanes)
    {
        int n = j / GridPlane, q = j % GridPlane;
        // A segment ends at the end of a grid row, or of the plane when the grid is the whole plane.
        for (int x = 0; x < columns;)
        {
            int qy = q / GridWidth, qx = q % GridWidth;
            int length = Math.Min(columns - x, Whole ? GridPlane - q : GridWidth - qx);
            float* at = Data + ((long)n * Channels + i) * Plane + (Whole ? q : (long)(qy * Stride + Ry) * Width + qx * Stride + Rx);
            for (int r = 0; r < rows; r++, at += Plane)
            {
                float* t = tile + r * ld + x;
                if (Stride == 1)
                {
                    if (toPlanes) Buffer.MemoryCopy(t, at, length * sizeof(float), length * sizeof(float));
                    else Buffer.MemoryCopy(at, t, length * sizeof(float), length * sizeof(float));
                }
                else if (toPlanes) for (int e = 0; e < length; e++) at[e * Stride] = t[e];
                else for (int e = 0; e < length; e++) t[e] = at[e * Stride];
            }
            x += length;
            q += length;
            if (q == GridPlane) { q = 0; n++; }
        }
    }
}
