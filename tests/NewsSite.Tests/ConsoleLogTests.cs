using System.Text;
using Serilog;
using Serilog.Events;

namespace NewsSite.Tests;

public sealed class ConsoleLogTests
{
    [Fact]
    public async Task A_batch_goes_out_in_one_write_a_line_per_event_in_order()
    {
        using var output = new CountingStream();
        using var sink = new ConsoleLog(output, new Serilog.Formatting.Display.MessageTemplateTextFormatter(ConsoleLog.Template, null));
        var events = Enumerable.Range(1, 3).Select(i => new LogEvent(
            DateTimeOffset.UtcNow, LogEventLevel.Information, null,
            new Serilog.Parsing.MessageTemplateParser().Parse("HTTP GET {RequestPath} responded {StatusCode}"),
            [new("RequestPath", new ScalarValue($"/news/{i}/خبر")), new("StatusCode", new ScalarValue(200))])).ToList();

        await sink.EmitBatchAsync(events);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, output.Writes);
        Assert.Equal(["/news/1/خبر", "/news/2/خبر", "/news/3/خبر"], lines.Select(l => l.Split(' ')[4]));
        Assert.All(lines, line => Assert.EndsWith("responded 200", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_line_reaches_the_output_when_the_logger_is_disposed()
    {
        var output = new CountingStream();
        var logger = new LoggerConfiguration()
            .WriteTo.Sink(new ConsoleLog(output, new Serilog.Formatting.Display.MessageTemplateTextFormatter(ConsoleLog.Template, null)), ConsoleLog.Batching)
            .CreateLogger();
        for (var i = 0; i < 5000; i++)
        {
            logger.Information("line {Number}", i);
        }

        await logger.DisposeAsync();

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5000, lines.Length);
        Assert.InRange(output.Writes, 1, 10);
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
