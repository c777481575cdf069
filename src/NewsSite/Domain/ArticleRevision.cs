namespace NewsSite.Domain;

/// <summary>The article as one save left it: who, when, and every word, so any version can be restored.</summary>
public class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public ArticleStatus Status { get; set; }
    public DateTime SavedAt { get; set; }
    public string? SavedById { get; set; }
    public string SavedByName { get; set; } = "";

    public static ArticleRevision Of(Article article, DateTime savedAt, string? userId, string userName) => new()
    {
        ArticleId = article.Id,
        Version = article.Version,
        Title = article.Title,
        Summary = article.Summary,
        BodyMarkdown = article.BodyMarkdown,
        Status = article.Status,
        SavedAt = savedAt,
        SavedById = userId,
        SavedByName = userName,
    };
}
