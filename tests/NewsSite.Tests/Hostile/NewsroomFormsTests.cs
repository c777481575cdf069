using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Areas.Admin.Articles;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Hostile;

/// <summary>The newsroom's main forms, filled by an admin with the hostile corpus: saved as text or refused whole, never markup, never a 500.</summary>
public sealed class NewsroomFormsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    public static TheoryData<string> WithMegabyte() => [.. Payloads.All.Append(Payloads.Megabyte)];

    [Theory]
    [MemberData(nameof(WithMegabyte))]
    public async Task Article_editor_fields_are_stored_as_text_or_refused_whole(string payload)
    {
        var (sectionId, authorId) = await EditorForm.SeedChoicesAsync(factory);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var fields = await EditorForm.NewArticleAsync(admin, sectionId, authorId, "عنوان " + payload, body: payload + "\n\n" + payload);
        fields["Input.Summary"] = payload;
        fields["Input.Tags"] = payload;
        fields["Input.HeroImageAlt"] = "وصف " + payload;
        fields["Input.HeroImageCaption"] = payload;
        var before = await factory.QueryAsync(db => db.Articles.CountAsync());

        var (response, page) = await EditorForm.UploadAsync(admin, EditorForm.NewUrl, fields, EditorForm.Png(), "photo.png", "publish");

        Assert.True((int)response.StatusCode < 500, response.StatusCode.ToString());
        Payloads.AssertNoMarkupFromPayload(page, "editor answer");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var id = EditorForm.SavedId(response);
            var article = await EditorForm.StoredAsync(factory, id);
            using var reader = factory.CreateReader();
            foreach (var url in new[] { EditorForm.EditUrl(id), "/admin/articles" })
            {
                await Payloads.AssertSafeAsync(await admin.GetAsync(new Uri(url, UriKind.Relative)), url);
            }
            var (published, _) = await NewsSiteFactory.GetPageAsync(reader, $"/news/{id}/{Uri.EscapeDataString(article.Slug)}");
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            foreach (var url in new[] { $"/news/{id}/{Uri.EscapeDataString(article.Slug)}", "/", "/search?q=" + Payloads.ForUrl(payload[..Math.Min(200, payload.Length)]) })
            {
                await Payloads.AssertSafeAsync(await reader.GetAsync(new Uri(url, UriKind.Relative)), url);
            }
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(before, await factory.QueryAsync(db => db.Articles.CountAsync()));
        }
    }

    [Theory]
    [MemberData(nameof(WithMegabyte))]
    public async Task Sponsor_name_and_url_are_stored_as_text_or_refused_whole(string payload)
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        // The name with a good URL (usually saved), then a good name with the payload as URL (refused unless it is a real http(s) URL).
        foreach (var (name, url) in new[] { (payload, "https://example.com/ad"), ("راعٍ " + Build.Unique(), payload) })
        {
            var before = await factory.QueryAsync(db => db.Sponsors.CountAsync());
            var response = await NewsSiteFactory.PostMultipartAsync(admin, "/admin/sponsors/edit", new Dictionary<string, string>
                {
                    ["Input.Name"] = name,
                    ["Input.TargetUrl"] = url,
                    ["Input.Placement"] = "Header",
                    ["Input.StartsAt"] = "",
                    ["Input.EndsAt"] = "",
                    ["Input.Priority"] = "1",
                    ["Input.IsActive"] = "true",
                },
                ("Logo", "logo.png", Build.Png()));

            await Payloads.AssertSafeAsync(response, "sponsor answer");
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                Assert.Equal(before, await factory.QueryAsync(db => db.Sponsors.CountAsync()));
            }
        }
        using var reader = factory.CreateReader();
        await Payloads.AssertSafeAsync(await reader.GetAsync(new Uri("/", UriKind.Relative)), "home with sponsors");
        await Payloads.AssertSafeAsync(await admin.GetAsync(new Uri("/admin/sponsors", UriKind.Relative)), "sponsor list");
    }

    [Theory]
    [MemberData(nameof(WithMegabyte))]
    public async Task Settings_fields_are_stored_as_text_or_refused_whole(string payload)
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var texts = new[] { "SiteName", "Tagline", "CopyrightHolder", "CreditText" };
        var urls = new[] { "CreditUrl", "FacebookUrl", "XUrl", "InstagramUrl", "YouTubeUrl", "TelegramUrl", "WhatsAppUrl" };

        // The words (usually saved), then the URLs and time zones (refused unless they are real).
        foreach (var hostile in new[] { texts, urls.Append("TimeZone").Append("OtherTimeZone").ToArray() })
        {
            var fields = texts.Concat(urls).ToDictionary(f => "Input." + f, f => f == "SiteName" ? "نبض الخبر" : "");
            fields["Input.TimeZone"] = "Asia/Kuwait";
            fields["Input.OtherTimeZone"] = "";
            foreach (var field in hostile)
            {
                fields["Input." + field] = payload;
            }
            var before = await SettingsSnapshotAsync();

            var response = await NewsSiteFactory.PostFormAsync(admin, "/admin/settings", fields);

            await Payloads.AssertSafeAsync(response, "settings answer");
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                Assert.Equal(before, await SettingsSnapshotAsync());
            }
            using var reader = factory.CreateReader();
            await Payloads.AssertSafeAsync(await reader.GetAsync(new Uri("/", UriKind.Relative)), "home after settings");
            await Payloads.AssertSafeAsync(await admin.GetAsync(new Uri("/admin/settings", UriKind.Relative)), "settings page");
        }
    }

    private Task<string> SettingsSnapshotAsync() =>
        factory.QueryAsync(async db => JsonSerializer.Serialize(await db.SiteSettings.AsNoTracking().ToListAsync()));
}
