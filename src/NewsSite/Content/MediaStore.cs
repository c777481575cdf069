using System.Security.Cryptography;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NewsSite.Content;

/// <summary>
/// Uploaded images: real images only (the bytes decide, not the name), within a size limit, no SVG; stored
/// outside the web root under content-hash names, so the same picture is stored once and cached forever.
/// </summary>
public sealed class MediaStore(IOptions<NewsOptions> options, IHostEnvironment environment)
{
    public const string UrlPrefix = "/media";

    public sealed record Result(string? Url, string? Error)
    {
        public bool Succeeded => Url is not null;
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
            return new Result(null, $"حجم الصورة أكبر من الحد المسموح ({MaxBytes / (1024 * 1024)} ميغابايت).");
        }

        using var buffer = new MemoryStream((int)file.Length);
        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(buffer, cancellationToken);
        }
        if (buffer.Length > MaxBytes)
        {
            return new Result(null, $"حجم الصورة أكبر من الحد المسموح ({MaxBytes / (1024 * 1024)} ميغابايت).");
        }
        var extension = ImageExtensionOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (extension is null)
        {
            return new Result(null, "هذا الملف ليس صورة مقبولة. الصيغ المقبولة: JPEG وPNG وWebP وGIF.");
        }

        var name = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32] + extension;
        var path = Path.Combine(Root, name);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Root);
            // Write aside, then move: a reader never sees half a file, a failed write leaves nothing behind.
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                await File.WriteAllBytesAsync(temporary, buffer.ToArray(), cancellationToken);
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        return new Result($"{UrlPrefix}/{name}", null);
    }

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
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(store.Root),
            RequestPath = MediaStore.UrlPrefix,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                context.Context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
    }
}
