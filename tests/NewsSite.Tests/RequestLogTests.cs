using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace NewsSite.Tests;

/// <summary>The site with the request log on and every log event also kept in memory (Serilog reads sinks from the services).</summary>
public sealed class LogCapturingSiteFactory : NewsSiteFactory
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Information");
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(new Capture(Events)));
    }

    private sealed class Capture(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}

public sealed class RequestLogTests(LogCapturingSiteFactory factory) : IClassFixture<LogCapturingSiteFactory>
{
    [Theory]
    [InlineData("/news/7/خبر-عاجل", "/news/7/خبر-عاجل")]
    [InlineData("/section/sports", "/section/sports")]
    // What ASP.NET Core decoded from %0D%0A, %20, %09, %00 and %E2%80%AE (a right-to-left override) is encoded again.
    [InlineData("/news/1/a\r\n[12:00:00 ERR] forged", "/news/1/a%0D%0A[12:00:00%20ERR]%20forged")]
    [InlineData("/search/\t\0x", "/search/%09%00x")]
    [InlineData("/news/1/\u202Etxt.exe", "/news/1/%E2%80%AEtxt.exe")]
    public void A_logged_path_reads_as_Arabic_and_what_could_forge_a_line_is_encoded(string path, string logged) =>
        Assert.Equal(logged, RequestLog.LoggablePath(path));

    [Fact]
    public void A_path_with_nothing_to_encode_is_logged_as_it_is()
    {
        const string Path = "/tag/اقتصاد";
        Assert.Same(Path, RequestLog.LoggablePath(Path));
    }

    [Fact]
    public async Task A_request_that_tries_to_forge_a_log_line_gets_one_line_of_its_own()
    {
        using var client = factory.CreateClient();
        // Another site started after this one (as the suite does in one process) must not take over its request log.
        await using var other = new NewsSiteFactory();
        other.CreateClient().Dispose();
        await client.GetAsync(new Uri("/news/1/a%0D%0A%5B12:00:00%20ERR%5D%20forged", UriKind.Relative));
        await client.GetAsync(new Uri("/tag/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF", UriKind.Relative));

        // The line is written as the request ends, which may be just after the client has the response.
        List<string?> paths = [];
        for (var i = 0; i < 50 && paths.Count < 2; i++)
        {
            await Task.Delay(i == 0 ? 0 : 50);
            paths = [.. factory.Events.Where(e => e.Properties.ContainsKey("RequestPath"))
                .Select(e => ((ScalarValue)e.Properties["RequestPath"]).Value as string)];
        }
        Assert.Contains("/news/1/a%0D%0A[12:00:00%20ERR]%20forged", paths);
        Assert.Contains("/tag/اقتصاد", paths);
    }
}
