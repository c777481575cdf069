using System.Globalization;
using System.Text;
using Serilog;
using Serilog.Events;

namespace NewsSite;

/// <summary>One log line per request: method, path, status and time taken.</summary>
public static class RequestLog
{
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app) => app.UseSerilogRequestLogging(o =>
    {
        // This host's logger: by default the middleware writes through the static Log.Logger, which is whichever host
        // was built last (the test suite runs many in one process).
        o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
        o.GetLevel = (context, _, exception) =>
            context.RequestAborted.IsCancellationRequested ? LogEventLevel.Debug
            : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : LogEventLevel.Information;
        o.GetMessageTemplateProperties = (context, path, elapsed, status) =>
        [
            new("RequestMethod", new ScalarValue(context.Request.Method)),
            new("RequestPath", new ScalarValue(LoggablePath(path))),
            new("StatusCode", new ScalarValue(status)),
            new("Elapsed", new ScalarValue(elapsed)),
        ];
    });

    /// <summary>
    /// The path as ASP.NET Core decoded it, so an Arabic slug reads as Arabic, with what could forge or disguise a log
    /// line percent-encoded again: line breaks and other controls, spaces, and invisible formatting such as direction
    /// overrides. Without this a request for <c>/news/1/a%0D%0A[12:00:00 ERR]…</c> wrote a line of its own choosing.
    /// </summary>
    public static string LoggablePath(string path)
    {
        // Every request is logged: the common case, nothing to encode, allocates nothing.
        foreach (var rune in path.EnumerateRunes())
        {
            if (Forges(rune))
            {
                return Encoded(path);
            }
        }
        return path;
    }

    private static string Encoded(string path)
    {
        var loggable = new StringBuilder(path.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in path.EnumerateRunes())
        {
            if (Forges(rune))
            {
                foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
                {
                    loggable.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                loggable.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            }
        }
        return loggable.ToString();
    }

    private static bool Forges(Rune rune) =>
        Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;
}
