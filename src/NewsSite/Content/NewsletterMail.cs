using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using MimeKit.Utils;

namespace NewsSite.Content;

/// <summary>
/// The newsletter's mail, built one way so every message carries the one-click unsubscribe link (in the body
/// and as RFC 8058 List-Unsubscribe headers): UTF-8, an Arabic subject, an RTL HTML part and a plain-text part.
/// </summary>
public sealed class NewsletterMail(
    NewsletterTokens tokens, SiteSettingsStore settings, IOptions<NewsOptions> options, TimeProvider time)
{
    public const string ConfirmPath = "subscribe/confirm";
    public const string UnsubscribePath = "unsubscribe";

    /// <summary>The double opt-in message; links are absolute under <paramref name="siteRoot"/> (the request's scheme, host and base path).</summary>
    public MimeMessage Confirmation(int subscriberId, string email, Uri siteRoot)
    {
        var siteName = settings.Current.Settings.SiteName;
        return Compose(subscriberId, email, siteRoot,
            subject: $"أكّد اشتراكك في نشرة {siteName}",
            heading: "خطوة أخيرة لإتمام اشتراكك",
            text: $"شكرًا لاشتراكك في النشرة البريدية لموقع {siteName}. اضغط الزر أدناه لتأكيد بريدك، وستصلك أهم الأخبار كل صباح.",
            action: ("تأكيد الاشتراك", Link(siteRoot, ConfirmPath, tokens.ForConfirm(subscriberId, email))),
            note: $"ينتهي هذا الرابط بعد {options.Value.NewsletterConfirmHours} ساعة. إن لم تطلب الاشتراك فتجاهل هذه الرسالة ولن نراسلك.");
    }

    private MimeMessage Compose(
        int subscriberId, string email, Uri siteRoot, string subject, string heading, string text,
        (string Label, Uri Url) action, string note)
    {
        var siteName = settings.Current.Settings.SiteName;
        var unsubscribe = Link(siteRoot, UnsubscribePath, tokens.ForUnsubscribe(subscriberId, email));
        var from = options.Value.Smtp.From;
        var message = new MimeMessage
        {
            Subject = subject,
            Date = time.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(siteRoot.Host),
        };
        message.From.Add(new MailboxAddress(siteName, from));
        message.To.Add(new MailboxAddress("", email));
        // RFC 8058: mail clients show their own "unsubscribe" button and POST to this address.
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var plain = $"""
            {heading}

            {text}

            {action.Label}:
            {action.Url.AbsoluteUri}

            {note}

            لإلغاء الاشتراك بنقرة واحدة:
            {unsubscribe.AbsoluteUri}
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="ar" dir="rtl">
            <head><meta charset="utf-8"><title>{Html(subject)}</title></head>
            <body dir="rtl" style="margin:0;padding:16px;background:#f4f1ee;font-family:Tahoma,Arial,sans-serif;color:#1f1f1f;text-align:right;">
            <div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;line-height:1.8;">
            <p style="margin:0 0 8px;font-weight:bold;color:#8b1e2d;">{Html(siteName)}</p>
            <h1 style="font-size:20px;margin:0 0 12px;">{Html(heading)}</h1>
            <p style="margin:0 0 20px;">{Html(text)}</p>
            <p style="margin:0 0 20px;"><a href="{Html(action.Url.AbsoluteUri)}" style="display:inline-block;background:#8b1e2d;color:#ffffff;padding:12px 24px;border-radius:6px;text-decoration:none;font-weight:bold;">{Html(action.Label)}</a></p>
            <p style="margin:0 0 20px;font-size:13px;color:#5f5f5f;">{Html(note)}</p>
            <p style="margin:0;font-size:13px;color:#5f5f5f;">لا تريد رسائلنا؟ <a href="{Html(unsubscribe.AbsoluteUri)}" style="color:#5e1320;">إلغاء الاشتراك بنقرة واحدة</a></p>
            </div>
            </body>
            </html>
            """;
        message.Body = new MultipartAlternative { Utf8(TextFormat.Plain, plain), Utf8(TextFormat.Html, html) };
        return message;
    }

    private static Uri Link(Uri siteRoot, string path, string token) =>
        new(siteRoot, $"{path}?token={Uri.EscapeDataString(token)}");

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    // Base64 keeps Arabic a third of the size quoted-printable would make it.
    private static TextPart Utf8(TextFormat format, string text)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, text);
        return part;
    }
}
