namespace NewsSite.Domain;

public enum ArticleStatus
{
    Draft = 0,
    InReview = 1,
    Scheduled = 2,
    Published = 3,
}

public class Article
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Summary { get; set; } = "";
    public string BodyMarkdown { get; private set; } = "";

    /// <summary>The body rendered once when it is written, so readers never pay for Markdown.</summary>
    public string BodyHtml { get; private set; } = "";

    public string? HeroImagePath { get; set; }

    /// <summary>The hero's pixel size, so pages reserve its space and offer only the variant widths that exist.</summary>
    public int? HeroImageWidth { get; set; }

    public int? HeroImageHeight { get; set; }

    public string? HeroImageAlt { get; set; }
    public string? HeroImageCaption { get; set; }
    public bool IsUrgent { get; set; }
    public ArticleStatus Status { get; private set; } = ArticleStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When it went (or goes, when scheduled) live, UTC.</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>Bumped by every save; a save based on an older version is refused, never overwrites.</summary>
    public int Version { get; private set; }

    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public List<Tag> Tags { get; set; } = [];

    public void SetBody(string markdown, string renderedHtml)
    {
        BodyMarkdown = markdown;
        BodyHtml = renderedHtml;
    }

    /// <summary>Records a save: the next version, touched now.</summary>
    public void MarkSaved(DateTime now)
    {
        Version++;
        UpdatedAt = now;
    }

    /// <summary>Live now; a story published before keeps its first publish time.</summary>
    public void Publish(DateTime now)
    {
        Status = ArticleStatus.Published;
        PublishedAt = PublishedAt is { } at && at <= now ? at : now;
        UpdatedAt = now;
    }

    /// <summary>Goes live by itself at <paramref name="publishAt"/> (UTC).</summary>
    public void Schedule(DateTime publishAt)
    {
        Status = ArticleStatus.Scheduled;
        PublishedAt = publishAt;
    }

    public void SubmitForReview() => Status = ArticleStatus.InReview;

    /// <summary>Back to a draft: off the site, words kept.</summary>
    public void Unpublish() => Status = ArticleStatus.Draft;

    /// <summary>The scheduler's step: a scheduled article whose time has come goes live.</summary>
    public bool PublishIfDue(DateTime now)
    {
        if (Status != ArticleStatus.Scheduled || PublishedAt > now)
        {
            return false;
        }
        Status = ArticleStatus.Published;
        MarkSaved(now);
        return true;
    }

    /// <summary>Live or on its way: its words are the site's, so only editors change them.</summary>
    public bool IsPublicOrScheduled => Status is ArticleStatus.Published or ArticleStatus.Scheduled;

    public bool IsVisibleAt(DateTime now) =>
        Status == ArticleStatus.Published && PublishedAt <= now;
}
