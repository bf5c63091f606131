namespace GanDsl.Images;

/// <summary>
/// torchvision's Resize + CenterCrop, generalised to any target: the image is scaled so that it covers the target (the
/// binding side matches exactly, the other is truncated to whole pixels as torchvision does) and the target window is
/// cut from the middle, its offset rounded as Python's <c>round</c> does (half to even).
/// </summary>
/// <param name="ResizedHeight">Height of the scaled image.</param>
/// <param name="ResizedWidth">Width of the scaled image.</param>
/// <param name="Top">First row of the crop in the scaled image.</param>
/// <param name="Left">First column of the crop in the scaled image.</param>
internal readonly record struct CoverCrop(int ResizedHeight, int ResizedWidth, int Top, int Left)
{
    public static CoverCrop For(int height, int width, int targetHeight, int targetWidth)
    {
        int resizedHeight, resizedWidth;
        if ((long)targetHeight * width >= (long)targetWidth * height)
        {
            resizedHeight = targetHeight; // height binds: the width gets at least the target's
            resizedWidth = (int)Math.Max(targetWidth, (long)width * targetHeight / height);
        }
        else
        {
            resizedWidth = targetWidth;
            resizedHeight = (int)Math.Max(targetHeight, (long)height * targetWidth / width);
        }
        return new CoverCrop(resizedHeight, resizedWidth, Centre(resizedHeight, targetHeight), Centre(resizedWidth, targetWidth));
    }

    private static int Centre(int size, int window) => (int)Math.Round((size - window) / 2.0, MidpointRounding.ToEven);
}
