using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Content;

namespace NewsSite.Tests.Pages;

public sealed class MediaFilesTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Uploads_are_served_from_the_media_folder_with_long_cache_headers()
    {
        var png = Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        var saved = await factory.Services.GetRequiredService<MediaStore>()
            .SaveImageAsync(new FormFile(new MemoryStream(png), 0, png.Length, "file", "a.png"), CancellationToken.None);
        using var client = factory.CreateReader();

        var response = await client.GetAsync(new Uri(saved.Url!, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        var store = factory.Services.GetRequiredService<MediaStore>();
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(store.Root, Path.GetFileName(saved.Url!))),
            await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/media/..%2F..%2Fappsettings.json")]
    [InlineData("/media/%2E%2E/%2E%2E/appsettings.json")]
    [InlineData("/media/../appsettings.json")]
    [InlineData("/media/nothing.png")]
    public async Task Paths_outside_the_media_folder_are_not_served(string url)
    {
        using var client = factory.CreateReader();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("ConnectionStrings", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
