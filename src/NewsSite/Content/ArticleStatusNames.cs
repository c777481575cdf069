namespace NewsSite.Content;

/// <summary>How the newsroom names an article's state in Arabic.</summary>
public static class ArticleStatusNames
{
    public static string ArabicName(this ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "مسودة",
        ArticleStatus.InReview => "بانتظار المراجعة",
        ArticleStatus.Scheduled => "مجدول",
        ArticleStatus.Published => "منشور",
        _ => status.ToString(),
    };

    /// <summary>A CSS class per state, for the coloured label.</summary>
    public static string CssClass(this ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "status status-review",
        ArticleStatus.Scheduled => "status status-scheduled",
        ArticleStatus.Published => "status status-published",
        _ => "status status-draft",
    };
}
