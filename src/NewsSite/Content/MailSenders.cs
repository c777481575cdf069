using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace NewsSite.Content;

/// <summary>The "News:Smtp" settings: SMTP when <see cref="Host"/> is set, otherwise a pickup folder of .eml files.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS by default, so a server that drops TLS fails loudly rather than sending in the clear.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string From { get; set; } = "newsletter@localhost";

    /// <summary>Where mail goes without SMTP (Development, tests): under the content root unless absolute.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";
}

/// <summary>Sends one finished message. Two ways: SMTP, or files in a pickup folder.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through an SMTP server with MailKit, one connection per message (mail here is one confirmation at a time).</summary>
public sealed class SmtpMailSender(IOptions<NewsOptions> options) : IMailSender
{
    private static readonly int TimeoutMilliseconds = (int)TimeSpan.FromSeconds(30).TotalMilliseconds;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        await client.ConnectAsync(smtp.Host ?? "", smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file, for Development and tests: readable by any mail client and by MimeKit.</summary>
public sealed class PickupFolderMailSender(IOptions<NewsOptions> options, IHostEnvironment environment, TimeProvider time)
    : IMailSender
{
    public string Folder { get; } = Path.GetFullPath(options.Value.Smtp.PickupDirectory, environment.ContentRootPath);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{time.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}";
        var partial = Path.Combine(Folder, name + ".tmp");
        // Written under another extension, then renamed: whoever watches the folder for *.eml never reads half a message.
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, Path.Combine(Folder, name + ".eml"));
    }
}
