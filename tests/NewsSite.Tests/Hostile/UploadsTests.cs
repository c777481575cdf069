using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Areas.Admin.Articles;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Hostile;

/// <summary>Uploads that are malformed or lie about what they are: refused cleanly, no article, no file left in the media folder.</summary>
public sealed class UploadsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    public static TheoryData<string, byte[], string> LyingFiles => new()
    {
        { "photo.png", "<html><script>alert(1)</script></html>"u8.ToArray(), "image/png" },
        { "photo.jpg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "image/jpeg" },
        { "photo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "image/svg+xml" },
        { "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0], "image/png" },
        { "bomb.png", Images.PngClaiming(100_000, 100_000), "image/png" },
        { "bomb.gif", Images.GifClaiming(65_535, 65_535), "image/gif" },
        { "../../../evil.png", Images.Of(32, 32), "image/png" },
        { "photo.png", [], "image/png" },
    };

    [Theory]
    [MemberData(nameof(LyingFiles))]
    public async Task A_file_that_lies_about_its_type_or_size_is_refused_and_leaves_nothing(string fileName, byte[] bytes, string contentType)
    {
        var (sectionId, authorId) = await EditorForm.SeedChoicesAsync(factory);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var title = "خبر بملف كاذب " + Build.Unique();
        var fields = await EditorForm.NewArticleAsync(admin, sectionId, authorId, title);
        fields["Input.HeroImageAlt"] = "وصف";
        var files = MediaFiles();

        var (response, page) = await EditorForm.UploadAsync(admin, EditorForm.NewUrl, fields, bytes, fileName, contentType: contentType);

        Assert.True((int)response.StatusCode < 500, response.StatusCode.ToString());
        Payloads.AssertNoMarkupFromPayload(page, fileName);
        if (fileName.StartsWith("../", StringComparison.Ordinal))
        {
            // A real image under a traversal name is stored under its content hash, inside the media folder.
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Matches("^/media/[0-9a-f]{32}\\.png$", (await factory.QueryAsync(db => db.Articles.SingleAsync(a => a.Title == title))).HeroImagePath);
            Assert.DoesNotContain(MediaFiles().Except(files), f => !Path.GetFullPath(f).StartsWith(MediaRoot, StringComparison.Ordinal));
            return;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("", EditorForm.ErrorFor(page, "HeroImage"));
        Assert.Equal(0, await factory.QueryAsync(db => db.Articles.CountAsync(a => a.Title == title)));
        Assert.Equal(files, MediaFiles());
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=nothing-like-the-body", "--other\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--other--\r\n")]
    [InlineData("multipart/form-data", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--b--\r\n")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"HeroImage\"; filename=\"a.png\"\r\n\r\n\u0089PNG")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"HeroImage\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nnot a header line\r\n\r\nvalue\r\n--b--\r\n")]
    [InlineData("multipart/form-data; boundary=b", "")]
    public async Task A_malformed_multipart_body_is_refused_without_error(string contentType, string body)
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var before = await factory.QueryAsync(db => db.Articles.CountAsync());
        var files = MediaFiles();
        using var content = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        foreach (var url in new[] { EditorForm.NewUrl, "/admin/sponsors/edit", "/subscribe" })
        {
            using var response = await admin.PostAsync(new Uri(url, UriKind.Relative), content);

            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{url}: {response.StatusCode}");
        }
        Assert.Equal(before, await factory.QueryAsync(db => db.Articles.CountAsync()));
        Assert.Equal(files, MediaFiles());
    }

    private string MediaRoot => factory.Services.GetRequiredService<MediaStore>().Root;

    private List<string> MediaFiles() =>
        Directory.Exists(MediaRoot) ? [.. Directory.EnumerateFiles(MediaRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
}
