using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsSite.Content;
using NewsSite.Tests.Builders;
using SkiaSharp;

namespace NewsSite.Tests.Content;

public sealed class MediaStoreTests : IDisposable
{
    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"newssite-media-{Guid.NewGuid():N}");
    private readonly MediaStore _store;

    // The same folder with a newsroom-sized limit, for photos drawn in the test.
    private readonly MediaStore _photos;

    public MediaStoreTests()
    {
        _store = new MediaStore(Options.Create(new NewsOptions { MediaPath = _root, MaxUploadBytes = 1024 }), new Environment(), NullLogger<MediaStore>.Instance);
        _photos = new MediaStore(Options.Create(new NewsOptions { MediaPath = _root, MaxUploadBytes = 5 * 1024 * 1024 }), new Environment(), NullLogger<MediaStore>.Instance);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static FormFile FileOf(byte[] bytes, string name) => new(new MemoryStream(bytes), 0, bytes.Length, "file", name);

    [Fact]
    public async Task A_real_image_is_stored_once_under_its_content_hash()
    {
        var first = await _store.SaveImageAsync(FileOf(Png, "photo.png"), CancellationToken.None);
        var again = await _store.SaveImageAsync(FileOf(Png, "other-name.jpg"), CancellationToken.None);

        Assert.True(first.Succeeded);
        Assert.Matches("^/media/[0-9a-f]{32}\\.png$", first.Url);
        Assert.Equal(first.Url, again.Url);
        // Once: the original and its one variant pair (a 1×1 image is not upscaled), nothing added by the repeat.
        var hash = Path.GetFileNameWithoutExtension(first.Url!);
        Assert.Equal([$"{hash}-1.jpg", $"{hash}-1.webp", $"{hash}.png"], FilesIn(_root));
        // Re-encoded to drop metadata, so the bytes may differ: the picture itself must not.
        using var stored = SKBitmap.Decode(Path.Combine(_root, Path.GetFileName(first.Url!)));
        using var source = SKBitmap.Decode(Png);
        Assert.Equal((source.Width, source.Height), (stored.Width, stored.Height));
        Assert.Equal(source.GetPixel(0, 0), stored.GetPixel(0, 0));
    }

    [Fact]
    public async Task A_large_photo_is_resized_once_into_webp_and_jpeg_at_each_width()
    {
        var result = await _photos.SaveImageAsync(FileOf(Images.Of(2000, 1000, SKEncodedImageFormat.Jpeg), "photo.jpg"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Matches("^/media/[0-9a-f]{32}\\.jpg$", result.Url);
        Assert.Equal((2000, 1000), (result.Width, result.Height));
        Assert.Equal((SKEncodedImageFormat.Jpeg, 2000, 1000), Probe(result.Url!));
        var hash = Path.GetFileNameWithoutExtension(result.Url!);
        int[] widths = [320, 640, 1024, 1600];
        Assert.Equal(
            widths.SelectMany(w => new[] { ($"/media/{hash}-{w}.webp", w, w / 2, "image/webp"), ($"/media/{hash}-{w}.jpg", w, w / 2, "image/jpeg") }),
            result.Variants.Select(v => (v.Url, v.Width, v.Height, v.ContentType)));
        foreach (var w in widths)
        {
            Assert.Equal((SKEncodedImageFormat.Webp, w, w / 2), Probe($"/media/{hash}-{w}.webp"));
            Assert.Equal((SKEncodedImageFormat.Jpeg, w, w / 2), Probe($"/media/{hash}-{w}.jpg"));
        }
        Assert.Equal(1 + 2 * widths.Length, FilesIn(_root).Count);
    }

    [Theory]
    [InlineData(700, 350, new[] { 320, 640 })]
    [InlineData(500, 300, new[] { 320 })]
    [InlineData(200, 100, new[] { 200 })]
    public async Task A_smaller_image_is_never_upscaled_and_keeps_at_least_one_variant(int width, int height, int[] expected)
    {
        var result = await _photos.SaveImageAsync(FileOf(Images.Of(width, height), "small.png"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Variants.Select(v => v.Width).Distinct());
        var hash = Path.GetFileNameWithoutExtension(result.Url!);
        foreach (var w in expected)
        {
            var h = (int)Math.Round((double)height * w / width);
            Assert.Equal((SKEncodedImageFormat.Webp, w, h), Probe($"/media/{hash}-{w}.webp"));
            Assert.Equal((SKEncodedImageFormat.Jpeg, w, h), Probe($"/media/{hash}-{w}.jpg"));
        }
        Assert.Equal(1 + 2 * expected.Length, FilesIn(_root).Count);
    }

    [Fact]
    public async Task A_photo_turned_by_exif_is_stored_upright_without_its_metadata()
    {
        var sideways = Images.SidewaysJpeg();

        var result = await _photos.SaveImageAsync(FileOf(sideways, "phone.jpg"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((100, 200), (result.Width, result.Height));
        var hash = Path.GetFileNameWithoutExtension(result.Url!);
        foreach (var name in new[] { $"{hash}.jpg", $"{hash}-100.webp", $"{hash}-100.jpg" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(_root, name));
            using var codec = SKCodec.Create(new MemoryStream(bytes));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
            using var upright = SKBitmap.Decode(bytes);
            Assert.Equal((100, 200), (upright.Width, upright.Height));
            Assert.True(IsReddish(upright.GetPixel(50, 20)), $"{name}: the top should be red, is {upright.GetPixel(50, 20)}");
            Assert.True(IsBluish(upright.GetPixel(50, 180)), $"{name}: the bottom should be blue, is {upright.GetPixel(50, 180)}");
            Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }
    }

    private const string Unreadable = "تعذّرت قراءة الصورة";
    private const string TooBig = "أبعاد الصورة";

    public static TheoryData<string, byte[], string> Refused => new()
    {
        // Truncated or forged: the magic bytes pass, the decode does not.
        { "photo.jpg", Images.Of(400, 300, SKEncodedImageFormat.Jpeg)[..600], Unreadable },
        { "photo.png", Images.Of(400, 300)[..200], Unreadable },
        { "photo.webp", Images.Of(400, 300, SKEncodedImageFormat.Webp)[..100], Unreadable },
        { "fake.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")], Unreadable },
        // Decompression bombs: a few bytes whose header claims more pixels than the limits allow.
        { "bomb.png", Images.PngClaiming(50_000, 50_000), TooBig },
        { "wide.png", Images.PngClaiming(10_001, 10), TooBig },
        { "48-megapixels.png", Images.PngClaiming(8_000, 6_000), TooBig },
        { "bomb.gif", Images.GifClaiming(50_000, 50_000), TooBig },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Truncated_forged_or_oversized_images_are_refused_in_arabic_and_nothing_is_stored(string name, byte[] bytes, string reason)
    {
        var result = await _photos.SaveImageAsync(FileOf(bytes, name), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Error);
        Assert.Empty(FilesIn(_root));
    }

    [Fact]
    public async Task A_transparent_logo_gets_a_white_background_in_its_jpeg_variant()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(40, 20, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(SKColors.Transparent);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        var result = await _photos.SaveImageAsync(FileOf(png.ToArray(), "logo.png"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        using var jpeg = SKBitmap.Decode(Path.Combine(_root, Path.GetFileName(result.Variants.Single(v => v.ContentType == "image/jpeg").Url)));
        Assert.Equal(SKColors.White, jpeg.GetPixel(10, 10));
        using var webp = SKBitmap.Decode(Path.Combine(_root, Path.GetFileName(result.Variants.Single(v => v.ContentType == "image/webp").Url)));
        Assert.Equal(0, webp.GetPixel(10, 10).Alpha);
    }

    private (SKEncodedImageFormat Format, int Width, int Height) Probe(string url)
    {
        using var codec = SKCodec.Create(Path.Combine(_root, Path.GetFileName(url)));
        Assert.NotNull(codec);
        return (codec.EncodedFormat, codec.Info.Width, codec.Info.Height);
    }

    private static List<string> FilesIn(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];

    private static bool IsReddish(SKColor c) => c.Red > 200 && c.Blue < 60;

    private static bool IsBluish(SKColor c) => c.Blue > 200 && c.Red < 60;

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>", "photo.jpg")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "logo.svg")]
    [InlineData("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "logo.png")]
    [InlineData("GIF89", "short.gif")]
    [InlineData("just some text", "notes.webp")]
    public async Task Files_that_are_not_images_are_refused_in_arabic_and_nothing_is_stored(string content, string name)
    {
        var result = await _store.SaveImageAsync(FileOf(Encoding.UTF8.GetBytes(content), name), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Matches("[\u0600-\u06FF]", result.Error);
        Assert.False(Directory.Exists(_root) && Directory.EnumerateFileSystemEntries(_root).Any());
    }

    [Fact]
    public async Task An_oversize_file_is_refused_in_arabic()
    {
        var big = new byte[2048];
        Png.CopyTo(big, 0);

        var result = await _store.SaveImageAsync(FileOf(big, "big.png"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("حجم", result.Error);
    }

    [Fact]
    public async Task No_file_is_refused_in_arabic()
    {
        var result = await _store.SaveImageAsync(null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Matches("[\u0600-\u06FF]", result.Error);
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "NewsSite";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
