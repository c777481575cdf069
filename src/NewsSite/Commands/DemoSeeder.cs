namespace NewsSite.Commands;

/// <summary>Fills an empty database with <see cref="DemoContent"/>, so a first start shows a full-looking site.</summary>
internal static class DemoSeeder
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<NewsDbContext>();
        var markdown = services.GetRequiredService<MarkdownRenderer>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var (sections, authors) = await EnsureSectionsAndAuthorsAsync(db, ct);
        var tags = new Dictionary<string, Tag>();
        var articles = new List<Article>();
        for (var i = 0; i < DemoContent.Articles.Length; i++)
        {
            var demo = DemoContent.Articles[i];
            // Spread over the last week, newest first, so "most read" and every listing have something.
            var publishedAt = now.AddMinutes(-(i * 290 + 7));
            var article = new Article
            {
                Title = demo.Title,
                Slug = Slug.From(demo.Title),
                Summary = demo.Summary,
                Section = sections[demo.Section],
                Author = authors[demo.Author],
                HeroImagePath = demo.HeroImage,
                HeroImageWidth = DemoContent.HeroWidth,
                HeroImageHeight = DemoContent.HeroHeight,
                HeroImageAlt = demo.HeroAlt,
                HeroImageCaption = demo.HeroCaption,
                IsUrgent = demo.IsUrgent,
                CreatedAt = publishedAt,
                UpdatedAt = publishedAt,
                Tags = [.. demo.Tags.Select(name => TagNamed(tags, name))],
            };
            article.SetBody(demo.Body, markdown.Render(demo.Body));
            article.Publish(publishedAt);
            articles.Add(article);
        }
        db.Articles.AddRange(articles);

        foreach (var demo in DemoContent.Sponsors)
        {
            db.Sponsors.Add(new Sponsor
            {
                Name = demo.Name,
                LogoPath = demo.Logo,
                TargetUrl = demo.TargetUrl,
                Placement = demo.InHeader ? SponsorPlacement.Header : SponsorPlacement.Footer,
                Priority = demo.Priority,
                StartsAt = now.AddDays(-30),
                EndsAt = now.AddYears(1),
            });
        }
        await db.SaveChangesAsync(ct);

        // A plausible week of readership, fixed by the seed so every demo site looks alike.
        var random = new Random(2025);
        var today = DateOnly.FromDateTime(now);
        foreach (var article in articles)
        {
            var age = (int)(now - article.PublishedAt!.Value).TotalDays;
            for (var day = 0; day <= Math.Min(age, 6); day++)
            {
                db.ArticleDailyViews.Add(new ArticleDailyViews
                {
                    ArticleId = article.Id,
                    Day = today.AddDays(-day),
                    Views = random.Next(15, 900) / (day + 1),
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo sections and authors, added when the database has none.</summary>
    public static async Task<(Dictionary<string, Section>, Dictionary<string, Author>)> EnsureSectionsAndAuthorsAsync(
        NewsDbContext db, CancellationToken ct)
    {
        if (!await db.Sections.AnyAsync(ct))
        {
            db.Sections.AddRange(DemoContent.Sections.Select((s, i) => new Section { Name = s.Name, Slug = s.Slug, SortOrder = i + 1 }));
        }
        if (!await db.Authors.AnyAsync(ct))
        {
            db.Authors.AddRange(DemoContent.Authors.Select(a => new Author { Name = a.Name, Slug = a.Slug, Bio = a.Bio }));
        }
        await db.SaveChangesAsync(ct);
        return (await db.Sections.ToDictionaryAsync(s => s.Slug, ct), await db.Authors.ToDictionaryAsync(a => a.Slug, ct));
    }

    private static Tag TagNamed(Dictionary<string, Tag> tags, string name)
    {
        var slug = Slug.From(name);
        if (!tags.TryGetValue(slug, out var tag))
        {
            tag = new Tag { Name = name, Slug = slug };
            tags.Add(slug, tag);
        }
        return tag;
    }
}
