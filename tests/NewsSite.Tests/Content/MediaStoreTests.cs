using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsSite.Content;

namespace NewsSite.Tests.Content;

public sealed class MediaStoreTests : IDisposable
{
    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"newssite-media-{Guid.NewGuid():N}");
    private readonly MediaStore _store;

    public MediaStoreTests() =>
        _store = new MediaStore(Options.Create(new NewsOptions { MediaPath = _root, MaxUploadBytes = 1024 }), new Environment());

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
        Assert.Single(Directory.GetFiles(_root));
        Assert.Equal(Png, await File.ReadAllBytesAsync(Path.Combine(_root, Path.GetFileName(first.Url!))));
    }

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
