using System.Text;
using Microsoft.Net.Http.Headers;

namespace NewsSite.Content;

/// <summary>
/// CSV as spreadsheets read it: RFC 4180 quoting, CRLF lines, and no cell that a spreadsheet would run as a formula
/// (a leading = + - @ tab or CR gets an apostrophe, the OWASP advice against CSV injection).
/// </summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Field(string? value)
    {
        value ??= "";
        if (value.Length > 0 && FormulaStarts.Contains(value[0]))
        {
            value = "'" + value;
        }
        return value.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";
}

/// <summary>
/// A CSV download written straight to the response (rows may come from the database one by one), UTF-8 with a
/// byte order mark so Excel shows Arabic, and never cached: exports can hold personal data.
/// </summary>
public sealed class CsvResult(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows)
    : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";

        var cancellationToken = context.HttpContext.RequestAborted;
        await response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteAsync(Csv.Line(header));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Csv.Line(row));
        }
        await writer.FlushAsync(cancellationToken);
    }
}
