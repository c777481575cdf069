namespace NewsSite.Commands;

/// <summary>STUB until the real demo content lands.</summary>
internal static class DemoContent
{
    internal sealed record DemoSection(string Name, string Slug);
    internal sealed record DemoAuthor(string Name, string Slug, string Bio);
    internal sealed record DemoSponsor(string Name, string Logo, string TargetUrl, bool InHeader, int Priority);
    internal sealed record DemoArticle(
        string Title, string Section, string Author, string Summary, string Body,
        string[] Tags, bool IsUrgent, string HeroImage, string HeroAlt, string HeroCaption);

    public static readonly DemoSection[] Sections = [new("محليات", "local")];
    public static readonly DemoAuthor[] Authors = [new("سارة", "sara", "كاتبة")];
    public static readonly DemoSponsor[] Sponsors = [new("بنك", "/img/logo.svg", "https://example.com/", true, 1)];
    public static readonly DemoArticle[] Articles =
        [new("خبر تجريبي", "local", "sara", "ملخص", "نص\n\n## عنوان\n\nنص", ["الكويت"], false, "/img/logo.svg", "شعار", "تعليق")];
}
