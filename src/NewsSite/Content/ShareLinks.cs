namespace NewsSite.Content;

/// <summary>
/// Share addresses of the big networks for one story: plain links, so sharing loads no third-party script
/// and makes no request to those networks until a reader chooses one.
/// </summary>
public sealed record ShareLinks(string Url, string Title)
{
    private string U => Uri.EscapeDataString(Url);
    private string T => Uri.EscapeDataString(Title);

    public string WhatsApp => $"https://wa.me/?text={Uri.EscapeDataString($"{Title} {Url}")}";
    public string X => $"https://x.com/intent/tweet?url={U}&text={T}";
    public string Facebook => $"https://www.facebook.com/sharer/sharer.php?u={U}";
    public string Telegram => $"https://t.me/share/url?url={U}&text={T}";
}
