using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;

namespace NewsSite.Tests.Areas.Admin.Account;

public sealed class TwoFactorTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private const string Setup = "/admin/account/two-factor";

    /// <summary>Turns two-factor on the way a person does: read the key off the page, type the app's code. Returns the key and recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, Setup);
        var key = page.QuerySelector("[data-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var response = await NewsSiteFactory.PostFormAsync(client, Setup, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var codes = done.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        return (key, codes);
    }

    [Fact]
    public async Task The_setup_page_shows_the_key_in_groups_of_four_the_otpauth_uri_and_a_qr_code()
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        using var client = await factory.SignInAsync(email);

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, Setup);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = page.QuerySelector("[data-key]")!.TextContent;
        Assert.Matches("^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$", shown);
        var key = shown.Replace(" ", "", StringComparison.Ordinal);
        var uri = page.QuerySelector(".otp-uri")!.TextContent;
        Assert.StartsWith("otpauth://totp/", uri);
        Assert.Contains($":{Uri.EscapeDataString(email)}?secret={key}&issuer=", uri);
        Assert.StartsWith("data:image/svg+xml;base64,", page.QuerySelector("img.qr-code")!.GetAttribute("src"));
        // The page doesn't change the key on every visit, and the session survives the first key being made.
        var (again, second) = await NewsSiteFactory.GetPageAsync(client, Setup);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(shown, second.QuerySelector("[data-key]")!.TextContent);
    }

    [Fact]
    public async Task A_wrong_code_does_not_turn_two_factor_on()
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        using var client = await factory.SignInAsync(email);
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, Setup);
        var key = page.QuerySelector("[data-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);

        var response = await NewsSiteFactory.PostFormAsync(client, Setup, new() { ["Code"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });

        var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("الرمز غير صحيح", html.QuerySelector("[data-valmsg-for=Code]")!.TextContent);
        Assert.False(await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Totp_end_to_end_enable_sign_out_sign_in_wrong_code_refused_right_code_accepted()
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Editor);
        using var client = await factory.SignInAsync(email);

        var (key, codes) = await EnableAsync(client);
        Assert.Equal(10, codes.Count);
        // Still signed in after turning it on (the security stamp changed; this session was refreshed).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/account", UriKind.Relative))).StatusCode);
        await NewsSiteFactory.PostFormAsync(client, "/admin", [], "/admin/logout");

        var signIn = await NewsSiteFactory.PostLoginAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var verify = signIn.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/login/verify", verify);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        var wrong = await NewsSiteFactory.PostFormAsync(client, verify, new() { ["Code"] = Totp.WrongCode(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("الرمز غير صحيح", new HtmlParser().ParseDocument(await wrong.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent);

        var right = await NewsSiteFactory.PostFormAsync(client, verify, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/admin", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        var actions = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.UserName == email).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.EnableTwoFactor, actions);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        using var client = await factory.SignInAsync(email);
        var (_, codes) = await EnableAsync(client);
        await NewsSiteFactory.PostFormAsync(client, "/admin", [], "/admin/logout");

        var verify = (await NewsSiteFactory.PostLoginAsync(client, email)).Headers.Location!.OriginalString;
        var used = await NewsSiteFactory.PostFormAsync(client, verify, new() { ["RecoveryCode"] = codes[0] }, verify.Replace("?", "?handler=Recovery&", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        await NewsSiteFactory.PostFormAsync(client, "/admin", [], "/admin/logout");

        verify = (await NewsSiteFactory.PostLoginAsync(client, email)).Headers.Location!.OriginalString;
        var again = await NewsSiteFactory.PostFormAsync(client, verify, new() { ["RecoveryCode"] = codes[0] }, verify.Replace("?", "?handler=Recovery&", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("استُخدم من قبل", new HtmlParser().ParseDocument(await again.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=RecoveryCode]")!.TextContent);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password_and_then_sign_in_needs_no_code()
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        using var client = await factory.SignInAsync(email);
        await EnableAsync(client);

        var refused = await NewsSiteFactory.PostFormAsync(client, Setup, new() { ["CurrentPassword"] = "Not-The-Password-1" }, Setup + "?handler=Disable");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("غير صحيحة", new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=CurrentPassword]")!.TextContent);

        var off = await NewsSiteFactory.PostFormAsync(client, Setup, new() { ["CurrentPassword"] = NewsSiteFactory.StaffPassword }, Setup + "?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/account", UriKind.Relative))).StatusCode);
        await NewsSiteFactory.PostFormAsync(client, "/admin", [], "/admin/logout");
        var signIn = await NewsSiteFactory.PostLoginAsync(client, email);
        Assert.Equal("/admin", signIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_new_key_retires_the_old_one_and_new_recovery_codes_retire_the_old_codes()
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        using var client = await factory.SignInAsync(email);
        var (oldKey, oldCodes) = await EnableAsync(client);

        var codes = await NewsSiteFactory.PostFormAsync(client, Setup, new() { ["CurrentPassword"] = NewsSiteFactory.StaffPassword }, Setup + "?handler=RecoveryCodes");
        var newCodes = new HtmlParser().ParseDocument(await codes.Content.ReadAsStringAsync()).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        var reset = await NewsSiteFactory.PostFormAsync(client, Setup, new() { ["CurrentPassword"] = NewsSiteFactory.StaffPassword }, Setup + "?handler=Reset");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var (newKey, _) = await EnableAsync(client);
        Assert.NotEqual(oldKey, newKey);
    }
}
