using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Sponsors;

public sealed class IndexTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task The_list_shows_every_sponsor_with_where_it_stands_now()
    {
        var now = DateTime.UtcNow;
        var live = Build.Sponsor("راعٍ ظاهر " + Build.Unique(), startsAt: now.AddDays(-1), endsAt: now.AddDays(1));
        var pending = Build.Sponsor("راعٍ قادم " + Build.Unique(), startsAt: now.AddDays(2));
        var ended = Build.Sponsor("راعٍ منتهٍ " + Build.Unique(), endsAt: now.AddMinutes(-1));
        var off = Build.Sponsor("راعٍ موقوف " + Build.Unique(), active: false);
        off.TargetUrl = "javascript:alert(1)"; // stored before the newsroom checked addresses
        await factory.SaveAsync(live, pending, ended, off);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var (response, page) = await NewsSiteFactory.GetPageAsync(admin, "/admin/sponsors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("strong")!.TextContent);
        Assert.Equal("يظهر الآن", rows[live.Name].QuerySelector(".badge")!.TextContent);
        Assert.Equal("لم يبدأ بعد", rows[pending.Name].QuerySelector(".badge")!.TextContent);
        Assert.Equal("انتهت مدته", rows[ended.Name].QuerySelector(".badge")!.TextContent);
        Assert.Equal("موقوف", rows[off.Name].QuerySelector(".badge")!.TextContent);
        Assert.Equal("تفعيل", rows[off.Name].QuerySelector("button")!.TextContent);
        Assert.Null(rows[off.Name].QuerySelector("a.target-url"));
        Assert.Contains("حتى", rows[live.Name].QuerySelector(".window")!.TextContent);
    }

    [Fact]
    public async Task Deactivating_and_activating_switch_the_sponsor_and_each_is_audited()
    {
        var sponsor = Build.Sponsor("راعٍ يُوقف " + Build.Unique());
        await factory.SaveAsync(sponsor);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var action = $"/admin/sponsors?handler=SetActive&id={sponsor.Id}";

        var off = await NewsSiteFactory.PostFormAsync(admin, "/admin/sponsors", new() { ["active"] = "false" }, action);
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await IsActiveAsync(sponsor.Id));
        var (_, list) = await NewsSiteFactory.GetPageAsync(admin, "/admin/sponsors");
        Assert.Contains($"أُوقف الراعي «{sponsor.Name}»", list.QuerySelector(".notice")!.TextContent);

        await NewsSiteFactory.PostFormAsync(admin, "/admin/sponsors", new() { ["active"] = "false" }, action);
        await NewsSiteFactory.PostFormAsync(admin, "/admin/sponsors", new() { ["active"] = "true" }, action);
        Assert.True(await IsActiveAsync(sponsor.Id));

        Assert.Equal(["deactivate", "activate"], (await factory.AuditOfAsync("Sponsor", sponsor.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Switching_an_unknown_sponsor_is_404()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var response = await NewsSiteFactory.PostFormAsync(admin, "/admin/sponsors", new() { ["active"] = "true" },
            "/admin/sponsors?handler=SetActive&id=987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<bool> IsActiveAsync(int id) =>
        factory.QueryAsync(db => db.Sponsors.Where(s => s.Id == id).Select(s => s.IsActive).SingleAsync());
}
