using SkiaSharp;

namespace PatientLeaders.Community.Web.Features.Profiles;

/// <summary>
/// Turns an uploaded picture into the site's own: the centre square, 256 pixels a side, as a fresh JPEG. Drawing it
/// anew keeps nothing of the original file (no camera, place or time metadata, no hidden payload). Anything that is
/// not a picture SkiaSharp can read, or is absurdly large, is refused.
/// </summary>
public static class ProfilePhoto
{
    public const int Size = 256;

    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>A picture's pixels at most (25 megapixels, about 100 MB decoded): a small file can claim enormous dimensions.</summary>
    public const long MaxPixels = 25_000_000;

    public static byte[]? Square(byte[] input)
    {
        using var data = SKData.CreateCopy(input);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0 || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return null;
        }
        using var bitmap = SKBitmap.Decode(codec);
        if (bitmap is null)
        {
            return null;
        }
        using var image = SKImage.FromBitmap(bitmap);
        var side = Math.Min(bitmap.Width, bitmap.Height);
        var source = SKRect.Create((bitmap.Width - side) / 2f, (bitmap.Height - side) / 2f, side, side);
        using var surface = SKSurface.Create(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        // A phone's portrait photo is stored sideways with an orientation tag: turn the square the way it was taken.
        canvas.Translate(Size / 2f, Size / 2f);
        canvas.RotateDegrees(codec.EncodedOrigin switch
        {
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        });
        canvas.Translate(-Size / 2f, -Size / 2f);
        canvas.DrawImage(image, source, SKRect.Create(Size, Size), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), null);
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return encoded.ToArray();
    }
}
