using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsSite.Domain;
using NewsSite.Tests.Areas.Admin.Articles;
using NewsSite.Tests.Hostile;

namespace NewsSite.Tests.Browser;

/// <summary>
/// The site on a real loopback port, with the demo content, an article made of the hostile corpus and a staff
/// account, looked at once in Debian's headless Chromium by <c>tests/web/check.js</c> (axe-core, the Nu Html
/// Checker, dialogs and Content-Security-Policy refusals). The tests read its report page by page.
/// </summary>
public sealed class BrowserChecks : IAsyncLifetime, IDisposable
{
    /// <summary>Every page checked; the reader pages are also validated as HTML.</summary>
    public static readonly string[] Pages =
        ["home", "article", "section", "search", "not found", "sign-in", "hostile article", "hostile tag", "hostile search",
         "newsroom articles", "newsroom editor", "newsroom preview"];

    public static readonly string[] ReaderPages = [.. Pages.Where(p => !p.StartsWith("newsroom", StringComparison.Ordinal))];

    public static TheoryData<string> AllPages() => [.. Pages];

    public static TheoryData<string> PublicPages() => [.. ReaderPages];

    // What the hostile article is made of: every field a reader or the newsroom sees carries script (and control characters).
    private const string HostileTitle = "خبر عدائي <script>alert(1)</script> \"><svg onload=alert(1)> <img src=x onerror=alert(1)> \u0007\u001B[31m";

    private static readonly string[] HostileTags = ["<script>alert(1)</script>", "\"><svg onload=alert(1)>", "<img src=x onerror=alert(1)>", "javascript:alert(1)"];

    private readonly LiveSite _site = new();

    /// <summary>Why the checks could not run, or null.</summary>
    public string? Problem { get; private set; }

    public CheckReport? Report { get; private set; }

    /// <summary>What check.js said along the way: one line per page with its timing.</summary>
    public string Log { get; private set; } = "";

    private CheckPlan? _plan;

    public async Task InitializeAsync()
    {
        var packageFolder = Path.Combine(RepositoryRoot(), "tests", "web");
        Problem = MissingTools(packageFolder);
        if (Problem is not null)
        {
            return;
        }
        _site.StartServer();
        var plan = _plan = await PlanAsync();
        var planFile = Path.Combine(Path.GetTempPath(), $"newssite-browser-plan-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(planFile, JsonSerializer.Serialize(plan, Json));
        try
        {
            var (exitCode, stdout, stderr) = await RunAsync("node", packageFolder, TimeSpan.FromMinutes(5), "check.js", planFile);
            Log = stderr;
            var lastLine = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            Report = lastLine is not null && lastLine.StartsWith('{') ? JsonSerializer.Deserialize<CheckReport>(lastLine, Json) : null;
            if (Report is not { Ok: true } || exitCode != 0)
            {
                Problem = $"tests/web/check.js failed (exit {exitCode}): {Report?.Error ?? lastLine}\n{Tail(stderr)}";
            }
        }
        finally
        {
            File.Delete(planFile);
        }
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public void Dispose() => _site.Dispose();

    /// <summary>
    /// The report for one page, after checking that the browser got that page (status and address): fails the calling
    /// test when the checks could not run.
    /// </summary>
    public PageReport Page(string name)
    {
        if (Problem is not null)
        {
            Assert.Fail(Problem);
        }
        var planned = _plan!.Pages.Single(p => p.Name == name);
        var page = Report!.Pages.SingleOrDefault(p => p.Name == name);
        Assert.True(page is not null, $"{name}: not in the report of tests/web/check.js");
        Assert.True(page.Status == planned.ExpectedStatus, $"{name} ({planned.Path}): HTTP {page.Status}, expected {planned.ExpectedStatus}");
        Assert.True(page.Url is not null && new Uri(page.Url).AbsolutePath == new Uri(new Uri(_plan.BaseUrl), planned.Path).AbsolutePath,
            $"{name} ({planned.Path}): the browser ended on {page.Url}");
        return page;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The demo content is there; add the hostile article through the editor, a staff account, and name the pages.</summary>
    private async Task<CheckPlan> PlanAsync()
    {
        var email = await _site.CreateStaffAsync(StaffRoles.Admin);
        // A client of our own: the factory's clients follow redirects on a Kestrel server, and the saved article's id is in one.
        using var admin = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_site.BaseAddress) };
        var signedIn = await NewsSiteFactory.PostLoginAsync(admin, email);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        // A demo article, and its section for the hostile one too, so that the section page lists both.
        var demo = await _site.QueryAsync(db => db.Articles.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Slug, a.Title, a.SectionId, SectionSlug = a.Section.Slug, a.AuthorId }).FirstAsync());

        var fields = await EditorForm.NewArticleAsync(admin, demo.SectionId, demo.AuthorId, HostileTitle,
            body: string.Join("\n\n", Payloads.Markup.Concat(Payloads.Characters)));
        fields["Input.Summary"] = string.Join(" ", Payloads.Markup.Take(8).Concat(Payloads.Characters.SkipLast(1)));
        fields["Input.Tags"] = string.Join("، ", HostileTags);
        fields["Input.HeroImageAlt"] = "وصف \"><img src=x onerror=alert(1)> javascript:alert(1)";
        fields["Input.HeroImageCaption"] = "تعليق <script>alert(1)</script> <svg onload=alert(1)>";
        var (response, page) = await EditorForm.UploadAsync(admin, EditorForm.NewUrl, fields, EditorForm.Png(), "photo.png", "publish");
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect,
            "the hostile article was not published: " + page.QuerySelector(".field-error:not(:empty), .form-error")?.TextContent);
        var hostileId = EditorForm.SavedId(response);
        var hostile = await _site.QueryAsync(db => db.Articles.AsNoTracking().Include(a => a.Tags).SingleAsync(a => a.Id == hostileId));

        var searchWord = demo.Title.Split(' ').First(w => w.Length >= 4);
        var paths = new Dictionary<string, string>
        {
            ["home"] = "/",
            ["article"] = $"/news/{demo.Id}/{Uri.EscapeDataString(demo.Slug)}",
            ["section"] = $"/section/{Uri.EscapeDataString(demo.SectionSlug)}",
            ["search"] = "/search?q=" + Uri.EscapeDataString(searchWord),
            ["not found"] = "/no-such-page",
            ["sign-in"] = "/admin/login",
            ["hostile article"] = $"/news/{hostile.Id}/{Uri.EscapeDataString(hostile.Slug)}",
            ["hostile tag"] = $"/tag/{Uri.EscapeDataString(hostile.Tags.OrderBy(t => t.Id).First().Slug)}",
            ["hostile search"] = "/search?q=" + Uri.EscapeDataString(HostileTags[0] + " \u0007"),
            ["newsroom articles"] = "/admin/articles",
            ["newsroom editor"] = EditorForm.EditUrl(hostile.Id),
            ["newsroom preview"] = EditorForm.EditUrl(hostile.Id),
        };
        return new CheckPlan(
            _site.BaseAddress,
            new StaffLogin(email, NewsSiteFactory.StaffPassword),
            [.. Pages.Select(name => new PlannedPage(
                name, paths[name], Staff: !ReaderPages.Contains(name), Vnu: ReaderPages.Contains(name),
                Preview: name == "newsroom preview", ExpectedStatus: name == "not found" ? 404 : 200))]);
    }

    /// <summary>What is missing for the checks to run, as a message that says how to get it; null when all is there.</summary>
    private static string? MissingTools(string packageFolder)
    {
        var missing = new List<string>();
        var node = Run("node", "--version");
        if (node is null || !int.TryParse(node.TrimStart('v').Split('.')[0], out var major) || major < 18)
        {
            missing.Add($"Node.js 18 or newer (`node --version`: {node ?? "not found"})");
        }
        if (!Directory.Exists(Path.Combine(packageFolder, "node_modules", "playwright-core"))
            || !Directory.Exists(Path.Combine(packageFolder, "node_modules", "axe-core"))
            || !Directory.Exists(Path.Combine(packageFolder, "node_modules", "vnu-jar")))
        {
            missing.Add("the npm packages of tests/web (`npm ci` there)");
        }
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            missing.Add($"Chromium at {chromium} (Debian package `chromium`)");
        }
        if (Run("java", "-version") is null)
        {
            missing.Add("a Java runtime for the Nu Html Checker (Debian package `default-jre-headless`)");
        }
        return missing.Count == 0 ? null
            : "The browser checks cannot run: missing " + string.Join("; ", missing)
              + ". Run `.ci/run` once, or: apt-get install chromium fonts-noto-core default-jre-headless nodejs npm && (cd tests/web && npm ci).";
    }

    /// <summary>The first line a tool prints about itself (stdout or stderr), or null when it does not start.</summary>
    private static string? Run(string tool, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(tool, argument)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Split('\n')[0].Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string tool, string folder, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(15));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NewsSite.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("NewsSite.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The test site on Kestrel (a real socket Chromium can reach), with the demo content.</summary>
    private sealed class LiveSite : NewsSiteFactory
    {
        public LiveSite() => UseKestrel(0);

        public string BaseAddress => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("News:DemoContent", "true");
        }
    }
}

public sealed record CheckPlan(string BaseUrl, StaffLogin Staff, IReadOnlyList<PlannedPage> Pages);

public sealed record StaffLogin(string Email, string Password);

public sealed record PlannedPage(string Name, string Path, bool Staff, bool Vnu, bool Preview, int ExpectedStatus);

public sealed record CheckReport(bool Ok, string? Error, string? Chromium, string? Axe, string? Vnu, int Ms, IReadOnlyList<PageReport> Pages);

public sealed record PageReport(
    string Name, string Path, string? Url, int? Status, IReadOnlyList<string> Dialogs, IReadOnlyList<string> Csp,
    IReadOnlyList<string> Errors, FirstTab? Keyboard, IReadOnlyList<AxeViolation>? Axe, VnuReport? Vnu);

public sealed record FirstTab(string Element, string? SkipsTo, bool InView, string? Outline);

public sealed record AxeViolation(string Id, string Impact, string Help, int Count, IReadOnlyList<AxeNode> Nodes);

public sealed record AxeNode(string Target, string Html, string Summary);

public sealed record VnuReport(IReadOnlyList<VnuError> Errors, int Warnings);

public sealed record VnuError(int? Line, int? Column, string Message, string Extract);
