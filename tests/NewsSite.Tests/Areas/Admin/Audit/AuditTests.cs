using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Audit;

public sealed class AuditTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private static AuditEntry Entry(string subject, DateTime at, string action = AuditActions.Edit, string? userId = null,
        string userName = "editor@example.com", string? subjectId = null, string? details = null) => new()
    {
        At = at, Action = action, Subject = subject, UserId = userId, UserName = userName, SubjectId = subjectId, Details = details,
    };

    private static List<string> Details(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody td.details").Select(td => td.TextContent).ToList();

    [Fact]
    public async Task Entries_come_newest_first_with_arabic_labels_and_the_raw_verb_when_unknown()
    {
        var subject = "Article";
        var id = Build.Unique();
        var now = DateTime.UtcNow;
        await factory.SaveAsync(
            Entry(subject, now.AddMinutes(-3), AuditActions.Publish, subjectId: id, details: "الأقدم"),
            Entry(subject, now.AddMinutes(-2), "archive-everything", subjectId: id, details: "الأوسط"),
            Entry(subject, now.AddMinutes(-1), AuditActions.Unpublish, subjectId: id, details: "الأحدث"));
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (response, page) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/audit?subject=Article&subjectId={id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["الأحدث", "الأوسط", "الأقدم"], Details(page));
        var verbs = page.QuerySelectorAll("tbody td[data-label='العملية']").Select(td => td.TextContent).ToList();
        Assert.Equal(["إلغاء النشر", "archive-everything", "نشر"], verbs);
        Assert.All(page.QuerySelectorAll("tbody td[data-label='على']"), td => Assert.StartsWith("مقال", td.TextContent.Trim()));
    }

    [Fact]
    public async Task Filters_by_user_verb_and_subject()
    {
        var subject = "Thing" + Build.Unique();
        var now = DateTime.UtcNow;
        await factory.SaveAsync(
            Entry(subject, now, AuditActions.Create, userId: "user-a", details: "أ أنشأ"),
            Entry(subject, now, AuditActions.Delete, userId: "user-a", details: "أ حذف"),
            Entry(subject, now, AuditActions.Delete, userId: "user-b", details: "ب حذف"));
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (_, byUser) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/audit?subject={subject}&user=user-a");
        var (_, byVerb) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/audit?subject={subject}&verb=delete");
        var (_, both) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/audit?subject={subject}&verb=delete&user=user-b");

        Assert.Equal(["أ أنشأ", "أ حذف"], Details(byUser).Order());
        Assert.Equal(["أ حذف", "ب حذف"], Details(byVerb).Order());
        Assert.Equal(["ب حذف"], Details(both));
        Assert.Contains(byVerb.QuerySelectorAll("#f-verb option"), o => o.GetAttribute("value") == "delete" && o.TextContent == "حذف" && o.HasAttribute("selected"));
    }

    [Fact]
    public async Task Dates_are_whole_days_in_the_site_time_zone()
    {
        var subject = "Dated" + Build.Unique();
        // Kuwait is UTC+3: 20:30 UTC is still the 10th there, 22:30 UTC is already the 11th.
        await factory.SaveAsync(
            Entry(subject, new DateTime(2026, 3, 10, 20, 30, 0, DateTimeKind.Utc), details: "مساء العاشر"),
            Entry(subject, new DateTime(2026, 3, 10, 22, 30, 0, DateTimeKind.Utc), details: "فجر الحادي عشر"));
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (_, tenth) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/audit?subject={subject}&from=2026-03-10&to=2026-03-10");
        var (_, eleventh) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/audit?subject={subject}&from=2026-03-11");
        var (_, bad) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/audit?subject={subject}&from=10/03/2026");
        var (_, reversed) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/audit?subject={subject}&from=2026-03-11&to=2026-03-10");

        Assert.Equal(["مساء العاشر"], Details(tenth));
        Assert.Equal(["فجر الحادي عشر"], Details(eleventh));
        Assert.Contains("2026-01-31", bad.QuerySelector("[data-valmsg-for=From]")!.TextContent);
        Assert.Contains("قبل تاريخ البداية", reversed.QuerySelector("[data-valmsg-for=To]")!.TextContent);
    }

    [Fact]
    public async Task Pages_hold_thirty_keep_the_filters_and_refuse_pages_out_of_bounds()
    {
        var subject = "Paged" + Build.Unique();
        var start = DateTime.UtcNow.AddHours(-1);
        await factory.SaveAsync([.. Enumerable.Range(1, 61).Select(i => Entry(subject, start.AddSeconds(i), details: $"عملية {i}"))]);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var url = $"/admin/audit?subject={subject}";

        var (_, first) = await NewsSiteFactory.GetPageAsync(admin, url);
        var (_, third) = await NewsSiteFactory.GetPageAsync(admin, url + "&page=3");

        Assert.Equal(30, Details(first).Count);
        Assert.Equal("عملية 61", Details(first)[0]);
        Assert.Equal(["عملية 1"], Details(third));
        Assert.Equal($"/admin/audit?subject={subject}&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("صفحة 3 من 3", third.QuerySelector(".pager")!.TextContent);
        foreach (var page in new[] { "4", "0", "-1", "abc", "99999999999" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"{url}&page={page}", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task Everything_in_an_entry_is_encoded()
    {
        var subject = "<b>X" + Build.Unique() + "</b>";
        await factory.SaveAsync(Entry(subject, DateTime.UtcNow, "<script>alert(1)</script>",
            userName: "<img src=x onerror=alert(1)>", subjectId: "<i>1</i>", details: "<script>alert(2)</script>"));
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var response = await admin.GetAsync(new Uri("/admin/audit?subject=" + Uri.EscapeDataString(subject), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>X", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_ins_are_in_the_log_under_the_person()
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        using var writer = await factory.SignInAsync(email);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (_, page) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/audit?user={id}");

        var row = Assert.Single(page.QuerySelectorAll("tbody tr"));
        Assert.Equal("تسجيل دخول", row.QuerySelector("td[data-label='العملية']")!.TextContent);
        Assert.Equal(email, row.QuerySelector("td[data-label='الشخص']")!.TextContent);
    }
}
