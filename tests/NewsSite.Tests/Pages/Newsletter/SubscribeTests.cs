using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages.Newsletter;

public sealed class SubscribeTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email)
    {
        // The form on any page is the same for everyone (it is cached): the email and nothing per visitor, posted from this site.
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/subscribe");
        var form = page.QuerySelector("form.subscribe-form")!;
        Assert.Empty(form.QuerySelectorAll("input[type=hidden]"));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(form.GetAttribute("action")!, UriKind.Relative)) { Content = content };
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await client.SendAsync(request);
    }

    private Task<int> CountAsync(string email) =>
        factory.QueryAsync(db => db.Subscribers.CountAsync(s => s.Email == email));

    [Fact]
    public async Task A_valid_email_is_stored_once_and_redirects_to_thanks()
    {
        var email = $"reader-{Build.Unique()}@example.com";
        using var client = factory.CreateReader();

        var first = await PostAsync(client, email);
        var second = await PostAsync(client, "  " + email.ToUpperInvariant() + " ");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("/subscribe?done=True", first.Headers.Location!.OriginalString);
        Assert.Equal(1, await CountAsync(email));
        var (_, thanks) = await NewsSiteFactory.GetPageAsync(client, first.Headers.Location.OriginalString);
        Assert.Contains("شكرًا", thanks.QuerySelector("[role=status]")!.TextContent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("a b@example.com")]
    [InlineData("<script>alert(1)</script>@example.com")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("reader@example..com")]
    public async Task Bad_input_gets_an_arabic_message_and_stores_nothing(string email)
    {
        using var client = factory.CreateReader();
        var before = await factory.QueryAsync(db => db.Subscribers.CountAsync());

        var response = await PostAsync(client, email);
        var html = await response.Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("[\u0600-\u06FF]", page.QuerySelector("#subscribe-error")!.TextContent);
        Assert.Equal(before, await factory.QueryAsync(db => db.Subscribers.CountAsync()));
        Assert.DoesNotContain(page.QuerySelectorAll("img"), img => img.GetAttribute("src") == "x");
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.GetAttribute("src") is null);
    }

    [Fact]
    public async Task A_very_long_address_is_refused()
    {
        using var client = factory.CreateReader();

        var response = await PostAsync(client, new string('a', 300) + "@example.com");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Referer", "https://evil.example/page")]
    public async Task A_post_from_another_site_is_refused(string header, string value)
    {
        using var client = factory.CreateReader();
        var email = $"forged-{Build.Unique()}@example.com";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/subscribe", UriKind.Relative)) { Content = form };
        request.Headers.Add(header, value);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(email));
    }

    [Fact]
    public async Task The_form_on_a_cached_page_subscribes()
    {
        using var client = factory.CreateReader();
        var email = $"cached-{Build.Unique()}@example.com";
        await client.GetAsync(new Uri("/", UriKind.Relative));
        var (home, page) = await NewsSiteFactory.GetPageAsync(client, "/");
        Assert.False(home.Headers.Contains("Set-Cookie"));
        var action = page.QuerySelector("form.subscribe-form")!.GetAttribute("action")!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(action, UriKind.Relative)) { Content = form };
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await CountAsync(email));
    }
}
