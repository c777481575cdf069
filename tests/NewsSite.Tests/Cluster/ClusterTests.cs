using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Areas.Admin.Articles;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Cluster;

/// <summary>Several instances behind one address: what one instance does, the other shows; counts add up across both.</summary>
public sealed class ClusterTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    // One cookie jar for every client, as one browser: the cookies of 127.0.0.1 go to each port.
    private readonly CookieContainer _cookies = new();

    [Fact]
    public async Task Published_on_one_instance_the_next_read_on_the_other_shows_it()
    {
        using var readerA = Reader(cluster.InstanceA);
        using var readerB = Reader(cluster.InstanceB);
        // The home page is in the shared cache, rendered by B, with the ETag both instances then serve.
        await readerB.GetAsync(new Uri("/", UriKind.Relative));
        var cached = await readerB.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        var etag = cached.Headers.ETag;
        Assert.NotNull(etag);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { IfNoneMatch = { etag } } };
        Assert.Equal(HttpStatusCode.NotModified, (await readerA.SendAsync(revalidate)).StatusCode);

        using var staffA = await SignInAsync(cluster.InstanceA);
        var title = $"خبر نشر على نسخة وقُرئ على أخرى {Build.Unique()}";
        var (_, form) = await NewsSiteFactory.GetPageAsync(staffA, EditorForm.NewUrl);
        var fields = NewArticle(form, title);
        var (published, _) = await EditorForm.PostAsync(staffA, EditorForm.NewUrl, fields, "publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var home = await readerB.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains(title, home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_on_one_instance_the_newsroom_works_on_the_other()
    {
        using var staffA = await SignInAsync(cluster.InstanceA);
        using var staffB = Client(cluster.InstanceB);

        // The sign-in cookie A issued opens B's newsroom.
        var list = await staffB.GetAsync(new Uri("/admin/articles", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        // A form from A, with A's antiforgery token, posted to B: a new article saved there.
        var title = $"مسودة حُفظت عبر نسختين {Build.Unique()}";
        var (_, form) = await NewsSiteFactory.GetPageAsync(staffA, EditorForm.NewUrl);
        var fields = NewArticle(form, title);
        fields["command"] = "save";
        fields["__RequestVerificationToken"] = TokenOf(form);
        using var content = new FormUrlEncodedContent(fields);
        var saved = await staffB.PostAsync(new Uri(EditorForm.NewUrl, UriKind.Relative), content);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        await using var db = cluster.OpenDatabase();
        Assert.True(await db.Articles.AnyAsync(a => a.Title == title));
    }

    [Fact]
    public async Task Settings_saved_on_one_instance_show_on_the_other()
    {
        using var readerB = Reader(cluster.InstanceB);
        // B holds the settings in memory and its rendering of the home page is in the shared cache.
        await readerB.GetAsync(new Uri("/", UriKind.Relative));

        using var staffA = await SignInAsync(cluster.InstanceA);
        var name = $"نبض المدينة {Build.Unique()}";
        var (_, form) = await NewsSiteFactory.GetPageAsync(staffA, "/admin/settings");
        var fields = EditorForm.FieldsOf(form, "main form");
        fields["Input.SiteName"] = name;
        fields["__RequestVerificationToken"] = TokenOf(form, "main form");
        using var content = new FormUrlEncodedContent(fields);
        Assert.Equal(HttpStatusCode.Redirect, (await staffA.PostAsync(new Uri("/admin/settings", UriKind.Relative), content)).StatusCode);

        // B hears of the save through Redis within a moment; until then it may still show the old name.
        var shown = "";
        for (var i = 0; i < 50 && shown != name; i++)
        {
            var (_, home) = await NewsSiteFactory.GetPageAsync(readerB, "/");
            shown = home.QuerySelector(".brand-name")?.TextContent ?? "";
            await Task.Delay(shown == name ? 0 : 100);
        }
        Assert.Equal(name, shown);
        // And what B rendered meanwhile did not stay in the shared cache: A serves the new name as well.
        using var readerA = Reader(cluster.InstanceA);
        var (_, fromA) = await NewsSiteFactory.GetPageAsync(readerA, "/");
        Assert.Equal(name, fromA.QuerySelector(".brand-name")?.TextContent);
    }

    [Fact]
    public async Task Views_spread_over_both_instances_add_up_exactly()
    {
        const int Views = 40;
        int articleId;
        await using (var db = cluster.OpenDatabase())
        {
            articleId = await db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        }
        var before = await ViewsOfAsync(articleId);
        using var reader = Reader(cluster.Proxy);
        var path = $"/news/{articleId}";
        var url = (await reader.GetAsync(new Uri(path, UriKind.Relative))).Headers.Location?.OriginalString ?? path;
        before = await WaitForSteadyViewsAsync(articleId, before);

        for (var i = 0; i < Views; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        }

        // Both instances served some of them.
        var upstreams = File.ReadLines(cluster.ProxyLog).Where(l => l.EndsWith(" 200 " + url, StringComparison.Ordinal))
            .Select(l => l.Split(' ')[0]).Distinct().Count();
        Assert.Equal(2, upstreams);
        Assert.Equal(before + Views, await WaitForSteadyViewsAsync(articleId, before + Views));
    }

    [Fact]
    public async Task Both_schedulers_publish_each_due_article_once()
    {
        const int Due = 8;
        var articles = Enumerable.Range(1, Due).Select(i =>
        {
            var article = Build.Article(title: $"خبر مجدول لنسختين رقم {i}");
            article.Schedule(DateTime.UtcNow.AddMinutes(-i));
            return article;
        }).ToList();
        await using var db = cluster.OpenDatabase();
        db.AddRange(articles);
        await db.SaveChangesAsync();
        var ids = articles.Select(a => a.Id).ToList();

        for (var i = 0; i < 100 && await db.Articles.AnyAsync(a => ids.Contains(a.Id) && a.Status != ArticleStatus.Published); i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(Due, await db.Articles.CountAsync(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published));
        var subjects = ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Due, await db.AuditEntries.CountAsync(e => e.Action == "publish" && subjects.Contains(e.SubjectId!)));
    }

    // The flush runs every second on each instance: wait until the total reaches the expected count and stays there.
    private async Task<long> WaitForSteadyViewsAsync(int articleId, long expected)
    {
        var views = await ViewsOfAsync(articleId);
        for (var i = 0; i < 100 && views < expected; i++)
        {
            await Task.Delay(100);
            views = await ViewsOfAsync(articleId);
        }
        await Task.Delay(2500);
        return await ViewsOfAsync(articleId);
    }

    private async Task<long> ViewsOfAsync(int articleId)
    {
        await using var db = cluster.OpenDatabase();
        return await db.ArticleDailyViews.Where(v => v.ArticleId == articleId).SumAsync(v => v.Views);
    }

    private async Task<HttpClient> SignInAsync(Uri instance)
    {
        var client = Client(instance);
        var response = await NewsSiteFactory.PostLoginAsync(client, ClusterFixture.AdminEmail, ClusterFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    // The editor's fields with a title, a body and the first section and author the demo content made.
    private static Dictionary<string, string> NewArticle(IHtmlDocument form, string title)
    {
        var fields = EditorForm.FieldsOf(form);
        fields["Input.Title"] = title;
        fields["Input.Body"] = "فقرة الخبر الأولى.";
        foreach (var choice in new[] { "Input.SectionId", "Input.AuthorId" })
        {
            fields[choice] = form.QuerySelectorAll($"select[name='{choice}'] option").Select(o => o.GetAttribute("value")).First(v => v is { Length: > 0 } && v != "0")!;
        }
        return fields;
    }

    private static string TokenOf(IHtmlDocument page, string formSelector = "form#article-form") =>
        page.QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";

    /// <summary>
    /// A reader without cookies, so pages come from the shared cache; every instance is asked for the site's one public
    /// name, as the proxy passes it on (the page cache keys include the host).
    /// </summary>
    private static HttpClient Reader(Uri instance)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = instance };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(NewsSiteFactory.BrowserUserAgent);
        client.DefaultRequestHeaders.Host = "news.example";
        return client;
    }

    private HttpClient Client(Uri instance)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = _cookies }) { BaseAddress = instance };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(NewsSiteFactory.BrowserUserAgent);
        return client;
    }
}
