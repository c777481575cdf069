using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Domain;

namespace NewsSite.Tests.Areas.Admin;

/// <summary>
/// Every newsroom page, enumerated from the app's own endpoints so a new page cannot escape: who may open it,
/// and that every POST needs the antiforgery token.
/// </summary>
public sealed partial class AuthorizationTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private static readonly string[] Anonymous = ["/admin/login", "/admin/login/verify"];

    private List<(string Url, string ViewPath)> AdminPages() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page?.AreaName == "Admin")
            .Select(x => ("/" + Parameter().Replace(x.Endpoint.RoutePattern.RawText!, "1"), x.Page!.ViewEnginePath))
            .Distinct()
            .ToList();

    private static bool IsUnder(string viewPath, IEnumerable<string> folders) =>
        folders.Any(f => viewPath.StartsWith(f + "/", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void The_newsroom_has_pages_to_check()
    {
        var pages = AdminPages();

        Assert.Contains(pages, p => p.Url == "/admin/login");
        Assert.Contains(pages, p => p.Url.Equals("/Admin", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Anonymous_readers_are_sent_to_the_sign_in_page_from_every_newsroom_page()
    {
        using var client = factory.CreateReader();

        foreach (var (url, _) in AdminPages().Where(p => !Anonymous.Contains(p.Url)))
        {
            var get = await client.GetAsync(new Uri(url, UriKind.Relative));
            using var body = new FormUrlEncodedContent([]);
            var post = await client.PostAsync(new Uri(url, UriKind.Relative), body);

            Assert.True(get.StatusCode == HttpStatusCode.Redirect, $"GET {url}: {get.StatusCode}");
            Assert.StartsWith("/admin/login", get.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST {url}: {post.StatusCode}");
        }
    }

    [Theory]
    [InlineData(StaffRoles.Writer)]
    [InlineData(StaffRoles.Editor)]
    public async Task Staff_without_the_role_get_403_on_pages_above_their_trust(string role)
    {
        using var client = await factory.SignInAsAsync(role);
        var forbidden = role == StaffRoles.Writer
            ? NewsSiteServices.AdminOnlyFolders.Concat(NewsSiteServices.EditorFolders)
            : NewsSiteServices.AdminOnlyFolders;

        foreach (var (url, viewPath) in AdminPages().Where(p => !Anonymous.Contains(p.Url)))
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (IsUnder(viewPath, forbidden))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} GET {url}: {response.StatusCode}");
                var (post, _) = await PostWithTokenAsync(client, url);
                Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"{role} POST {url}: {post.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode != HttpStatusCode.Forbidden, $"{role} GET {url}: {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Every_newsroom_post_needs_the_antiforgery_token()
    {
        using var client = await factory.SignInAsAsync(StaffRoles.Admin);

        foreach (var (url, _) in AdminPages())
        {
            using var body = new FormUrlEncodedContent([]);
            var response = await client.PostAsync(new Uri(url, UriKind.Relative), body);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} without a token: {response.StatusCode}");
        }
    }

    // A POST that passes antiforgery, so only authorization can refuse it.
    private static async Task<(HttpResponseMessage Response, string Token)> PostWithTokenAsync(HttpClient client, string url)
    {
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/admin");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return (await client.PostAsync(new Uri(url, UriKind.Relative), body), token);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
