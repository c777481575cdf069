using System.Globalization;

namespace NewsSite.Content;

/// <summary>
/// An image as the pages draw it: the variants the media store wrote for it (found by naming convention,
/// so the database keeps only the original's address and size), its size against layout shift, and how urgently
/// the browser should fetch it.
/// </summary>
public sealed record ResponsiveImage(string Src, string Alt, int Width, int Height, string Sizes, bool IsLead)
{
    /// <summary>The widths every upload is resized to, where the original is at least that wide.</summary>
    public static readonly IReadOnlyList<int> StandardWidths = [320, 640, 1024, 1600];

    // The demo heroes are SVGs drawn at 16:9; uploads stored before sizes were recorded are assumed the same.
    private const int DefaultWidth = 1600;
    private const int DefaultHeight = 900;

    // The sizes follow site.css: the article column is at most 46rem; the lead takes 3/5 of the 72rem page from
    // 64rem up; cards are three to a row beside the aside from 64rem, two from 40rem, else full width.

    /// <summary>The article's hero: in the first screen, fetched first.</summary>
    public static ResponsiveImage ArticleHero(string src, string? alt, int? width, int? height) =>
        new(src, alt ?? "", width ?? DefaultWidth, height ?? DefaultHeight, "(min-width: 48rem) 46rem, 100vw", IsLead: true);

    /// <summary>The home page's lead story: in the first screen, fetched first; a decorative link, so no alt.</summary>
    public static ResponsiveImage HomeLead(string src, int? width, int? height) =>
        new(src, "", width ?? DefaultWidth, height ?? DefaultHeight,
            "(min-width: 72rem) 43rem, (min-width: 64rem) 60vw, 100vw", IsLead: true);

    /// <summary>A card's picture: below the fold, fetched when it scrolls near; a decorative link, so no alt.</summary>
    public static ResponsiveImage Card(string src, int? width, int? height) =>
        new(src, "", width ?? DefaultWidth, height ?? DefaultHeight,
            "(min-width: 64rem) 18rem, (min-width: 40rem) 50vw, 100vw", IsLead: false);

    /// <summary>Variant widths for an original this wide: never upscaled, and at least one.</summary>
    public static IReadOnlyList<int> WidthsFor(int originalWidth)
    {
        var widths = StandardWidths.Where(w => w <= originalWidth).ToList();
        return widths.Count > 0 ? widths : [originalWidth];
    }

    /// <summary>The file name of one variant of a stored original (<c>{hash}-{width}.{extension}</c>).</summary>
    public static string VariantName(string hash, int width, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{hash}-{width}.{extension}");

    /// <summary>Variants exist only for what the media store wrote, and only when its width was recorded.</summary>
    public IReadOnlyList<int> VariantWidths =>
        MediaStore.IsStoredUrl(Src) ? WidthsFor(Width) : [];

    /// <summary>The <c>srcset</c> of the variants in one format (<c>webp</c> or <c>jpg</c>).</summary>
    public string SrcSet(string extension)
    {
        var hash = MediaStore.StoredUrl().Match(Src).Groups["hash"].Value;
        return string.Join(", ", VariantWidths.Select(w =>
            string.Create(CultureInfo.InvariantCulture, $"{MediaStore.UrlPrefix}/{VariantName(hash, w, extension)} {w}w")));
    }
}
