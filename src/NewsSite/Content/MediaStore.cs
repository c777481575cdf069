using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SkiaSharp;

namespace NewsSite.Content;

/// <summary>
/// Uploaded images: real images only (the bytes decide, not the name, and they must decode), within a size limit,
/// no SVG, no decompression bombs. Each is stored re-encoded (upright, without metadata) outside the web root under a
/// content-hash name, next to its resized WebP and JPEG variants, so the same picture is stored once and cached forever.
/// </summary>
public sealed partial class MediaStore(IOptions<NewsOptions> options, IHostEnvironment environment, ILogger<MediaStore> logger)
{
    public const string UrlPrefix = "/media";

    /// <summary>Refused before decoding: 40 megapixels is 160 MB of pixels, and no newsroom photo needs more.</summary>
    public const long MaxPixels = 40_000_000;

    public const int MaxSide = 10_000;

    private const int VariantQuality = 80;

    // Originals keep more quality: they are what a later re-crop or a new variant width starts from.
    private const int OriginalQuality = 90;

    // A decoded upload can take 160 MB: two at a time keeps a burst of uploads from exhausting memory.
    private static readonly SemaphoreSlim Decoding = new(2);

    public sealed record Variant(string Url, int Width, int Height, string ContentType);

    public sealed record Result(string? Url, string? Error)
    {
        public bool Succeeded => Url is not null;

        /// <summary>The stored original's size, upright.</summary>
        public int Width { get; init; }

        public int Height { get; init; }

        public IReadOnlyList<Variant> Variants { get; init; } = [];
    }

    public string Root { get; } = Path.GetFullPath(options.Value.MediaPath, environment.ContentRootPath);

    public long MaxBytes => options.Value.MaxUploadBytes;

    public async Task<Result> SaveImageAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return new Result(null, "اختر ملف صورة.");
        }
        if (file.Length > MaxBytes)
        {
            return TooLarge();
        }

        using var buffer = new MemoryStream((int)file.Length);
        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(buffer, cancellationToken);
        }
        if (buffer.Length > MaxBytes)
        {
            return TooLarge();
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (ImageExtensionOf(bytes.Span) is null)
        {
            return new Result(null, "هذا الملف ليس صورة مقبولة. الصيغ المقبولة: JPEG وPNG وWebP وGIF.");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes.Span))[..32];
        await Decoding.WaitAsync(cancellationToken);
        try
        {
            return await StoreAsync(hash, bytes, cancellationToken);
        }
        finally
        {
            Decoding.Release();
        }
    }

    private async Task<Result> StoreAsync(string hash, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        using var data = SKData.CreateCopy(bytes.Span);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return Undecodable();
        }
        // The header's size, checked before a single pixel is allocated.
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return new Result(null,
                $"أبعاد الصورة ({width}×{height} بكسل) أكبر من المسموح: {MaxSide} بكسل للضلع و{MaxPixels / 1_000_000} ميغابكسل في المجموع.");
        }

        using var decoded = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        // Anything short of a full decode (a truncated file included) is refused rather than stored half grey.
        if (codec.GetPixels(decoded.Info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return Undecodable();
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        var (format, extension) = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => (SKEncodedImageFormat.Jpeg, "jpg"),
            SKEncodedImageFormat.Webp => (SKEncodedImageFormat.Webp, "webp"),
            // PNG stays lossless; GIF becomes PNG (its first frame), because Skia writes no GIF.
            _ => (SKEncodedImageFormat.Png, "png"),
        };

        var name = $"{hash}.{extension}";
        var files = new List<(string Name, Func<SKData> Encode)>();
        var variants = new List<Variant>();
        foreach (var variantWidth in ResponsiveImage.WidthsFor(upright.Width))
        {
            var variantHeight = Math.Max(1, (int)Math.Round((double)upright.Height * variantWidth / upright.Width));
            var webp = ResponsiveImage.VariantName(hash, variantWidth, "webp");
            var jpeg = ResponsiveImage.VariantName(hash, variantWidth, "jpg");
            files.Add((webp, () => EncodeVariant(upright, variantWidth, variantHeight, SKEncodedImageFormat.Webp)));
            files.Add((jpeg, () => EncodeVariant(upright, variantWidth, variantHeight, SKEncodedImageFormat.Jpeg)));
            variants.Add(new Variant($"{UrlPrefix}/{webp}", variantWidth, variantHeight, "image/webp"));
            variants.Add(new Variant($"{UrlPrefix}/{jpeg}", variantWidth, variantHeight, "image/jpeg"));
        }
        // The original last: once it exists, every variant before it does too, so a repeat upload skips the work.
        files.Add((name, () => Encode(upright, format, OriginalQuality)));

        if (!File.Exists(Path.Combine(Root, name)))
        {
            try
            {
                await WriteAllAsync(files, cancellationToken);
            }
            catch (IOException ex) when (IsDiskFull(ex))
            {
                // The files of this upload are already removed again: the editor gets the form back, the operator the log line.
                LogDiskFull(logger, ex, Root, bytes.Length);
                return new Result(null, "لم تُحفظ الصورة: مساحة التخزين على الخادم ممتلئة. لم يُحفظ شيء من النموذج؛ أبلغ المسؤول التقني ثم أعد المحاولة.");
            }
        }
        return new Result($"{UrlPrefix}/{name}", null) { Width = upright.Width, Height = upright.Height, Variants = variants };
    }

    /// <summary>The size of a stored upload from its header, or null for anything the media store did not write.</summary>
    public (int Width, int Height)? SizeOf(string url)
    {
        if (!IsStoredUrl(url))
        {
            return null;
        }
        using var codec = SKCodec.Create(Path.Combine(Root, url[(UrlPrefix.Length + 1)..]));
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>Only an original the media store wrote: a content-hash name that exists, never a path typed into a form.</summary>
    public bool IsStoredUpload(string url) =>
        IsStoredUrl(url) && File.Exists(Path.Combine(Root, url[(UrlPrefix.Length + 1)..]));

    internal static bool IsStoredUrl(string url) => StoredUrl().IsMatch(url);

    [GeneratedRegex(@"^/media/(?<hash>[0-9a-f]{32})\.(jpg|png|gif|webp)$", RegexOptions.CultureInvariant)]
    internal static partial Regex StoredUrl();

    /// <summary>Each file written aside, then moved; on failure the files of this upload are removed again.</summary>
    private async Task WriteAllAsync(List<(string Name, Func<SKData> Encode)> files, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var written = new List<string>();
        try
        {
            foreach (var (fileName, encode) in files)
            {
                var path = Path.Combine(Root, fileName);
                // Write aside, then move: a reader never sees half a file, a failed write leaves nothing behind.
                var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                try
                {
                    using (var encoded = encode())
                    {
                        await File.WriteAllBytesAsync(temporary, encoded.ToArray(), cancellationToken);
                    }
                    File.Move(temporary, path, overwrite: true);
                    written.Add(path);
                }
                finally
                {
                    File.Delete(temporary);
                }
            }
        }
        catch
        {
            written.ForEach(File.Delete);
            throw;
        }
    }

    /// <summary>The pixels turned as the camera's EXIF orientation says, so every copy is upright without it.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
            or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swaps ? (source.Height, source.Width) : (source.Width, source.Height);
        var result = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.Transparent);
        // Each origin maps the stored pixels onto the upright canvas (the eight cases of EXIF tag 0x0112).
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return result;
    }

    private static SKData EncodeVariant(SKBitmap upright, int width, int height, SKEncodedImageFormat format)
    {
        using var resized = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(resized))
        {
            // JPEG has no transparency: a logo's clear parts become white, as on the page, not black.
            canvas.Clear(format == SKEncodedImageFormat.Jpeg ? SKColors.White : SKColors.Transparent);
            using var image = SKImage.FromBitmap(upright);
            // Mipmaps keep a large step down (4000 px to 320 px) free of aliasing.
            canvas.DrawImage(image, new SKRect(0, 0, width, height),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        return Encode(resized, format, VariantQuality);
    }

    private static SKData Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality) =>
        bitmap.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");

    // ENOSPC and EDQUOT on Linux (.NET carries the errno in HResult); ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL on Windows.
    private static bool IsDiskFull(IOException ex) => ex.HResult is 28 or 122 or unchecked((int)0x80070027) or unchecked((int)0x80070070);

    [LoggerMessage(Level = LogLevel.Error, Message = "The media folder {Root} is full: an upload of {Bytes} bytes was refused")]
    private static partial void LogDiskFull(ILogger logger, Exception exception, string root, int bytes);

    private Result TooLarge() => new(null, $"حجم الصورة أكبر من الحد المسموح ({MaxBytes / (1024 * 1024)} ميغابايت).");

    private static Result Undecodable() =>
        new(null, "تعذّرت قراءة الصورة: الملف تالف أو ناقص أو بصيغة غير مدعومة. احفظها من جديد ثم ارفعها.");

    /// <summary>The extension for the image format the bytes begin with, or null for anything else (SVG included).</summary>
    public static string? ImageExtensionOf(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => ".jpg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => ".png",
        [0x47, 0x49, 0x46, 0x38, (byte)'7' or (byte)'9', (byte)'a', ..] => ".gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ".webp",
        _ => null,
    };
}

public static class MediaFiles
{
    public static IApplicationBuilder UseMediaFiles(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<MediaStore>();
        Directory.CreateDirectory(store.Root);
        // Only requests under the prefix enter the file middleware; a page request does not pay for it.
        var files = new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(store.Root),
            RequestPath = MediaStore.UrlPrefix,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                context.Context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        };
        return app.UseWhen(context => context.Request.Path.StartsWithSegments(MediaStore.UrlPrefix),
            branch => branch.UseStaticFiles(files));
    }
}
