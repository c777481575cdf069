using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace NewsSite.Content;

/// <summary>
/// Signed, encrypted, expiring tokens for the newsletter links: one purpose per use, so a confirm token can
/// never unsubscribe and the other way round. Each carries the subscriber's id and address, so a link still
/// works for exactly the row it was made for (an address signed up again gets a new id and new links).
/// </summary>
public sealed class NewsletterTokens(IDataProtectionProvider protection, TimeProvider time, IOptions<NewsOptions> options)
{
    /// <summary>Unsubscribe links sit in old mail for years and must still work.</summary>
    public static readonly TimeSpan UnsubscribeLifetime = TimeSpan.FromDays(3650);

    /// <summary>Longer than any real token: anything this long is refused before it is decoded.</summary>
    public const int MaxTokenLength = 1000;

    public sealed record Holder(int SubscriberId, string Email);

    private readonly ITimeLimitedDataProtector _confirm =
        protection.CreateProtector("NewsSite.Newsletter.Confirm.v1").ToTimeLimitedDataProtector();

    private readonly ITimeLimitedDataProtector _unsubscribe =
        protection.CreateProtector("NewsSite.Newsletter.Unsubscribe.v1").ToTimeLimitedDataProtector();

    public string ForConfirm(int subscriberId, string email) =>
        ForConfirm(subscriberId, email, time.GetUtcNow().AddHours(options.Value.NewsletterConfirmHours));

    /// <summary>A confirm token that expires at <paramref name="expires"/>; tests make one already expired.</summary>
    internal string ForConfirm(int subscriberId, string email, DateTimeOffset expires) =>
        _confirm.Protect(Payload(subscriberId, email), expires);

    public string ForUnsubscribe(int subscriberId, string email) =>
        _unsubscribe.Protect(Payload(subscriberId, email), time.GetUtcNow().Add(UnsubscribeLifetime));

    /// <summary>Who a confirm token is for, or null when it is missing, tampered with, expired or of another purpose.</summary>
    public Holder? ReadConfirm(string? token) => Read(_confirm, token);

    public Holder? ReadUnsubscribe(string? token) => Read(_unsubscribe, token);

    private static string Payload(int subscriberId, string email) =>
        string.Create(CultureInfo.InvariantCulture, $"{subscriberId}\n{email}");

    private static Holder? Read(ITimeLimitedDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }
        string payload;
        try
        {
            // The expiry is checked by Data Protection against its own (system) clock.
            payload = protector.Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
        var parts = payload.Split('\n', 2);
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new Holder(id, parts[1])
            : null;
    }
}
