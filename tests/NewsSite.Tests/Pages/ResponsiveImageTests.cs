using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Builders;
using SkiaSharp;
using static NewsSite.Tests.Areas.Admin.Articles.EditorForm;

namespace NewsSite.Tests.Pages;

/// <summary>Heroes on the article page, the home lead and the cards: one picture element, variants that exist, no layout shift.</summary>
public sealed class ResponsiveImageTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    [Fact]
    public async Task A_hero_uploaded_in_the_editor_is_an_eager_picture_with_variants_that_exist_on_the_article_page()
    {
        var (sectionId, authorId) = await SeedChoicesAsync(factory);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);
        var fields = await NewArticleAsync(editor, sectionId, authorId, "صورة بأحجام عدة " + Build.Unique());
        fields["Input.HeroImageAlt"] = "الميناء عند الغروب";

        var (response, _) = await UploadAsync(editor, NewUrl, fields, Images.Of(2000, 1000, SKEncodedImageFormat.Jpeg), "port.jpg", "publish");

        var article = await StoredAsync(factory, SavedId(response));
        Assert.Equal((2000, 1000), (article.HeroImageWidth, article.HeroImageHeight));
        using var reader = factory.CreateReader();
        var (_, page) = await NewsSiteFactory.GetPageAsync(reader, ArticleLinks.PathOf(article.Id, article.Slug));
        var picture = page.QuerySelector(".hero picture")!;
        var img = picture.QuerySelector("img")!;
        Assert.Equal(article.HeroImagePath, img.GetAttribute("src"));
        Assert.Equal("الميناء عند الغروب", img.GetAttribute("alt"));
        Assert.Equal(("2000", "1000"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal(("eager", "high"), (img.GetAttribute("loading"), img.GetAttribute("fetchpriority")));
        Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("sizes")));
        Assert.Equal([320, 640, 1024, 1600], await CheckSrcSetAsync(reader, picture.QuerySelector("source[type='image/webp']")!, "image/webp"));
        Assert.Equal([320, 640, 1024, 1600], await CheckSrcSetAsync(reader, img, "image/jpeg"));
    }

    [Fact]
    public async Task The_home_lead_is_fetched_first_and_cards_lazily_with_only_the_widths_that_exist()
    {
        var section = Build.Section();
        var lead = await WithUploadAsync(Build.Article(section, title: "الخبر الأول " + Build.Unique()), 1800, 1200);
        var small = await WithUploadAsync(Build.Article(section, title: "صورة صغيرة " + Build.Unique()), 500, 300);
        var demo = Build.Article(section, title: "خبر بصورة تجريبية " + Build.Unique());
        (demo.HeroImagePath, demo.HeroImageWidth, demo.HeroImageHeight) = ("/img/demo/local.svg", 1600, 900);
        lead.Published(DateTime.UtcNow.AddSeconds(-1));
        small.Published(DateTime.UtcNow.AddMinutes(-2));
        demo.Published(DateTime.UtcNow.AddMinutes(-3));
        await factory.SaveAsync(lead, small, demo);
        using var reader = factory.CreateReader();

        var (_, home) = await NewsSiteFactory.GetPageAsync(reader, "/");

        var leadImg = home.QuerySelector(".lead picture img")!;
        Assert.Equal(lead.HeroImagePath, leadImg.GetAttribute("src"));
        Assert.Equal(("eager", "high"), (leadImg.GetAttribute("loading"), leadImg.GetAttribute("fetchpriority")));
        Assert.Equal(("1800", "1200"), (leadImg.GetAttribute("width"), leadImg.GetAttribute("height")));
        Assert.Equal([320, 640, 1024, 1600], await CheckSrcSetAsync(reader, home.QuerySelector(".lead picture source")!, "image/webp"));

        var smallCard = CardOf(home, small);
        var smallImg = smallCard.QuerySelector("picture img")!;
        Assert.Equal(("lazy", "async", null), (smallImg.GetAttribute("loading"), smallImg.GetAttribute("decoding"), smallImg.GetAttribute("fetchpriority")));
        Assert.Equal(("500", "300"), (smallImg.GetAttribute("width"), smallImg.GetAttribute("height")));
        Assert.Equal([320], await CheckSrcSetAsync(reader, smallCard.QuerySelector("picture source[type='image/webp']")!, "image/webp"));
        Assert.Equal([320], await CheckSrcSetAsync(reader, smallImg, "image/jpeg"));

        // An SVG has no variants: a plain image, still sized and lazy.
        var demoImg = CardOf(home, demo).QuerySelector("img")!;
        Assert.Null(demoImg.Closest("picture"));
        Assert.Null(demoImg.GetAttribute("srcset"));
        Assert.Equal(("/img/demo/local.svg", "1600", "900", "lazy"),
            (demoImg.GetAttribute("src"), demoImg.GetAttribute("width"), demoImg.GetAttribute("height"), demoImg.GetAttribute("loading")));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/img/demo/local.svg", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Removing_the_hero_in_the_editor_clears_its_size()
    {
        var article = await WithUploadAsync(Build.Article(), 900, 600);
        await factory.SaveAsync(article);
        using var editor = await factory.SignInAsAsync(StaffRoles.Editor);
        var fields = await LoadAsync(editor, EditUrl(article.Id));
        fields["Input.RemoveHeroImage"] = "true";

        await PostAsync(editor, EditUrl(article.Id), fields);

        var stored = await factory.QueryAsync(db => db.Articles.AsNoTracking().FirstAsync(a => a.Id == article.Id));
        Assert.Equal((null, null, null), (stored.HeroImagePath, stored.HeroImageWidth, stored.HeroImageHeight));
    }

    private async Task<Article> WithUploadAsync(Article article, int width, int height)
    {
        var bytes = Images.Of(width, height, SKEncodedImageFormat.Jpeg);
        var saved = await factory.Services.GetRequiredService<MediaStore>()
            .SaveImageAsync(new FormFile(new MemoryStream(bytes), 0, bytes.Length, "file", "photo.jpg"), CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
        (article.HeroImagePath, article.HeroImageAlt, article.HeroImageWidth, article.HeroImageHeight) =
            (saved.Url, "وصف الصورة", saved.Width, saved.Height);
        return article;
    }

    private static IElement CardOf(AngleSharp.Html.Dom.IHtmlDocument page, Article article) =>
        page.QuerySelectorAll(".card").First(c => c.QuerySelector($"a[href='{ArticleLinks.PathOf(article.Id, article.Slug)}']") is not null);

    /// <summary>Fetches every candidate of a srcset, checks its type and decoded width, and returns the widths.</summary>
    private static async Task<List<int>> CheckSrcSetAsync(HttpClient client, IElement element, string contentType)
    {
        var widths = new List<int>();
        foreach (var candidate in element.GetAttribute("srcset")!.Split(", "))
        {
            var (url, descriptor) = (candidate.Split(' ')[0], candidate.Split(' ')[1]);
            var width = int.Parse(descriptor.TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture);
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
            using var decoded = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(width, decoded.Width);
            widths.Add(width);
        }
        return widths;
    }
}
