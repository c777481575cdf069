using System.Threading.Channels;
using MailKit.Net.Smtp;
using MimeKit;

namespace NewsSite.Content;

/// <summary>A message on its way, with the subscriber it is for: logs name the id, never the address.</summary>
public sealed record OutgoingMail(MimeMessage Message, string Kind, int SubscriberId);

/// <summary>
/// Sends mail off the request: a page queues a message and answers at once, so a slow or failing SMTP server
/// never holds up or breaks a sign-up. A failed message is logged and dropped (no retry); what is still
/// queued when the site stops is lost.
/// </summary>
public sealed partial class MailOutbox(IMailSender sender, ILogger<MailOutbox> logger) : BackgroundService
{
    // Bounded so a flood of sign-ups cannot grow memory without limit; past it new mail is refused and logged.
    private readonly Channel<OutgoingMail> _queue = Channel.CreateBounded<OutgoingMail>(
        new BoundedChannelOptions(1000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public void Enqueue(OutgoingMail mail)
    {
        if (!_queue.Writer.TryWrite(mail))
        {
            LogDropped(logger, mail.Kind, mail.SubscriberId);
            mail.Message.Dispose();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sender.SendAsync(mail.Message, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, mail.Kind, mail.SubscriberId, Describe(ex));
            }
            finally
            {
                mail.Message.Dispose();
            }
        }
    }

    // The exception itself is not logged: an SMTP server's refusal usually quotes the recipient's address.
    private static string Describe(Exception ex) => ex is SmtpCommandException smtp
        ? $"{ex.GetType().Name}: {smtp.ErrorCode}, SMTP {(int)smtp.StatusCode}"
        : $"{ex.GetType().Name}: {ex.Message}";

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the {Kind} mail to subscriber {SubscriberId} failed ({Error}); it is not retried")]
    private static partial void LogFailed(ILogger logger, string kind, int subscriberId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail queue is full; the {Kind} mail to subscriber {SubscriberId} was dropped")]
    private static partial void LogDropped(ILogger logger, string kind, int subscriberId);
}
