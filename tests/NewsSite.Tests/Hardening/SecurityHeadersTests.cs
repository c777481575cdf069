using System.Net;

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
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.com" });

        // No antiforgery token: refused with 400 and the status page, headers still there.
        using var response = await client.PostAsync(new Uri("/subscribe", UriKind.Relative), content);

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

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values) : "";
}
