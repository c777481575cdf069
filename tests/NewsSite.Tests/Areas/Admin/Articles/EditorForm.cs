using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Areas.Admin.Articles;

/// <summary>The article editor as a browser uses it: read the form's fields, change some, press a button.</summary>
internal static class EditorForm
{
    public const string NewUrl = "/admin/articles/new";

    public static string EditUrl(int id) => $"/admin/articles/{id}/edit";

    /// <summary>Every field of the editor form with the value a browser would send (no file, no button).</summary>
    public static async Task<Dictionary<string, string>> LoadAsync(HttpClient client, string url)
    {
        var (response, page) = await NewsSiteFactory.GetPageAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FieldsOf(page);
    }

    public static Dictionary<string, string> FieldsOf(IHtmlDocument page, string formSelector = "form#article-form")
    {
        var form = page.QuerySelector(formSelector)!;
        var fields = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "file" or "submit" }:
                case IHtmlInputElement { Type: "checkbox", IsChecked: false }:
                    continue;
                case IHtmlInputElement input when name != "__RequestVerificationToken":
                    // A checked box comes before its hidden "false", so the first value wins, as in model binding.
                    fields.TryAdd(name, input.Value);
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.TryAdd(name, textArea.Value);
                    break;
                case IHtmlSelectElement select:
                    fields.TryAdd(name, select.Value ?? "");
                    break;
            }
        }
        return fields;
    }

    /// <summary>Presses the button <paramref name="command"/> (save, review, publish, ...) with these fields.</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(
        HttpClient client, string url, Dictionary<string, string> fields, string command = "save")
    {
        var response = await NewsSiteFactory.PostFormAsync(client, url, new Dictionary<string, string>(fields) { ["command"] = command });
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Posts the form as multipart with a hero image file, as the browser does when one is chosen (with the type it claims, if given).</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadAsync(
        HttpClient client, string url, Dictionary<string, string> fields, byte[] image, string fileName, string command = "save",
        string? contentType = null)
    {
        var (_, page) = await NewsSiteFactory.GetPageAsync(client, url);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        content.Add(new StringContent(command), "command");
        content.Add(new StringContent(TokenOf(page)), "__RequestVerificationToken");
        var file = new ByteArrayContent(image);
        if (contentType is not null)
        {
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }
        content.Add(file, "HeroImage", fileName);
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    public static string TokenOf(IHtmlDocument page) =>
        page.QuerySelector("form#article-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>The message shown next to <paramref name="field"/>, or "" when there is none.</summary>
    public static string ErrorFor(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    /// <summary>The article id from the redirect that follows a successful save.</summary>
    public static int SavedId(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var segments = response.Headers.Location!.OriginalString.Split('/');
        Assert.Equal(["", "admin", "articles"], segments[..3]);
        Assert.Equal("edit", segments[4]);
        return int.Parse(segments[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The article as stored now, with its tags.</summary>
    public static Task<Article> StoredAsync(NewsSiteFactory factory, int id) =>
        factory.QueryAsync(db => db.Articles.Include(a => a.Tags).AsNoTracking().SingleAsync(a => a.Id == id));

    /// <summary>A section and an author of their own; their ids.</summary>
    public static async Task<(int SectionId, int AuthorId)> SeedChoicesAsync(NewsSiteFactory factory)
    {
        var section = Build.Section("صحة");
        var author = Build.Author("هدى الرشيد");
        await factory.SaveAsync(section, author);
        return (section.Id, author.Id);
    }

    /// <summary>The new-article form filled in with a title, body and the given section and author.</summary>
    public static async Task<Dictionary<string, string>> NewArticleAsync(
        HttpClient client, int sectionId, int authorId, string title, string body = "فقرة أولى.\n\n## التفاصيل\n\nفقرة ثانية.")
    {
        var fields = await LoadAsync(client, NewUrl);
        fields["Input.Title"] = title;
        fields["Input.Body"] = body;
        fields["Input.Summary"] = "ملخص قصير.";
        fields["Input.SectionId"] = sectionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.AuthorId"] = authorId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }

    /// <summary>A small real PNG, new on every call: the media store decodes what it stores.</summary>
    public static byte[] Png() => Images.Of(64, 36);
}
