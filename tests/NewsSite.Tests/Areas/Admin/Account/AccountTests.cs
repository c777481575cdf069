using System.Net;
using AngleSharp.Html.Parser;
using NewsSite.Domain;

namespace NewsSite.Tests.Areas.Admin.Account;

public sealed class AccountTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private const string Url = "/admin/account";

    private static Dictionary<string, string> Change(string current, string next, string? confirm = null) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = confirm ?? next,
    };

    [Fact]
    public async Task Any_staff_member_sees_their_account_linked_from_the_layout()
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        using var client = await factory.SignInAsync(email);

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".admin-nav a[href='/admin/account']"));
        Assert.Contains(email, page.QuerySelector(".facts")!.TextContent);
        Assert.Contains("كاتب", page.QuerySelector(".facts")!.TextContent);
    }

    [Fact]
    public async Task A_changed_password_replaces_the_old_one_keeps_this_session_and_ends_the_others()
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        using var client = await factory.SignInAsync(email);
        using var other = await factory.SignInAsync(email);

        var response = await NewsSiteFactory.PostFormAsync(client, Url, Change(NewsSiteFactory.StaffPassword, "Brand-New-Pass-2026"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Url, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync(new Uri(Url, UriKind.Relative))).StatusCode);
        using var fresh = factory.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await NewsSiteFactory.PostLoginAsync(fresh, email)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await NewsSiteFactory.PostLoginAsync(fresh, email, "Brand-New-Pass-2026")).StatusCode);
    }

    [Theory]
    [InlineData("Not-The-Password-1", "Brand-New-Pass-2026", null, "Input.CurrentPassword", "غير صحيحة")]
    [InlineData(NewsSiteFactory.StaffPassword, "weak", null, "Input.NewPassword", "12 حرفًا")]
    [InlineData(NewsSiteFactory.StaffPassword, "Brand-New-Pass-2026", "Brand-New-Pass-2027", "Input.ConfirmPassword", "غير متطابقتين")]
    public async Task A_bad_change_is_refused_in_arabic_and_the_old_password_still_works(
        string current, string next, string? confirm, string field, string message)
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        using var client = await factory.SignInAsync(email);

        var response = await NewsSiteFactory.PostFormAsync(client, Url, Change(current, next, confirm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        using var fresh = factory.CreateReader();
        Assert.Equal(HttpStatusCode.Redirect, (await NewsSiteFactory.PostLoginAsync(fresh, email)).StatusCode);
    }
}
