using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Subscribers;

public sealed class IndexTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Search_finds_the_addresses_containing_the_text_whatever_its_case()
    {
        var token = Build.Unique();
        await factory.SaveAsync(
            Build.Subscriber($"first.{token}@example.com"),
            Build.Subscriber($"{token}.second@example.net"),
            Build.Subscriber($"someone-else-{Build.Unique()}@example.com"));
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (response, page) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/subscribers?q=%20{token.ToUpperInvariant()}%20");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"{token}.second@example.net", $"first.{token}@example.com"],
            page.QuerySelectorAll("td.email").Select(td => td.TextContent).Order());
        Assert.Equal(token, page.QuerySelector("input[name=q]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_list_pages_by_fifty_newest_first_and_keeps_the_search()
    {
        var token = Build.Unique();
        var start = DateTime.UtcNow.AddDays(-1);
        await factory.SaveAsync([.. Enumerable.Range(0, 55).Select(i => Build.Subscriber($"p{i:00}.{token}@example.com", start.AddMinutes(i)))]);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (_, first) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/subscribers?q={token}");
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await NewsSiteFactory.GetPageAsync(admin, next);

        Assert.Equal(50, first.QuerySelectorAll("td.email").Length);
        Assert.Equal($"p54.{token}@example.com", first.QuerySelector("td.email")!.TextContent);
        Assert.Equal($"/admin/subscribers?q={token}&page=2", next);
        Assert.Equal([$"p04.{token}@example.com", $"p03.{token}@example.com", $"p02.{token}@example.com", $"p01.{token}@example.com", $"p00.{token}@example.com"],
            second.QuerySelectorAll("td.email").Select(td => td.TextContent));
        Assert.Contains("صفحة 2 من 2", second.QuerySelector(".pager")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/admin/subscribers?page=abc", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Sign_up_time_shows_in_the_site_zone_with_whether_the_address_is_confirmed()
    {
        var token = Build.Unique();
        var signedUp = new DateTime(2026, 1, 10, 21, 30, 0, DateTimeKind.Utc);
        await factory.SaveAsync(
            Build.Subscriber($"confirmed.{token}@example.com", signedUp, confirmedAt: signedUp.AddMinutes(5)),
            Build.Subscriber($"waiting.{token}@example.com", signedUp.AddHours(-12)));
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (_, page) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/subscribers?q={token}");

        var rows = page.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("td.email")!.TextContent);
        // 21:30 UTC is 00:30 the next day in Kuwait.
        Assert.Equal("2026/01/11 12:30 صباحًا", rows[$"confirmed.{token}@example.com"].QuerySelector("td[data-label='اشترك في']")!.TextContent);
        Assert.Equal("مؤكد", rows[$"confirmed.{token}@example.com"].QuerySelector(".badge")!.TextContent);
        Assert.Equal("غير مؤكد", rows[$"waiting.{token}@example.com"].QuerySelector(".badge")!.TextContent);
    }

    [Fact]
    public async Task A_search_longer_than_any_address_is_cut_to_the_cap()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (response, page) = await NewsSiteFactory.GetPageAsync(admin, "/admin/subscribers?q=" + new string('a', 5000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(254, page.QuerySelector("input[name=q]")!.GetAttribute("value")!.Length);
        Assert.Equal("لا يوجد مشترك بهذا البريد.", page.QuerySelector(".empty-state")!.TextContent);
    }

    [Fact]
    public async Task The_csv_holds_every_match_in_the_site_zone_with_a_bom_and_no_formulas_and_is_audited()
    {
        var token = Build.Unique();
        var signedUp = new DateTime(2026, 2, 1, 22, 15, 0, DateTimeKind.Utc);
        await factory.SaveAsync(
            Build.Subscriber($"-{token}@example.com", signedUp),
            Build.Subscriber($"=cmd.{token}@example.com", signedUp.AddDays(1), confirmedAt: signedUp.AddDays(2)),
            Build.Subscriber($"other-{Build.Unique()}@example.com"));
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var response = await admin.GetAsync(new Uri($"/admin/subscribers?handler=csv&q={token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(
        [
            ["البريد الإلكتروني", "تاريخ الاشتراك", "مؤكد", "تاريخ التأكيد"],
            [$"'=cmd.{token}@example.com", "2026-02-03 01:15", "نعم", "2026-02-04 01:15"],
            [$"'-{token}@example.com", "2026-02-02 01:15", "لا", ""],
        ], CsvText.Parse(await response.Content.ReadAsByteArrayAsync()));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "export" && e.Subject == "Subscriber")));
    }

    [Fact]
    public async Task Deleting_a_subscriber_removes_it_returns_to_the_same_search_and_is_audited()
    {
        var token = Build.Unique();
        var leaving = Build.Subscriber($"leaving.{token}@example.com");
        var staying = Build.Subscriber($"staying.{token}@example.com");
        await factory.SaveAsync(leaving, staying);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var list = $"/admin/subscribers?q={token}";
        var (_, page) = await NewsSiteFactory.GetPageAsync(admin, list);
        var action = page.QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("td.email")!.TextContent == leaving.Email)
            .QuerySelector("form")!.GetAttribute("action")!;

        var response = await NewsSiteFactory.PostFormAsync(admin, list, [], action);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(list, response.Headers.Location!.OriginalString);
        Assert.Equal([staying.Email], await factory.QueryAsync(db => db.Subscribers.Where(s => s.Email.Contains(token)).Select(s => s.Email).ToListAsync()));
        var audit = Assert.Single(await factory.AuditOfAsync("Subscriber", leaving.Id));
        Assert.Equal("delete", audit.Action);
        Assert.DoesNotContain(leaving.Email, audit.Details ?? "");
        var (_, after) = await NewsSiteFactory.GetPageAsync(admin, list);
        Assert.Contains($"حُذف المشترك {leaving.Email}", after.QuerySelector(".notice")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await NewsSiteFactory.PostFormAsync(admin, list, [], action)).StatusCode);
    }

    [Fact]
    public async Task Deleting_without_the_antiforgery_token_is_refused()
    {
        var subscriber = Build.Subscriber();
        await factory.SaveAsync(subscriber);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        using var empty = new FormUrlEncodedContent([]);
        var response = await admin.PostAsync(new Uri($"/admin/subscribers?handler=Delete&id={subscriber.Id}", UriKind.Relative), empty);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await factory.QueryAsync(db => db.Subscribers.AnyAsync(s => s.Id == subscriber.Id)));
    }

    [Fact]
    public async Task Only_confirmed_addresses_count_as_subscribers()
    {
        await factory.SaveAsync(
            Build.Subscriber($"counted-{Build.Unique()}@example.com", confirmedAt: DateTime.UtcNow),
            Build.Subscriber($"waiting-{Build.Unique()}@example.com"));
        var (confirmed, total) = await factory.QueryAsync(async db =>
            (await db.Subscribers.CountAsync(s => s.ConfirmedAt != null), await db.Subscribers.CountAsync()));
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (_, page) = await NewsSiteFactory.GetPageAsync(admin, "/admin/subscribers");

        Assert.Equal($"{confirmed} مشترك مؤكد · {total - confirmed} بانتظار التأكيد", page.QuerySelector(".result-count")!.TextContent.Trim());
    }
}
