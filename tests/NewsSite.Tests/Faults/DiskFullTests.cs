using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Areas.Admin.Articles;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Faults;

/// <summary>
/// Uploads onto a media folder whose disk is full: a real ENOSPC from a small tmpfs mounted for the test (CI runs as
/// root), not a simulated one. The editor gets an Arabic message, the folder keeps no piece of the upload, and the
/// database keeps no reference to it.
/// </summary>
public sealed class DiskFullTests
{
    // Holds the smallest variants of the test photo but not all of them: the upload fails part-way through its files.
    private const int DiskKilobytes = 64;

    private const string DiskFullMessage = "لم تُحفظ الصورة: مساحة التخزين على الخادم ممتلئة.";

    [Fact]
    public async Task A_hero_image_on_a_full_disk_is_refused_in_arabic_and_neither_files_nor_rows_are_left_behind()
    {
        await using var disk = await SmallDisk.MountAsync(DiskKilobytes);
        await using var factory = new MediaOnDiskFactory(disk.Path);
        var (sectionId, authorId) = await EditorForm.SeedChoicesAsync(factory);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);
        var id = EditorForm.SavedId((await EditorForm.PostAsync(editor, EditorForm.NewUrl,
            await EditorForm.NewArticleAsync(editor, sectionId, authorId, "مسودة قبل امتلاء القرص"))).Response);
        var before = await StateOfAsync(factory, id);
        var fields = await EditorForm.LoadAsync(editor, EditorForm.EditUrl(id));
        fields["Input.Title"] = "عنوان لن يُحفظ";
        fields["Input.HeroImageAlt"] = "صورة لن تُحفظ";
        var photo = Images.Of(1600, 1200, SkiaSharp.SKEncodedImageFormat.Jpeg);

        var (response, page) = await EditorForm.UploadAsync(editor, EditorForm.EditUrl(id), fields, photo, "hero.jpg", "publish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(DiskFullMessage, EditorForm.ErrorFor(page, "HeroImage"));
        Assert.Equal(before, await StateOfAsync(factory, id));
        Assert.Empty(Directory.EnumerateFileSystemEntries(disk.Path));

        // Space freed, the same upload goes through: what failed was the disk, nothing about the photo or the form.
        await disk.ResizeAsync(16 * 1024);
        var (saved, _) = await EditorForm.UploadAsync(editor, EditorForm.EditUrl(id), fields, photo, "hero.jpg", "publish");
        Assert.Equal(id, EditorForm.SavedId(saved));
        var article = await EditorForm.StoredAsync(factory, id);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.True(File.Exists(Path.Combine(disk.Path, Path.GetFileName(article.HeroImagePath!))));
        // The files of this upload need more than the small disk held, and the first of them less: so the refused
        // upload had written some of its files before the disk ran out, and removed them again.
        var files = Directory.GetFiles(disk.Path).Select(f => new FileInfo(f)).OrderBy(f => f.Length).ToList();
        Assert.True(files.Sum(f => f.Length) > DiskKilobytes * 1024, $"the upload should not fit in {DiskKilobytes} KB");
        Assert.True(files[0].Length < DiskKilobytes * 1024 / 2);
    }

    [Fact]
    public async Task A_sponsor_logo_on_a_full_disk_is_refused_in_arabic_and_neither_files_nor_rows_are_left_behind()
    {
        await using var disk = await SmallDisk.MountAsync(DiskKilobytes);
        await using var factory = new MediaOnDiskFactory(disk.Path);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var name = "راعٍ على قرص ممتلئ " + Build.Unique();
        var before = await factory.QueryAsync(async db => (await db.Sponsors.CountAsync(), await db.AuditEntries.CountAsync()));

        var response = await NewsSiteFactory.PostMultipartAsync(admin, "/admin/sponsors/edit", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.TargetUrl"] = "https://example.com/full",
            ["Input.Placement"] = "Header",
            ["Input.Priority"] = "1",
            ["Input.IsActive"] = "true",
        }, ("Logo", "logo.jpg", Images.Of(1600, 1200, SkiaSharp.SKEncodedImageFormat.Jpeg)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(DiskFullMessage, page.QuerySelector("[data-valmsg-for='Logo']")!.TextContent.Trim());
        Assert.Equal(before, await factory.QueryAsync(async db => (await db.Sponsors.CountAsync(), await db.AuditEntries.CountAsync())));
        Assert.Empty(Directory.EnumerateFileSystemEntries(disk.Path));
    }

    /// <summary>Everything a refused save could have touched: the row, its revisions and its audit trail.</summary>
    private static async Task<string> StateOfAsync(NewsSiteFactory factory, int id)
    {
        var article = await EditorForm.StoredAsync(factory, id);
        var revisions = await factory.QueryAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id));
        var audit = await factory.AuditOfAsync("Article", id);
        return string.Join(" | ", article.Title, article.Status, article.Version, article.HeroImagePath ?? "no image",
            revisions.ToString(CultureInfo.InvariantCulture), string.Join(",", audit.Select(e => e.Action)));
    }

    /// <summary>A tmpfs of its own, small enough to fill: writing past its size fails with ENOSPC, as on a full disk.</summary>
    private sealed class SmallDisk : IAsyncDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"newssite-tests-small-disk-{Guid.NewGuid():N}");

        public static async Task<SmallDisk> MountAsync(int kilobytes)
        {
            var disk = new SmallDisk();
            Directory.CreateDirectory(disk.Path);
            await RunAsync("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k,mode=0755", "tmpfs", disk.Path);
            return disk;
        }

        public Task ResizeAsync(int kilobytes) => RunAsync("mount", "-o", $"remount,size={kilobytes}k", Path);

        public async ValueTask DisposeAsync()
        {
            await RunAsync("umount", Path);
            Directory.Delete(Path);
        }

        private static async Task RunAsync(string program, params string[] arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed (the disk-full tests mount a tmpfs: they need root): {error}");
        }
    }

    /// <summary>The test site with its media folder on the small disk.</summary>
    private sealed class MediaOnDiskFactory(string media) : NewsSiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("News:MediaPath", media);
        }
    }
}
