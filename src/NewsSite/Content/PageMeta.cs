namespace NewsSite.Content;

/// <summary>
/// What a page tells search engines and social networks about itself, beyond its title and description
/// (ViewData "Title" and "Description"). Pages put it in ViewData["Meta"]; the layout's head renders it.
/// </summary>
public sealed record PageMeta
{
    public const string Key = "Meta";

    /// <summary>The one address of this page (with its page number on listings); null for pages that have none, like errors.</summary>
    public string? CanonicalPath { get; init; }

    public string? ImagePath { get; init; }
    public string? ImageAlt { get; init; }
    public ArticleFacts? Article { get; init; }
}

/// <summary>The Open Graph article:* facts of a story.</summary>
public sealed record ArticleFacts(DateTime PublishedAt, DateTime ModifiedAt, string Section, IReadOnlyList<string> Tags);
