using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;

namespace NewsSite.Tests.Areas.Admin;

/// <summary>Settings, staff and the audit log are for admins: editors and writers get a 403, for reading and for writing.</summary>
public sealed class AdminOnlyPagesTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    public static TheoryData<string, string> RolesAndPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { StaffRoles.Writer, StaffRoles.Editor })
        {
            foreach (var url in new[] { "/admin/settings", "/admin/staff", "/admin/staff/new", "/admin/staff/{id}", "/admin/audit" })
            {
                data.Add(role, url);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndPages))]
    public async Task Editors_and_writers_get_403_on_admin_pages_and_their_posts(string role, string page)
    {
        using var client = await factory.SignInAsAsync(role);
        var admin = await factory.CreateStaffAsync(StaffRoles.Admin);
        var adminId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == admin).Select(u => u.Id).SingleAsync());
        var url = page.Replace("{id}", adminId, StringComparison.Ordinal);
        var intruder = $"intruder-{Guid.NewGuid():N}@example.com";

        var get = await client.GetAsync(new Uri(url, UriKind.Relative));
        // A token from a page they may open, so only the authorization can refuse the posts.
        var post = await NewsSiteFactory.PostFormAsync(client, "/admin/account", new()
        {
            ["Input.SiteName"] = "مخترق", ["Input.TimeZone"] = "UTC", ["Input.Email"] = intruder, ["Input.DisplayName"] = "مخترق",
            ["Input.NewPassword"] = "Intruder-Pass-2026", ["Input.ConfirmPassword"] = "Intruder-Pass-2026", ["Input.Roles"] = StaffRoles.Admin,
        }, url);
        var disable = await NewsSiteFactory.PostFormAsync(client, "/admin/account", [], url + "?handler=Disable");

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.SiteSettings.CountAsync()));
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == intruder || (u.Id == adminId && u.IsDisabled))));
    }

    [Fact]
    public async Task Anyone_signed_out_is_sent_to_sign_in()
    {
        using var reader = factory.CreateReader();

        var response = await reader.GetAsync(new Uri("/admin/settings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.AbsolutePath);
    }
}
