using System.Net;
using NewsSite.Domain;

namespace NewsSite.Tests.Areas.Admin;

public sealed class LoginTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task Staff_sign_in_with_the_arabic_form_and_reach_the_newsroom()
    {
        using var client = await factory.SignInAsAsync(StaffRoles.Writer);

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, "/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("غرفة الأخبار", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_arabic_and_five_lock_the_account()
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Editor);
        using var client = factory.CreateReader();
        var wrong = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "Not-The-Password-1" };

        var first = await NewsSiteFactory.PostFormAsync(client, "/admin/login", wrong);
        var firstPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("غير صحيحة", firstPage.QuerySelector("[role=alert]")!.TextContent);

        for (var i = 0; i < 4; i++)
        {
            await NewsSiteFactory.PostFormAsync(client, "/admin/login", wrong);
        }
        // Locked: even the right password is refused now.
        var right = await NewsSiteFactory.PostFormAsync(client, "/admin/login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = NewsSiteFactory.StaffPassword });
        var lockedPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("أُقفل الحساب", lockedPage.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/news/1")]
    public async Task Sign_in_never_redirects_outside_the_newsroom(string returnUrl)
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        using var client = factory.CreateReader();

        var response = await NewsSiteFactory.PostFormAsync(client, "/admin/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = NewsSiteFactory.StaffPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var client = await factory.SignInAsAsync(StaffRoles.Admin);

        var response = await NewsSiteFactory.PostFormAsync(client, "/admin", [], "/admin/logout");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }
}
