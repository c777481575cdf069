using Microsoft.Extensions.Options;

namespace NewsSite.Content;

/// <summary>The site's settings as pages read them: held in memory, replaced the moment an admin saves.</summary>
public sealed class SiteSettingsStore(IServiceScopeFactory scopes, IOptions<NewsOptions> options)
{
    public sealed record Snapshot(SiteSettings Settings, TimeZoneInfo Zone);

    private Snapshot? _current;

    /// <summary>The saved settings, or the configured defaults before any were saved.</summary>
    public Snapshot Current => _current ??= Create(Defaults());

    public SiteSettings Defaults()
    {
        var o = options.Value;
        return new SiteSettings
        {
            SiteName = o.SiteName,
            Tagline = o.Tagline,
            TimeZone = o.TimeZone,
            CopyrightHolder = o.CopyrightHolder,
            CreditText = o.CreditText,
            CreditUrl = o.CreditUrl,
        };
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var saved = await db.SiteSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        _current = Create(saved ?? Defaults());
    }

    /// <summary>Call after saving: every page from now on uses <paramref name="saved"/>.</summary>
    public void Use(SiteSettings saved) => _current = Create(saved);

    public static bool IsKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private static Snapshot Create(SiteSettings settings) =>
        new(settings, TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc);
}
