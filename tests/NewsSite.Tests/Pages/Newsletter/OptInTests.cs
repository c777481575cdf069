using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NewsSite.Content;
using NewsSite.Domain;
using NewsSite.Tests.Builders;

namespace NewsSite.Tests.Pages.Newsletter;

public sealed class OptInTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private Task<Subscriber?> FindAsync(string email) =>
        factory.QueryAsync(db => db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Email == email));

    /// <summary>Signs <paramref name="email"/> up through the form and returns the confirmation mail.</summary>
    private async Task<MimeMessage> SignUpAsync(string email)
    {
        using var client = factory.CreateReader();
        var before = Mailbox.To(factory, email).Count;
        Assert.Equal(HttpStatusCode.Redirect, (await SubscribeTests.PostAsync(client, email)).StatusCode);
        var mail = await Mailbox.WaitForAsync(factory, email, before + 1);
        Assert.Equal(before + 1, mail.Count);
        return mail.OrderBy(m => m.Date).Last();
    }

    private static string NewEmail() => $"reader-{Build.Unique()}@example.com";

    private static void AssertArabicNotice(AngleSharp.Html.Dom.IHtmlDocument page, string selector) =>
        Assert.Matches("[\u0600-\u06FF]", page.QuerySelector(selector)!.TextContent);

    [Fact]
    public async Task Sign_up_stores_the_address_unconfirmed_and_mails_an_rtl_arabic_confirmation()
    {
        var email = NewEmail();

        var mail = await SignUpAsync(email);

        Assert.Null((await FindAsync(email))!.ConfirmedAt);
        Assert.Contains("أكّد اشتراكك", mail.Subject, StringComparison.Ordinal);
        var parts = mail.BodyParts.OfType<TextPart>().ToList();
        Assert.All(parts, p => Assert.Equal("utf-8", p.ContentType.Charset, ignoreCase: true));
        Assert.Contains(parts, p => p.IsPlain);
        Assert.Contains("dir=\"rtl\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar\"", mail.HtmlBody, StringComparison.Ordinal);
        var confirm = Mailbox.LinkTo(mail, "/subscribe/confirm");
        Assert.StartsWith("/subscribe/confirm?token=", confirm, StringComparison.Ordinal);
        Assert.Contains("http://localhost" + confirm, mail.TextBody, StringComparison.Ordinal);
        // The token is encrypted, not just signed: the address cannot be read from the link.
        Assert.DoesNotContain(email, confirm, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_mail_carries_one_click_unsubscribe_in_the_body_and_the_rfc_8058_headers()
    {
        var mail = await SignUpAsync(NewEmail());

        var unsubscribe = Mailbox.LinkTo(mail, "/unsubscribe");
        Assert.Equal($"<http://localhost{unsubscribe}>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("http://localhost" + unsubscribe, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_link_confirms_and_the_unsubscribe_link_then_deletes_in_one_click()
    {
        var email = NewEmail();
        var mail = await SignUpAsync(email);
        using var client = factory.CreateReader();

        var (confirmed, thanks) = await NewsSiteFactory.GetPageAsync(client, Mailbox.LinkTo(mail, "/subscribe/confirm"));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("شكرًا", thanks.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await FindAsync(email))!.ConfirmedAt);

        var (left, goodbye) = await NewsSiteFactory.GetPageAsync(client, Mailbox.LinkTo(mail, "/unsubscribe"));
        var (again, _) = await NewsSiteFactory.GetPageAsync(client, Mailbox.LinkTo(mail, "/unsubscribe"));

        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        AssertArabicNotice(goodbye, "[role=status]");
        Assert.Null(await FindAsync(email));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Confirming_twice_keeps_the_first_confirmation_time()
    {
        var email = NewEmail();
        var link = Mailbox.LinkTo(await SignUpAsync(email), "/subscribe/confirm");
        using var client = factory.CreateReader();

        await client.GetAsync(new Uri(link, UriKind.Relative));
        var first = (await FindAsync(email))!.ConfirmedAt;
        var (second, _) = await NewsSiteFactory.GetPageAsync(client, link);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first, (await FindAsync(email))!.ConfirmedAt);
    }

    [Fact]
    public async Task Rfc_8058_one_click_post_without_antiforgery_unsubscribes_and_is_idempotent()
    {
        var email = NewEmail();
        var mail = await SignUpAsync(email);
        var target = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        // A mail client's request: no cookies, no antiforgery token, just this body.
        using var mailClient = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var body = new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        var first = await mailClient.PostAsync(new Uri(target), body);
        using var bodyAgain = new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        var second = await mailClient.PostAsync(new Uri(target), bodyAgain);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(await FindAsync(email));
    }

    [Fact]
    public async Task Expired_confirm_token_is_refused_with_an_arabic_page_and_changes_nothing()
    {
        var email = NewEmail();
        await SignUpAsync(email);
        var subscriber = (await FindAsync(email))!;
        // Made by the site's own token service with the confirm purpose, only with an expiry already past.
        var tokens = factory.Services.GetRequiredService<NewsletterTokens>();
        var expired = tokens.ForConfirm(subscriber.Id, email, DateTimeOffset.UtcNow.AddMinutes(-1));
        var fresh = tokens.ForConfirm(subscriber.Id, email, DateTimeOffset.UtcNow.AddMinutes(5));
        using var client = factory.CreateReader();

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, $"/subscribe/confirm?token={Uri.EscapeDataString(expired)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertArabicNotice(page, "[role=alert]");
        Assert.Null((await FindAsync(email))!.ConfirmedAt);
        // The same token made with a future expiry works, so it was the expiry that was refused.
        var (accepted, _) = await NewsSiteFactory.GetPageAsync(client, $"/subscribe/confirm?token={Uri.EscapeDataString(fresh)}");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Tampered_tokens_are_refused_with_an_arabic_page_and_change_nothing()
    {
        var email = NewEmail();
        var mail = await SignUpAsync(email);
        var confirm = Mailbox.LinkTo(mail, "/subscribe/confirm");
        var unsubscribe = Mailbox.LinkTo(mail, "/unsubscribe");
        using var client = factory.CreateReader();

        foreach (var bad in new[] { Tamper(confirm), Tamper(unsubscribe) })
        {
            var (response, page) = await NewsSiteFactory.GetPageAsync(client, bad);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            AssertArabicNotice(page, "[role=alert]");
        }
        var stored = await FindAsync(email);
        Assert.NotNull(stored);
        Assert.Null(stored.ConfirmedAt);
    }

    [Theory]
    [InlineData("/subscribe/confirm")]
    [InlineData("/subscribe/confirm?token=")]
    [InlineData("/subscribe/confirm?token=not-a-token")]
    [InlineData("/subscribe/confirm?token=%27%3B%20DROP%20TABLE")]
    [InlineData("/unsubscribe")]
    [InlineData("/unsubscribe?token=AAAA")]
    public async Task Missing_or_garbage_tokens_answer_400_in_arabic_never_500(string url)
    {
        using var client = factory.CreateReader();

        var (response, page) = await NewsSiteFactory.GetPageAsync(client, url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertArabicNotice(page, "[role=alert]");
    }

    [Fact]
    public async Task A_confirm_token_cannot_unsubscribe_and_an_unsubscribe_token_cannot_confirm()
    {
        var email = NewEmail();
        var mail = await SignUpAsync(email);
        var confirmToken = Mailbox.LinkTo(mail, "/subscribe/confirm").Split("token=")[1];
        var unsubscribeToken = Mailbox.LinkTo(mail, "/unsubscribe").Split("token=")[1];
        using var client = factory.CreateReader();

        var (wrongWay, _) = await NewsSiteFactory.GetPageAsync(client, "/unsubscribe?token=" + confirmToken);
        var (otherWay, _) = await NewsSiteFactory.GetPageAsync(client, "/subscribe/confirm?token=" + unsubscribeToken);

        Assert.Equal(HttpStatusCode.BadRequest, wrongWay.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherWay.StatusCode);
        var stored = await FindAsync(email);
        Assert.NotNull(stored);
        Assert.Null(stored.ConfirmedAt);
    }

    [Fact]
    public async Task Signing_up_again_resends_while_unconfirmed_and_does_nothing_visible_once_confirmed()
    {
        var email = NewEmail();
        var first = await SignUpAsync(email);
        var second = await SignUpAsync(email);
        Assert.Equal(1, await factory.QueryAsync(db => db.Subscribers.CountAsync(s => s.Email == email)));
        using var client = factory.CreateReader();
        await client.GetAsync(new Uri(Mailbox.LinkTo(second, "/subscribe/confirm"), UriKind.Relative));
        var confirmedAt = (await FindAsync(email))!.ConfirmedAt;

        var again = await SubscribeTests.PostAsync(client, email.ToUpperInvariant());
        // Mail goes out in order: once a later sign-up's mail is there, any mail from the one above would be too.
        await SignUpAsync(NewEmail());

        Assert.Equal("/subscribe?done=True", again.Headers.Location!.OriginalString);
        Assert.Equal(2, Mailbox.To(factory, email).Count);
        Assert.Equal(confirmedAt, (await FindAsync(email))!.ConfirmedAt);
        // Both links of the first mail still work for the same row.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Mailbox.LinkTo(first, "/subscribe/confirm"), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Thanks_page_tells_the_reader_to_check_the_inbox()
    {
        using var client = factory.CreateReader();

        var (_, page) = await NewsSiteFactory.GetPageAsync(client, "/subscribe?done=true");

        Assert.Contains("بريدك", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("تأكيد الاشتراك", page.QuerySelector(".notice-page")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The same link with one character of its token changed.</summary>
    private static string Tamper(string link)
    {
        var at = link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length + 20;
        var flipped = link[at] == 'A' ? 'B' : 'A';
        return link[..at] + flipped + link[(at + 1)..];
    }
}
