using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Sponsors;

public sealed class EditTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private const string NewUrl = "/admin/sponsors/edit";

    [Fact]
    public async Task Creating_a_sponsor_stores_its_window_in_utc_with_the_uploaded_logo_and_audits_it()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var name = "شركة الأفق " + Build.Unique();

        var response = await NewsSiteFactory.PostMultipartAsync(admin, NewUrl,
            Form(name, "https://example.com/ufuq", start: "2030-01-01T09:00", end: "2030-02-01T00:30", placement: "Footer", priority: "4"),
            ("Logo", "logo.png", Build.Png()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sponsor = await factory.QueryAsync(db => db.Sponsors.AsNoTracking().SingleAsync(s => s.Name == name));
        Assert.Equal("https://example.com/ufuq", sponsor.TargetUrl);
        Assert.Equal(SponsorPlacement.Footer, sponsor.Placement);
        Assert.Equal(4, sponsor.Priority);
        Assert.True(sponsor.IsActive);
        // Kuwait is UTC+3.
        Assert.Equal(new DateTime(2030, 1, 1, 6, 0, 0, DateTimeKind.Utc), sponsor.StartsAt);
        Assert.Equal(new DateTime(2030, 1, 31, 21, 30, 0, DateTimeKind.Utc), sponsor.EndsAt);
        Assert.Matches("^/media/[0-9a-f]{32}\\.png$", sponsor.LogoPath);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri(sponsor.LogoPath, UriKind.Relative))).StatusCode);
        Assert.Equal(["create"], (await factory.AuditOfAsync("Sponsor", sponsor.Id)).Select(e => e.Action));

        var (_, list) = await NewsSiteFactory.GetPageAsync(admin, "/admin/sponsors");
        Assert.Contains($"أُضيف الراعي «{name}»", list.QuerySelector(".notice")!.TextContent);
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("//evil.example/")]
    [InlineData("/news/1")]
    [InlineData("ftp://example.com/file")]
    [InlineData("example.com")]
    public async Task A_url_that_is_not_an_absolute_web_address_is_refused_in_arabic_and_nothing_is_stored(string url)
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var before = await CountsAsync();

        var response = await NewsSiteFactory.PostMultipartAsync(admin, NewUrl,
            Form("راعٍ برابط سيئ", url), ("Logo", "logo.png", Build.Png()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("يبدأ بـ https أو http", ErrorFor(page, "Input.TargetUrl"));
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("2030-03-01T10:00", "2030-03-01T09:59")]
    [InlineData("2030-03-01T10:00", "2030-03-01T10:00")]
    public async Task An_end_not_after_the_start_is_refused_in_arabic_and_nothing_is_stored(string start, string end)
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var before = await CountsAsync();

        var response = await NewsSiteFactory.PostMultipartAsync(admin, NewUrl,
            Form("راعٍ بمدة مقلوبة", "https://example.com/", start, end), ("Logo", "logo.png", Build.Png()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("يجب أن يكون موعد انتهاء الظهور بعد موعد بدئه.", ErrorFor(await ParseAsync(response), "Input.EndsAt"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Missing_fields_an_svg_logo_and_a_word_for_a_number_get_arabic_messages_and_nothing_is_stored()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var before = await CountsAsync();

        var empty = await ParseAsync(await NewsSiteFactory.PostMultipartAsync(admin, NewUrl, Form("", "", priority: "")));
        Assert.Equal("اكتب اسم الراعي.", ErrorFor(empty, "Input.Name"));
        Assert.Equal("اكتب رابط موقع الراعي.", ErrorFor(empty, "Input.TargetUrl"));
        Assert.Equal("اكتب رقم الأولوية.", ErrorFor(empty, "Input.Priority"));
        Assert.Equal("اختر صورة شعار الراعي.", ErrorFor(empty, "Logo"));

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        var word = await ParseAsync(await NewsSiteFactory.PostMultipartAsync(admin, NewUrl,
            Form("راعٍ بأولوية نصية", "https://example.com/", priority: "abc"), ("Logo", "logo.png", Build.Png())));
        Assert.Equal("القيمة «abc» لا تصلح في «الأولوية».", ErrorFor(word, "Input.Priority"));

        var svgOnly = await ParseAsync(await NewsSiteFactory.PostMultipartAsync(admin, NewUrl,
            Form("راعٍ بشعار SVG", "https://example.com/"), ("Logo", "logo.png", svg)));
        Assert.StartsWith("هذا الملف ليس صورة مقبولة", ErrorFor(svgOnly, "Logo"));

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Editing_shows_local_times_keeps_the_existing_svg_logo_and_records_what_changed()
    {
        var sponsor = Build.Sponsor("بنك الواحة " + Build.Unique(),
            startsAt: new DateTime(2030, 5, 1, 21, 0, 0, DateTimeKind.Utc), endsAt: new DateTime(2030, 6, 1, 21, 0, 0, DateTimeKind.Utc));
        sponsor.LogoPath = "/img/sponsors/alwaha-bank.svg";
        await factory.SaveAsync(sponsor);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var url = $"/admin/sponsors/edit/{sponsor.Id}";

        var (_, form) = await NewsSiteFactory.GetPageAsync(admin, url);
        Assert.Equal("2030-05-02T00:00", form.QuerySelector<IHtmlInputElement>("#Input_StartsAt")!.Value);
        Assert.Equal("/img/sponsors/alwaha-bank.svg", form.QuerySelector(".logo-preview")!.GetAttribute("src"));
        var response = await NewsSiteFactory.PostMultipartAsync(admin, url,
            Form(sponsor.Name, "https://example.com/new-offer", "2030-05-02T00:00", "2030-06-02T00:00", priority: "7",
                version: VersionOf(form)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.QueryAsync(db => db.Sponsors.AsNoTracking().SingleAsync(s => s.Id == sponsor.Id));
        Assert.Equal("/img/sponsors/alwaha-bank.svg", saved.LogoPath);
        Assert.Equal("https://example.com/new-offer", saved.TargetUrl);
        Assert.Equal(7, saved.Priority);
        Assert.Equal(sponsor.StartsAt, saved.StartsAt);
        var details = (await factory.AuditOfAsync("Sponsor", sponsor.Id)).Single(e => e.Action == "edit").Details;
        Assert.Contains($"TargetUrl: {sponsor.TargetUrl} → https://example.com/new-offer", details);
        Assert.Contains("Priority: 1 → 7", details);
        Assert.DoesNotContain("StartsAt", details);
    }

    [Fact]
    public async Task A_save_over_someone_elses_change_is_shown_and_not_made_until_confirmed()
    {
        var sponsor = Build.Sponsor("راعٍ يعدله اثنان " + Build.Unique());
        await factory.SaveAsync(sponsor);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var url = $"/admin/sponsors/edit/{sponsor.Id}";
        var (_, opened) = await NewsSiteFactory.GetPageAsync(admin, url);
        await factory.QueryAsync(db => db.Sponsors.Where(s => s.Id == sponsor.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TargetUrl, "https://example.com/theirs")));

        var conflict = await NewsSiteFactory.PostMultipartAsync(admin, url,
            Form(sponsor.Name, "https://example.com/mine", version: VersionOf(opened)));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await ParseAsync(conflict);
        Assert.Contains("عدّل شخص آخر هذا الراعي", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("https://example.com/theirs", page.QuerySelector(".notice.warning")!.TextContent);
        Assert.Equal("https://example.com/mine", page.QuerySelector<IHtmlInputElement>("#Input_TargetUrl")!.Value);
        Assert.Equal("https://example.com/theirs", await TargetOfAsync(sponsor.Id));

        // Saving again, having seen their change, is a decision.
        var confirmed = await NewsSiteFactory.PostMultipartAsync(admin, url,
            Form(sponsor.Name, "https://example.com/mine", version: VersionOf(page)));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("https://example.com/mine", await TargetOfAsync(sponsor.Id));
    }

    [Fact]
    public async Task An_unknown_sponsor_is_404()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/admin/sponsors/edit/987654", UriKind.Relative))).StatusCode);
    }

    private static Dictionary<string, string> Form(
        string name, string url, string start = "", string end = "", string placement = "Header",
        string priority = "1", string active = "true", string? version = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.TargetUrl"] = url,
            ["Input.Placement"] = placement,
            ["Input.StartsAt"] = start,
            ["Input.EndsAt"] = end,
            ["Input.Priority"] = priority,
            ["Input.IsActive"] = active,
        };
        if (version is not null)
        {
            form["Input.Version"] = version;
        }
        return form;
    }

    private static string VersionOf(IHtmlDocument page) => page.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value;

    private static string ErrorFor(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private Task<(int Sponsors, int Audits)> CountsAsync() =>
        factory.QueryAsync(async db => (await db.Sponsors.CountAsync(), await db.AuditEntries.CountAsync(e => e.Subject == "Sponsor")));

    private Task<string> TargetOfAsync(int id) =>
        factory.QueryAsync(db => db.Sponsors.Where(s => s.Id == id).Select(s => s.TargetUrl).SingleAsync());
}
