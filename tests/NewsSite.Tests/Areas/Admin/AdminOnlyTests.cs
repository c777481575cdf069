using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin;

/// <summary>Sponsors and subscribers are for admins: editors and writers get a 403 on every page and every POST, and change nothing.</summary>
public sealed class AdminOnlyTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Theory]
    [InlineData(StaffRoles.Editor)]
    [InlineData(StaffRoles.Writer)]
    public async Task Sponsors_and_subscribers_pages_and_posts_are_403_for_other_roles(string role)
    {
        var sponsor = Build.Sponsor("راعٍ محمي");
        var subscriber = Build.Subscriber();
        await factory.SaveAsync(sponsor, subscriber);
        using var client = await factory.SignInAsAsync(role);
        var before = await StateAsync(sponsor.Id, subscriber.Id);

        string[] pages =
        [
            "/admin/sponsors", "/admin/sponsors/edit", $"/admin/sponsors/edit/{sponsor.Id}",
            "/admin/sponsors/report", "/admin/sponsors/report?handler=csv",
            "/admin/subscribers", "/admin/subscribers?q=example", "/admin/subscribers?handler=csv",
        ];
        foreach (var url in pages)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {url} answered {response.StatusCode}");
        }

        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/admin/sponsors?handler=SetActive&id={sponsor.Id}", new() { ["active"] = "false" }),
            ("/admin/sponsors/edit", Sponsor("راعٍ دخيل")),
            ($"/admin/sponsors/edit/{sponsor.Id}", Sponsor("اسم مغيّر")),
            ($"/admin/subscribers?handler=Delete&id={subscriber.Id}", []),
        };
        foreach (var (url, fields) in posts)
        {
            // A token from a page this member may open, so only the role stands in the way.
            var response = await NewsSiteFactory.PostFormAsync(client, "/admin", fields, url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {url} answered {response.StatusCode}");
        }

        Assert.Equal(before, await StateAsync(sponsor.Id, subscriber.Id));
    }

    [Fact]
    public async Task Readers_who_are_not_signed_in_are_sent_to_the_login()
    {
        using var reader = factory.CreateReader();

        foreach (var url in new[] { "/admin/sponsors", "/admin/sponsors/report?handler=csv", "/admin/subscribers?handler=csv" })
        {
            var response = await reader.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/admin/login", response.Headers.Location!.ToString());
        }
    }

    private static Dictionary<string, string> Sponsor(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.TargetUrl"] = "https://example.com/",
        ["Input.Placement"] = "Header",
        ["Input.Priority"] = "1",
        ["Input.IsActive"] = "true",
    };

    private Task<(int Sponsors, string Name, bool Active, int Subscribers, int Audits)> StateAsync(int sponsorId, int subscriberId) =>
        factory.QueryAsync(async db => (
            await db.Sponsors.CountAsync(),
            await db.Sponsors.Where(s => s.Id == sponsorId).Select(s => s.Name).SingleAsync(),
            await db.Sponsors.Where(s => s.Id == sponsorId).Select(s => s.IsActive).SingleAsync(),
            await db.Subscribers.CountAsync(s => s.Id == subscriberId),
            await db.AuditEntries.CountAsync(e => e.Subject == "Sponsor" || e.Subject == "Subscriber")));
}
