using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace NewsSite;

/// <summary>
/// The log on standard output, written a batch at a time: the console sink writes and flushes once per event,
/// which at tens of thousands of requests a second (a line each) cost about a fifth of a cached page. Serilog
/// queues and batches the events off the request thread; a line goes out at most half a second late, and the
/// rest at shutdown.
/// </summary>
public sealed class ConsoleLog(Stream output, ITextFormatter formatter) : IBatchedLogEventSink, IDisposable
{
    public const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static readonly Serilog.Configuration.BatchingOptions Batching = new()
    {
        BatchSizeLimit = 2000,
        BufferingTimeLimit = TimeSpan.FromMilliseconds(500),
        // Past this many waiting lines new ones are dropped rather than memory growing without bound.
        QueueLimit = 200_000,
    };

    private readonly MemoryStream _buffer = new();

    public ConsoleLog()
        : this(Console.OpenStandardOutput(), new MessageTemplateTextFormatter(Template, CultureInfo.InvariantCulture))
    {
    }

    public async Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        _buffer.SetLength(0);
        await using (var writer = new StreamWriter(_buffer, new UTF8Encoding(false), leaveOpen: true))
        {
            foreach (var logEvent in batch)
            {
                formatter.Format(logEvent, writer);
            }
        }
        await output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length));
        await output.FlushAsync();
    }

    public Task OnEmptyBatchAsync() => Task.CompletedTask;

    public void Dispose() => _buffer.Dispose();
}
