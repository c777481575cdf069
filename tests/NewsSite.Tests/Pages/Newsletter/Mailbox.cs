using AngleSharp.Html.Parser;
using MimeKit;

namespace NewsSite.Tests.Pages.Newsletter;

/// <summary>Reads the pickup folder the test site writes its mail to.</summary>
internal static class Mailbox
{
    /// <summary>The messages to <paramref name="email"/>, waiting up to a few seconds for <paramref name="count"/> of them: mail is sent off the request.</summary>
    public static async Task<List<MimeMessage>> WaitForAsync(NewsSiteFactory factory, string email, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var found = To(factory, email);
        while (found.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            found = To(factory, email);
        }
        return found;
    }

    public static List<MimeMessage> To(NewsSiteFactory factory, string email) =>
        !Directory.Exists(factory.MailFolder) ? []
        : Directory.GetFiles(factory.MailFolder, "*.eml")
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(a => a.Address == email))
            .ToList();

    /// <summary>The href of the HTML part's link whose path is <paramref name="path"/>, as a path and query for the test client.</summary>
    public static string LinkTo(MimeMessage message, string path)
    {
        var html = new HtmlParser().ParseDocument(message.HtmlBody ?? "");
        var href = html.QuerySelectorAll("a[href]")
            .Select(a => new Uri(a.GetAttribute("href")!))
            .Single(uri => uri.AbsolutePath == path);
        return href.PathAndQuery;
    }
}
