using System.Globalization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Taxonomy;

/// <summary>What the section, tag and author tests do through the real forms, by audit subject ("Section", "Tag", "Author").</summary>
internal static class TaxonomyPages
{
    public static string ListUrl(string subject) => "/admin/" + subject.ToLowerInvariant() + "s";

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SubmitAsync(
        HttpClient client, string url, Dictionary<string, string> fields)
    {
        var response = await NewsSiteFactory.PostFormAsync(client, url, fields);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> DeleteAsync(HttpClient client, string subject, int id)
    {
        var list = ListUrl(subject);
        var response = await NewsSiteFactory.PostFormAsync(client, list, [], postUrl: $"{list}?handler=Delete&id={id.ToString(CultureInfo.InvariantCulture)}");
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    public static string FieldError(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    /// <summary>Stores a new item of <paramref name="subject"/> with <paramref name="articles"/> articles filed under it.</summary>
    public static async Task<(int Id, string Slug)> StoreAsync(NewsSiteFactory factory, string subject, int articles = 0)
    {
        var stories = Enumerable.Range(0, articles).Select(_ => Build.Article()).ToList();
        (object item, Func<(int, string)> key) = subject switch
        {
            "Section" => Filed(Build.Section(), s => stories.ForEach(a => a.Section = s), s => (s.Id, s.Slug)),
            "Author" => Filed(Build.Author(), au => stories.ForEach(a => a.Author = au), au => (au.Id, au.Slug)),
            _ => Filed(Build.Tag(), t => stories.ForEach(a => a.Tags.Add(t)), t => (t.Id, t.Slug)),
        };
        await factory.SaveAsync([item, .. stories]);
        return key();
    }

    private static (object, Func<(int, string)>) Filed<T>(T item, Action<T> file, Func<T, (int, string)> key) where T : class
    {
        file(item);
        return (item, () => key(item));
    }

    public static Task<int> CountAsync(NewsSiteFactory factory, string subject, string name) => factory.QueryAsync(db => subject switch
    {
        "Section" => db.Sections.CountAsync(s => s.Name == name),
        "Author" => db.Authors.CountAsync(a => a.Name == name),
        _ => db.Tags.CountAsync(t => t.Name == name),
    });

    public static Task<List<AuditEntry>> AuditAsync(NewsSiteFactory factory, string subject, int id) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Subject == subject && e.SubjectId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id)
            .ToListAsync());
}
