using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NewsSite.Tests.Hardening;

public sealed class SecurityHeadersTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    public static TheoryData<string, HttpStatusCode> Responses => new()
    {
        { "/", HttpStatusCode.OK },
        { "/css/site.css", HttpStatusCode.OK },
        { "/js/clock.js", HttpStatusCode.OK },
        { "/no-such-page", HttpStatusCode.NotFound },
        { "/admin", HttpStatusCode.Redirect },
        { "/admin/login", HttpStatusCode.OK },
        { "/search?q=x", HttpStatusCode.OK },
        { "/healthz", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode expected)
    {
        using var client = factory.CreateReader();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_survive_a_failed_form_post()
    {
        using var client = factory.CreateReader();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/subscribe", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.com" }),
        };
        request.Headers.Add("Origin", "https://evil.example");

        // A post from another site: refused with 400 and the status page, headers still there.
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.False(string.IsNullOrEmpty(Header(response, "Content-Security-Policy")));
    }

    [Fact]
    public async Task Pages_have_no_inline_scripts_styles_or_handlers_the_policy_would_block()
    {
        using var client = factory.CreateReader();
        foreach (var url in new[] { "/", "/search?q=خبر", "/subscribe", "/admin/login", "/no-such-page" })
        {
            var (_, page) = await NewsSiteFactory.GetPageAsync(client, url);

            Assert.Empty(page.QuerySelectorAll("[style], style"));
            Assert.All(page.QuerySelectorAll("script"), script => Assert.True(
                script.HasAttribute("src") || script.GetAttribute("type") == "application/ld+json", url));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site()
    {
        using var client = factory.CreateReader();

        using var response = await client.GetAsync(new Uri("/admin/login", UriKind.Relative));

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Development_and_tests_are_not_redirected_to_https()
    {
        using var client = factory.CreateReader();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Outside_development_http_is_redirected_and_https_gets_hsts_and_secure_cookies()
    {
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var plain = production.CreateClient(new WebApplicationFactoryClientOptions
            { AllowAutoRedirect = false, BaseAddress = new Uri("http://news.example/") });
        using var secure = production.CreateClient(new WebApplicationFactoryClientOptions
            { AllowAutoRedirect = false, BaseAddress = new Uri("https://news.example/") });

        using var redirected = await plain.GetAsync(new Uri("/admin/login", UriKind.Relative));
        using var login = await secure.GetAsync(new Uri("/admin/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://news.example/admin/login", redirected.Headers.Location!.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.StartsWith("max-age=31536000", Header(login, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_client_are_ignored()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("News:RateLimits:Search:PermitLimit", "2"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // A script cannot dodge the per-IP limit by claiming another address.
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/search?q=x", UriKind.Relative));
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            request.Headers.Add("X-Forwarded-Proto", "https");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values) : "";
}
