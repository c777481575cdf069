using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using NewsSite.Data;

namespace NewsSite.Tests.Cluster;

/// <summary>
/// Two real app processes (the built NewsSite.dll, Production) on two loopback ports, sharing one PostgreSQL database
/// (a fresh one on the NEWS_TEST_POSTGRES server, dropped at the end) and one Redis, with nginx in front spreading
/// requests round-robin over both. Redis comes from NEWS_TEST_REDIS (default 127.0.0.1:6379); this run's keys carry
/// a prefix of their own and are removed at the end.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string AdminEmail = "cluster-admin@example.com";
    public const string AdminPassword = "Cluster-Admin-2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"newssite-cluster-{Guid.NewGuid():N}");
    private readonly string _redisPrefix = $"newssite-test-{Guid.NewGuid():N}:";
    private readonly string _redis = RedisTestKeys.Server;
    private readonly List<Process> _processes = [];
    private readonly List<StreamWriter> _logs = [];
    private string _database = "";

    public Uri InstanceA { get; private set; } = null!;
    public Uri InstanceB { get; private set; } = null!;
    public Uri Proxy { get; private set; } = null!;

    /// <summary>nginx's access log: one line per request, "upstream-address status path".</summary>
    public string ProxyLog => Path.Combine(_folder, "access.log");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _database = PostgresTestDatabases.Create();
        // Migrated once, with the first admin, before either instance starts: as a deployment would.
        await RunCommandAsync("create-admin", "--email", AdminEmail);
        var (portA, portB, proxyPort) = (FreePort(), FreePort(), FreePort());
        InstanceA = await StartInstanceAsync("a", portA, demoContent: true);
        InstanceB = await StartInstanceAsync("b", portB, demoContent: false);
        Proxy = await StartProxyAsync(proxyPort, portA, portB);
    }

    /// <summary>A context on the shared database, for what the test checks directly.</summary>
    public NewsDbContext OpenDatabase() =>
        new PostgresNewsDbContext(new DbContextOptionsBuilder<PostgresNewsDbContext>().UseNpgsql(_database).Options);

    /// <summary>What an instance wrote to its console, for a failure message.</summary>
    public string LogOf(string name) =>
        File.Exists(Path.Combine(_folder, name + ".log")) ? string.Join('\n', File.ReadLines(Path.Combine(_folder, name + ".log")).TakeLast(40)) : "";

    private Dictionary<string, string> Settings(bool demoContent) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["News__Database"] = nameof(NewsDatabase.Postgres),
        ["ConnectionStrings__News"] = _database,
        ["ConnectionStrings__Redis"] = _redis,
        ["News__RedisPrefix"] = _redisPrefix,
        ["News__RequireHttps"] = "false",
        ["News__TrustedProxies__0"] = "127.0.0.1",
        ["News__DemoContent"] = demoContent ? "true" : "false",
        ["News__ViewFlushSeconds"] = "1",
        ["News__SchedulerSeconds"] = "1",
        ["News__MediaPath"] = Path.Combine(_folder, "media"),
        ["News__Smtp__PickupDirectory"] = Path.Combine(_folder, "mail"),
        // Only used without Redis: a folder of each instance's own would break the shared sign-in if the switch failed.
        ["News__KeysPath"] = Path.Combine(_folder, $"keys-{Guid.NewGuid():N}"),
        ["Serilog__MinimumLevel__Default"] = "Warning",
        ["NEWS_ADMIN_PASSWORD"] = AdminPassword,
    };

    private async Task RunCommandAsync(params string[] args)
    {
        using var process = Start("command", Settings(demoContent: false), "dotnet", [AppDll, .. args]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit(); // and its output read to the end
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', args)} exited with {process.ExitCode}:\n{LogOf("command")}");
    }

    private async Task<Uri> StartInstanceAsync(string name, int port, bool demoContent)
    {
        var url = new Uri($"http://127.0.0.1:{port}");
        var process = Start(name, Settings(demoContent), "dotnet", [AppDll, "--urls", url.ToString()]);
        _processes.Add(process);
        await WaitUntilServingAsync(process, name, new Uri(url, "/healthz"));
        return url;
    }

    private async Task<Uri> StartProxyAsync(int port, int portA, int portB)
    {
        foreach (var folder in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(_folder, folder));
        }
        var config = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/nginx-error.log warn;
            events { worker_connections 256; }
            http {
                log_format upstream '$upstream_addr $status $request_uri';
                access_log {{ProxyLog}} upstream;
                client_body_temp_path {{_folder}}/client_body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                upstream news {
                    server 127.0.0.1:{{portA}};
                    server 127.0.0.1:{{portB}};
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://news;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                }
            }
            """);
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var process = Start("nginx", [], nginx, ["-p", _folder, "-e", Path.Combine(_folder, "nginx-error.log"), "-c", config]);
        _processes.Add(process);
        var url = new Uri($"http://127.0.0.1:{port}");
        await WaitUntilServingAsync(process, "nginx", new Uri(url, "/healthz"));
        return url;
    }

    private Process Start(string name, Dictionary<string, string> environment, string fileName, string[] args)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var log = new StreamWriter(Path.Combine(_folder, name + ".log"), append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        DataReceivedEventHandler write = (_, e) =>
        {
            lock (log)
            {
                log.WriteLine(e.Data);
            }
        };
        process.OutputDataReceived += write;
        process.ErrorDataReceived += write;
        _logs.Add(log);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilServingAsync(Process process, string name, Uri health)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync(health)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{name} did not start serving {health}:\n{LogOf(name)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The app as built next to this test run (same configuration), run from its own folder with its appsettings.json.</summary>
    private static string AppDll
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // tests/NewsSite.Tests/bin/{Configuration}/{tfm}
            var configuration = tests.Parent!.Name;
            var repository = tests.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            var built = Path.Combine(repository, "src", "NewsSite", "bin", configuration, tests.Name, "NewsSite.dll");
            return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "NewsSite.dll");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        foreach (var log in _logs)
        {
            lock (log)
            {
                log.Dispose();
            }
        }
        await RedisTestKeys.RemoveAsync(_redis, _redisPrefix);
        if (_database.Length > 0)
        {
            PostgresTestDatabases.Drop(_database);
        }
        Directory.Delete(_folder, recursive: true);
    }
}
