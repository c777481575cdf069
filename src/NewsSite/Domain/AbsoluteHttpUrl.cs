using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace NewsSite.Domain;

/// <summary>
/// Links that leave the site (social accounts, the credit line, sponsors): absolute http or https only, so
/// <c>javascript:</c>, <c>data:</c> and the like can never reach a reader's page as a link.
/// </summary>
public static class AbsoluteHttpUrl
{
    /// <summary>The Latin schemes sit in directional isolates (U+2066…U+2069) so they read in order inside Arabic text.</summary>
    public const string ArabicError = "اكتب رابطًا كاملًا يبدأ بـ \u2066https://\u2069 أو \u2066http://\u2069.";

    public const string ArabicErrorOrLocalPath =
        "اكتب رابطًا كاملًا يبدأ بـ \u2066https://\u2069 أو \u2066http://\u2069، أو مسارًا في الموقع يبدأ بـ /.";

    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: > 0 } url
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    /// <summary>A path on this site ("/", "/about"); never "//host" or "/\host", which browsers treat as another site.</summary>
    public static bool IsLocalPath(string? value) =>
        value is ['/', ..] url
        && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}

/// <summary>Validates an optional link with <see cref="AbsoluteHttpUrl"/>; surrounding spaces are forgiven (trim before saving).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    public AbsoluteHttpUrlAttribute() : base(AbsoluteHttpUrl.ArabicError)
    {
    }

    /// <summary>Also accept a path on this site, such as the default credit link "/".</summary>
    public bool AllowLocalPath { get; init; }

    public override string FormatErrorMessage(string name) =>
        AllowLocalPath ? AbsoluteHttpUrl.ArabicErrorOrLocalPath : AbsoluteHttpUrl.ArabicError;

    public override bool IsValid(object? value) =>
        value is not string text
        || string.IsNullOrWhiteSpace(text)
        || AbsoluteHttpUrl.IsValid(text.Trim())
        || (AllowLocalPath && AbsoluteHttpUrl.IsLocalPath(text.Trim()));
}
