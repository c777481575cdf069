using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Areas.Admin.Articles;
using NewsSite.Tests.Builders;
using NewsSite.Tests.Pages.Newsletter;

namespace NewsSite.Tests.Hardening;

public sealed class AbuseLimitsTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private WebApplicationFactory<Program> WithLimit(string action, int permits) =>
        factory.WithWebHostBuilder(b => b.UseSetting($"News:RateLimits:{action}:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static HttpClient Reader(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Sign_in_attempt_over_the_limit_gets_429_with_retry_after_and_an_arabic_page()
    {
        using var client = Reader(WithLimit("SignIn", 3));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var refused = await NewsSiteFactory.PostLoginAsync(client, "nobody@example.com", "wrong-password-123");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        var limited = await NewsSiteFactory.PostLoginAsync(client, "nobody@example.com", "wrong-password-123");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, limited.Headers.RetryAfter?.ToString());
        var html = await limited.Content.ReadAsStringAsync();
        Assert.Contains("طلبات كثيرة", html, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", limited.Headers.GetValues("X-Content-Type-Options").Single());
        // Reading the sign-in page is not limited; only the attempts are.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/login", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_two_factor_step_shares_the_sign_in_limit()
    {
        using var client = Reader(WithLimit("SignIn", 2));
        var statuses = new List<HttpStatusCode>();
        foreach (var url in new[] { "/admin/login/verify", "/admin/login", "/admin/login/verify" })
        {
            using var empty = new FormUrlEncodedContent([]);
            statuses.Add((await client.PostAsync(new Uri(url, UriKind.Relative), empty)).StatusCode);
        }

        // Counted before the form is even read: a guessing script is limited whether or not its posts are valid.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("Search", "/search?q=x")]
    [InlineData("Go", "/go/999999")]
    public async Task Reader_routes_over_the_limit_get_429(string action, string url)
    {
        using var client = Reader(WithLimit(action, 2));
        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        using var limited = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Subscribing_over_the_limit_gets_429_and_stores_nothing_more()
    {
        using var client = Reader(WithLimit("Subscribe", 1));
        var first = await SubscribeTests.PostAsync(client, "limit-1@example.com");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var limited = await SubscribeTests.PostAsync(client, "limit-2@example.com");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Subscribers.CountAsync(s => s.Email == "limit-2@example.com")));
    }

    [Fact]
    public async Task A_one_megabyte_field_to_subscribe_is_refused_cleanly_and_nothing_is_stored()
    {
        using var client = factory.CreateReader();
        var huge = new string('a', 1024 * 1024) + "@example.com";

        var response = await SubscribeTests.PostAsync(client, huge);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Equal(0, await factory.QueryAsync(db => db.Subscribers.CountAsync(s => s.Email.Length > 1000)));
        Assert.Contains("dir=\"rtl\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_multipart_body_to_a_public_form_is_refused()
    {
        using var client = factory.CreateReader();

        var response = await NewsSiteFactory.PostMultipartAsync(client, "/subscribe",
            new Dictionary<string, string> { ["Email"] = "multipart@example.com" },
            ("File", "big.bin", new byte[200 * 1024]));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Equal(0, await factory.QueryAsync(db => db.Subscribers.CountAsync(s => s.Email == "multipart@example.com")));
    }

    [Fact]
    public async Task An_upload_beyond_the_newsroom_limit_is_refused_without_error_and_nothing_is_stored()
    {
        var (sectionId, authorId) = await EditorForm.SeedChoicesAsync(factory);
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var title = "خبر بملف ضخم " + Build.Unique();
        var fields = await EditorForm.NewArticleAsync(admin, sectionId, authorId, title);
        fields["Input.HeroImageAlt"] = "وصف";

        // News:MaxUploadBytes is 5 MB; the form may carry that plus 1 MB.
        var (response, _) = await EditorForm.UploadAsync(admin, EditorForm.NewUrl, fields, new byte[8 * 1024 * 1024], "huge.png");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Equal(0, await factory.QueryAsync(db => db.Articles.CountAsync(a => a.Title == title)));
    }
}
