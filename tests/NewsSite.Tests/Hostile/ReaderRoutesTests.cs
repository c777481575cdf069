using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsSite.Tests.Builders;
using NewsSite.Data;
using NewsSite.Domain;

namespace NewsSite.Tests.Hostile;

/// <summary>Every public route parameter and form with the hostile corpus: no 500, nothing from a payload becomes markup, nothing stored.</summary>
public sealed class ReaderRoutesTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private async Task<(int Id, string Section, string Tag, string Author)> SeedAsync()
    {
        var tag = Build.Tag();
        var article = Build.Article().Published();
        article.Tags.Add(tag);
        await factory.SaveAsync(article);
        return (article.Id, article.Section.Slug, tag.Slug, article.Author.Slug);
    }

    [Theory]
    [MemberData(nameof(Payloads.AllData), MemberType = typeof(Payloads))]
    public async Task Route_and_query_parameters_are_answered_without_error_or_injected_markup(string payload)
    {
        var (id, section, tag, author) = await SeedAsync();
        using var client = factory.CreateReader();
        var p = Payloads.ForUrl(payload);

        foreach (var url in new[]
                 {
                     $"/news/{id}/{p}", $"/news/{p}", $"/section/{p}", $"/tag/{p}", $"/author/{p}",
                     $"/section/{section}?page={p}", $"/tag/{tag}?page={p}", $"/author/{author}?page={p}",
                     $"/search?q={p}", $"/search?q={p}&page={p}", $"/go/{p}", $"/go/1?to={p}", $"/media/{p}", $"/media/{p}.png",
                     $"/subscribe?done={p}", $"/status/{p}", $"/?page={p}",
                 })
        {
            if (Payloads.HasNullInPath(url))
            {
                continue;
            }
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            await Payloads.AssertSafeAsync(response, url);
        }
    }

    [Fact]
    public async Task Raw_encoded_segments_invalid_utf8_and_traversal_are_answered_without_error()
    {
        var (id, section, _, _) = await SeedAsync();
        using var client = factory.CreateReader();

        foreach (var segment in Payloads.RawUrlSegments)
        {
            foreach (var url in new[]
                     {
                         $"/news/{id}/{segment}", $"/section/{segment}", $"/tag/{segment}", $"/author/{segment}",
                         $"/section/{section}?page={segment}", $"/search?q={segment}", $"/go/{segment}",
                         $"/media/{segment}", $"/media/{segment}/x.png", $"/css/{segment}",
                     })
            {
                if (Payloads.HasNullInPath(url))
                {
                    continue;
                }
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                var page = await Payloads.AssertSafeAsync(response, url);
                if (url.StartsWith("/media/", StringComparison.Ordinal) || url.StartsWith("/css/", StringComparison.Ordinal))
                {
                    // Traversal never reaches a file outside the media folder or web root.
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                    Assert.DoesNotContain("ConnectionStrings", page.Source.Text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task Subscribe_refuses_every_payload_and_stores_none()
    {
        using var client = factory.CreateReader();
        var before = await factory.QueryAsync(db => db.Subscribers.CountAsync());

        foreach (var payload in Payloads.All.Append(Payloads.Megabyte).Append("a@b.co<script>alert(1)</script>"))
        {
            var response = await NewsSiteFactory.PostFormAsync(client, "/subscribe", new Dictionary<string, string> { ["Email"] = payload });
            await Payloads.AssertSafeAsync(response, "/subscribe " + payload[..Math.Min(40, payload.Length)]);
        }

        Assert.Equal(before, await factory.QueryAsync(db => db.Subscribers.CountAsync()));
    }

    [Fact]
    public async Task A_form_body_that_is_not_utf8_is_answered_without_error()
    {
        using var client = factory.CreateReader();
        // The subscribe form carries no per-visitor token (pages are cached for everyone; the Origin check guards it).
        var body = System.Text.Encoding.ASCII.GetBytes("Email=")
            .Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80, 0x40, 0x78, 0x2E, 0x63, 0x6F }).ToArray();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri("/subscribe", UriKind.Relative), content);

        await Payloads.AssertSafeAsync(response, "non-UTF-8 form");
        Assert.Equal(0, await factory.QueryAsync(db => db.Subscribers.CountAsync(s => s.Email.EndsWith("x.co"))));
    }

    [Theory]
    [MemberData(nameof(Payloads.AllData), MemberType = typeof(Payloads))]
    public async Task Stored_hostile_text_renders_escaped_on_every_public_page(string payload)
    {
        // As if a newsroom account had been misused: the words go straight into the store and out through every page.
        var model = await factory.QueryAsync(db => Task.FromResult(db.Model));
        var section = Build.Section(Storable<Section>(model, nameof(Section.Name), payload));
        var author = Build.Author(Storable<Author>(model, nameof(Author.Name), payload));
        var tag = Build.Tag(Storable<Tag>(model, nameof(Tag.Name), payload));
        var article = Build.Article(section, author, title: Storable<Article>(model, nameof(Article.Title), "عنوان " + payload),
            markdown: Storable<Article>(model, nameof(Article.BodyMarkdown), payload + "\n\n" + payload), summary: Storable<Article>(model, nameof(Article.Summary), payload)).Published();
        article.Tags.Add(tag);
        article.HeroImageAlt = Storable<Article>(model, nameof(Article.HeroImageAlt), payload);
        article.HeroImageCaption = Storable<Article>(model, nameof(Article.HeroImageCaption), payload);
        await factory.SaveAsync(article);
        using var client = factory.CreateReader();

        foreach (var url in new[] { "/", $"/news/{article.Id}/{article.Slug}", $"/section/{section.Slug}", $"/tag/{tag.Slug}", $"/author/{author.Slug}", "/search?q=" + Payloads.ForUrl(payload) })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            await Payloads.AssertSafeAsync(response, url);
        }
    }

    /// <summary>
    /// The text as this store can hold it: PostgreSQL keeps no NUL (the forms drop it) and enforces the model's
    /// lengths (the forms check them); SQLite keeps anything, so there the payload goes in whole.
    /// </summary>
    private string Storable<T>(Microsoft.EntityFrameworkCore.Metadata.IModel model, string property, string text)
    {
        if (factory.Backend != NewsDatabase.Postgres)
        {
            return text;
        }
        text = text.Replace("\0", "", StringComparison.Ordinal);
        var max = model.FindEntityType(typeof(T))!.FindProperty(property)!.GetMaxLength() ?? text.Length;
        return text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
    }
}
