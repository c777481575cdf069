using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Settings;

public sealed class SettingsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private const string Url = "/admin/settings";

    /// <summary>Every field of the form, valid, with <paramref name="changes"/> on top.</summary>
    private static Dictionary<string, string> Form(params (string Field, string Value)[] changes)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.SiteName"] = "نبض الخبر",
            ["Input.Tagline"] = "أخبار اليوم كما تحدث",
            ["Input.TimeZone"] = "Asia/Kuwait",
            ["Input.OtherTimeZone"] = "",
            ["Input.CopyrightHolder"] = "",
            ["Input.CreditText"] = "فريق نبض الخبر",
            ["Input.CreditUrl"] = "/",
            ["Input.FacebookUrl"] = "",
            ["Input.XUrl"] = "",
            ["Input.InstagramUrl"] = "",
            ["Input.YouTubeUrl"] = "",
            ["Input.TelegramUrl"] = "",
            ["Input.WhatsAppUrl"] = "",
        };
        foreach (var (field, value) in changes)
        {
            form["Input." + field] = value;
        }
        return form;
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient admin, params (string Field, string Value)[] changes) =>
        await NewsSiteFactory.PostFormAsync(admin, Url, Form(changes));

    [Fact]
    public async Task A_save_shows_at_once_on_public_pages_name_footer_links_and_time_zone()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var saved = await SaveAsync(admin,
            ("SiteName", "صدى المدينة"), ("Tagline", "أخبار الحي أولًا"), ("TimeZone", "Asia/Dubai"),
            ("CreditText", "استوديو الواحة"), ("CreditUrl", "https://studio.example/"),
            ("XUrl", "https://x.com/sada"), ("TelegramUrl", "https://t.me/sada"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var reader = factory.CreateReader();
        var (_, page) = await NewsSiteFactory.GetPageAsync(reader, "/");
        Assert.Equal("صدى المدينة", page.QuerySelector(".brand-name")!.TextContent);
        Assert.Contains("صدى المدينة", page.Title);
        Assert.Equal("أخبار الحي أولًا", page.QuerySelector(".tagline")!.TextContent);
        // An empty copyright holder means the site's own name.
        Assert.StartsWith("حقوق النشر محفوظة لـ صدى المدينة ©", page.QuerySelector(".copyright")!.TextContent);
        var credit = page.QuerySelector(".credit a")!;
        Assert.Equal("استوديو الواحة", credit.TextContent);
        Assert.Equal("https://studio.example/", credit.GetAttribute("href"));
        var social = page.QuerySelectorAll(".social-links a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("إكس", "https://x.com/sada"), ("تيليغرام", "https://t.me/sada")], social);

        var dateLine = page.QuerySelector("#date-line")!;
        Assert.Equal("Asia/Dubai", dateLine.GetAttribute("data-tz"));
        var at = DateTime.Parse(dateLine.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal);
        var dubai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dubai");
        Assert.Contains(dateLine.TextContent, new[] { ArabicDateLine.Format(at, dubai), ArabicDateLine.Format(at.AddSeconds(1), dubai) });
    }

    [Fact]
    public async Task The_copyright_holder_when_given_replaces_the_site_name_in_the_footer()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        await SaveAsync(admin, ("SiteName", "صدى المدينة"), ("CopyrightHolder", "مؤسسة الصدى للإعلام"));

        using var reader = factory.CreateReader();
        var (_, page) = await NewsSiteFactory.GetPageAsync(reader, "/");
        Assert.StartsWith("حقوق النشر محفوظة لـ مؤسسة الصدى للإعلام ©", page.QuerySelector(".copyright")!.TextContent);
    }

    [Fact]
    public async Task A_zone_outside_the_list_can_be_typed()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var saved = await SaveAsync(admin, ("TimeZone", ""), ("OtherTimeZone", "Europe/London"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var reader = factory.CreateReader();
        var (_, page) = await NewsSiteFactory.GetPageAsync(reader, "/");
        Assert.Equal("Europe/London", page.QuerySelector("#date-line")!.GetAttribute("data-tz"));
        var (_, form) = await NewsSiteFactory.GetPageAsync(admin, Url);
        Assert.Equal("Europe/London", form.QuerySelector("#Input_OtherTimeZone")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("FacebookUrl", "javascript:alert(1)")]
    [InlineData("XUrl", "JavaScript:alert(document.cookie)")]
    [InlineData("InstagramUrl", "data:text/html,<script>alert(1)</script>")]
    [InlineData("YouTubeUrl", "ftp://files.example/")]
    [InlineData("TelegramUrl", "//evil.example/")]
    [InlineData("WhatsAppUrl", "wa.me/123")]
    [InlineData("CreditUrl", "javascript:alert(1)")]
    [InlineData("CreditUrl", "//evil.example/")]
    public async Task A_link_that_is_not_http_is_refused_in_arabic_and_nothing_is_stored(string field, string url)
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var before = await StoredAsync();

        var response = await SaveAsync(admin, (field, url), ("SiteName", "اسم لا يجب حفظه"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("رابطًا كاملًا", page.QuerySelector($"[data-valmsg-for='Input.{field}']")!.TextContent);
        Assert.Equal(before, await StoredAsync());
        using var reader = factory.CreateReader();
        var (_, home) = await NewsSiteFactory.GetPageAsync(reader, "/");
        Assert.NotEqual("اسم لا يجب حفظه", home.QuerySelector(".brand-name")!.TextContent);
    }

    [Theory]
    [InlineData("Asia/Kuwait", "Mars/Olympus_Mons")]
    [InlineData("", "../../etc/passwd")]
    [InlineData("", "Arab Standard Time")]
    [InlineData("", "")]
    public async Task An_unknown_time_zone_is_refused_in_arabic_and_nothing_is_stored(string select, string typed)
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var before = await StoredAsync();
        // A select value the form never offered is checked the same way as a typed one.
        var choice = select.Length > 0 ? ("TimeZone", typed) : ("TimeZone", "");

        var response = await SaveAsync(admin, choice, ("OtherTimeZone", typed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var errors = string.Concat(page.QuerySelectorAll(".field-error").Select(e => e.TextContent));
        Assert.Contains("زمنية", errors);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Script_in_any_setting_is_escaped_on_the_public_page()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        const string script = "<script>alert(1)</script>";

        var saved = await SaveAsync(admin, ("SiteName", "اسم " + script), ("Tagline", script),
            ("CopyrightHolder", script), ("CreditText", script), ("CreditUrl", "https://example.com/?q=\"><script>alert(1)</script>"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var reader = factory.CreateReader();
        var response = await reader.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("اسم " + script, page.QuerySelector(".brand-name")!.TextContent);
        Assert.Equal(script, page.QuerySelector(".tagline")!.TextContent);
        Assert.Equal(script, page.QuerySelector(".credit a")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        await SaveAsync(admin);
    }

    [Fact]
    public async Task A_save_is_audited_with_what_changed()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        await SaveAsync(admin);

        await SaveAsync(admin, ("SiteName", "مرآة الخليج"), ("FacebookUrl", "https://facebook.com/mirror"));

        var entry = await factory.QueryAsync(db => db.AuditEntries
            .Where(e => e.Subject == AuditSubjects.Settings).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(AuditActions.Edit, entry.Action);
        Assert.Contains("اسم الموقع: من «نبض الخبر» إلى «مرآة الخليج»", entry.Details);
        Assert.Contains("فيسبوك: من «—» إلى «https://facebook.com/mirror»", entry.Details);
        Assert.DoesNotContain("المنطقة الزمنية", entry.Details);
    }

    [Fact]
    public async Task An_uploaded_logo_shows_in_the_public_header_and_a_non_image_is_refused()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var png = Images.Of(48, 48);

        var refused = await PostWithFileAsync(admin, "logo.png", "<svg onload=alert(1)>"u8.ToArray());
        var saved = await PostWithFileAsync(admin, "logo.png", png);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("ليس صورة", refusedPage.QuerySelector("[data-valmsg-for=Logo]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var reader = factory.CreateReader();
        var (_, page) = await NewsSiteFactory.GetPageAsync(reader, "/");
        var logo = page.QuerySelector(".brand-link img")!.GetAttribute("src")!;
        Assert.StartsWith("/media/", logo);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(logo, UriKind.Relative))).StatusCode);

        // Kept on the next save without a file, gone when removed.
        await SaveAsync(admin, ("SiteName", "نبض الخبر"));
        Assert.Equal(logo, await factory.QueryAsync(db => db.SiteSettings.Select(s => s.LogoPath).SingleAsync()));
        await SaveAsync(admin, ("RemoveLogo", "true"));
        Assert.Null(await factory.QueryAsync(db => db.SiteSettings.Select(s => s.LogoPath).SingleAsync()));
    }

    [Fact]
    public async Task The_form_starts_from_the_configured_defaults_when_nothing_is_saved()
    {
        await using var fresh = new NewsSiteFactory();
        using var admin = await fresh.SignInAsAsync(StaffRoles.Admin);

        var (response, page) = await NewsSiteFactory.GetPageAsync(admin, Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("نبض الخبر", page.QuerySelector("#Input_SiteName")!.GetAttribute("value"));
        Assert.Equal("Asia/Kuwait", page.QuerySelector("#Input_TimeZone option[selected]")!.GetAttribute("value"));
        Assert.Equal("/", page.QuerySelector("#Input_CreditUrl")!.GetAttribute("value"));
        Assert.Equal(0, await fresh.QueryAsync(db => db.SiteSettings.CountAsync()));
    }

    private Task<string> StoredAsync() => factory.QueryAsync(async db =>
    {
        var s = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync();
        return s is null ? "none" : $"{s.SiteName}|{s.TimeZone}|{s.CreditUrl}|{s.FacebookUrl}|{s.XUrl}|{s.InstagramUrl}|{s.YouTubeUrl}|{s.TelegramUrl}|{s.WhatsAppUrl}";
    });

    private static async Task<HttpResponseMessage> PostWithFileAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, Url);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Form())
        {
            content.Add(new StringContent(value), name);
        }
        content.Add(new StringContent(page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(file, "Logo", fileName);
        return await client.PostAsync(new Uri(Url, UriKind.Relative), content);
    }
}
