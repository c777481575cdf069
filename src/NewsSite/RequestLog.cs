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
        o.GetLevel = (context, _, exception) =>
            context.RequestAborted.IsCancellationRequested ? LogEventLevel.Debug
            : exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : LogEventLevel.Information;
        o.GetMessageTemplateProperties = (context, path, elapsed, status) =>
        [
            new("RequestMethod", new ScalarValue(context.Request.Method)),
            new("RequestPath", new ScalarValue(ReadablePath(path))),
            new("StatusCode", new ScalarValue(status)),
            new("Elapsed", new ScalarValue(elapsed)),
        ];
    });

    /// <summary>
    /// The path as sent, with its percent-encoded letters decoded: an Arabic slug reads as Arabic and takes a third of
    /// the bytes (a log line is written for every request). What could forge or disguise a line stays encoded: line
    /// breaks and other controls, spaces, and invisible formatting such as direction overrides.
    /// </summary>
    public static string ReadablePath(string path)
    {
        if (!path.Contains('%', StringComparison.Ordinal))
        {
            return path;
        }
        var decoded = Uri.UnescapeDataString(path);
        var readable = new StringBuilder(decoded.Length);
        Span<byte> utf8 = stackalloc byte[4];
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in decoded.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
                {
                    readable.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                readable.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            }
        }
        return readable.ToString();
    }
}
