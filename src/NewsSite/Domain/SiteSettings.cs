namespace NewsSite.Domain;

/// <summary>The site's identity as admins set it: one row, read by every public page.</summary>
public class SiteSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public required string SiteName { get; set; }
    public string Tagline { get; set; } = "";
    public string? LogoPath { get; set; }
    public required string TimeZone { get; set; }
    public string CopyrightHolder { get; set; } = "";
    public string CreditText { get; set; } = "";
    public string CreditUrl { get; set; } = "";
    public string? FacebookUrl { get; set; }
    public string? XUrl { get; set; }
    public string? InstagramUrl { get; set; }
    public string? YouTubeUrl { get; set; }
    public string? TelegramUrl { get; set; }
    public string? WhatsAppUrl { get; set; }
}
