namespace NewsSite.Domain;

/// <summary>Views of one article on one day (UTC), the unit that "most read" sums over.</summary>
public class ArticleDailyViews
{
    public int ArticleId { get; set; }
    public DateOnly Day { get; set; }
    public long Views { get; set; }
}
