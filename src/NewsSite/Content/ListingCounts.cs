using Microsoft.Extensions.Options;

namespace NewsSite.Content;

/// <summary>
/// How many live stories each listing (a section, tag or author, by its path) has: every page of a listing needs
/// the number, and counting a section of 20,000 stories reads 20,000 index entries. Dropped with any article change.
/// </summary>
public sealed class ListingCounts(TimeProvider time, IOptions<NewsOptions> options) : Held<string, int>(time, options)
{
    public override string PurgedWith => PageCache.Articles;

    public ValueTask<int> GetAsync(string listing, Func<CancellationToken, Task<int>> count, CancellationToken cancellationToken) =>
        GetOrLoadAsync(listing, (_, ct) => count(ct), cancellationToken);
}
