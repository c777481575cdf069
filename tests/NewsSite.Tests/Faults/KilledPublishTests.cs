using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsSite.Domain;
using NewsSite.Tests.Areas.Admin.Articles;

namespace NewsSite.Tests.Faults;

/// <summary>
/// The real site in a child process, killed with SIGKILL in the middle of a publish: after the article update, the
/// revision, the audit entries and the search row were written inside the transaction, before its COMMIT. Then the
/// database file must show the article exactly as before, and the site must start again on it with everything that
/// was committed.
/// </summary>
public sealed class KilledPublishTests : IDisposable
{
    private const string AdminEmail = "kill-test-admin@example.com";
    private const string AdminPassword = "Kill-Test-Password-2026";

    private readonly string _folder = Directory.CreateTempSubdirectory("newssite-tests-kill-").FullName;

    private string DatabaseFile => Path.Combine(_folder, "news.db");

    /// <summary>What a publish changes, as one connection (and transaction) sees it.</summary>
    public sealed record PublishState(long Status, string Title, long Version, long Revisions, string Audit, string? IndexedTitle);

    [Fact]
    public async Task A_publish_killed_before_its_commit_leaves_the_article_as_it_was_and_the_restarted_site_has_everything_committed()
    {
        Assert.Equal(0, await RunCommandAsync("seed-demo"));
        Assert.Equal(0, await RunCommandAsync("create-admin", "--email", AdminEmail));
        var marker = Path.Combine(_folder, "held-commit.json");
        int id;
        PublishState before;
        await using (var site = await ChildSite.StartAsync(this, holdCommitMarker: marker))
        {
            using var editor = await site.SignInAsync();
            var (sectionId, authorId) = await ChoicesAsync();
            id = EditorForm.SavedId((await EditorForm.PostAsync(editor, EditorForm.NewUrl,
                await EditorForm.NewArticleAsync(editor, sectionId, authorId, "مسودة ستُنشر ثم يموت الخادم"))).Response);
            var fields = await EditorForm.LoadAsync(editor, EditorForm.EditUrl(id));
            fields["Input.Title"] = "عنوان محفوظ قبل القتل";
            Assert.Equal(id, EditorForm.SavedId((await EditorForm.PostAsync(editor, EditorForm.EditUrl(id), fields)).Response));
            before = await StateOfFileAsync(id);
            Assert.Equal(new PublishState((long)ArticleStatus.Draft, "عنوان محفوظ قبل القتل", 2, 2, "create,edit", before.IndexedTitle), before);

            fields = await EditorForm.LoadAsync(editor, EditorForm.EditUrl(id));
            fields["Input.Title"] = "عنوان النشر الذي لم يكتمل";
            var publishing = EditorForm.PostAsync(editor, EditorForm.EditUrl(id), fields, "publish");
            var held = await site.WaitForHeldCommitAsync(marker, publishing);

            // Inside the dying transaction every part of the publish is written...
            Assert.Equal((long)ArticleStatus.Published, held.Status);
            Assert.Equal("عنوان النشر الذي لم يكتمل", held.Title);
            Assert.Equal(3, held.Revisions);
            Assert.Equal("create,edit,edit,publish", held.Audit);
            Assert.NotEqual(before.IndexedTitle, held.IndexedTitle);
            // ...and what was committed before waits in the write-ahead log, not yet copied into the database file.
            Assert.True(new FileInfo(DatabaseFile + "-wal").Length > 0);

            site.Kill();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => publishing);
        }

        // The file as the dead process left it: SQLite keeps the log's committed frames and drops the uncommitted ones.
        // (Read-only, so this look does not fold the log into the file: the restarted site recovers from it itself.)
        Assert.Equal(before, await StateOfFileAsync(id));
        Assert.Equal("ok", await ScalarOfFileAsync("PRAGMA integrity_check"));
        Assert.True(new FileInfo(DatabaseFile + "-wal").Length > 0);

        // The real site again on the same file: migrations at start-up, the committed edit there, and the publish now goes through.
        await using (var site = await ChildSite.StartAsync(this, holdCommitMarker: null))
        {
            using var editor = await site.SignInAsync();
            var fields = await EditorForm.LoadAsync(editor, EditorForm.EditUrl(id));
            Assert.Equal("عنوان محفوظ قبل القتل", fields["Input.Title"]);
            Assert.Equal(id, EditorForm.SavedId((await EditorForm.PostAsync(editor, EditorForm.EditUrl(id), fields, "publish")).Response));
            var published = await StateOfFileAsync(id);
            Assert.Equal((long)ArticleStatus.Published, published.Status);
            Assert.Equal(3, published.Revisions);
            Assert.Equal("create,edit,edit,publish", published.Audit);
            // The reader's page: /news/{id} redirects to the address with its slug.
            var moved = await editor.GetAsync(new Uri($"/news/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(moved.Headers.Location)).StatusCode);
        }
    }

    /// <summary>The article's row, revisions, audit trail and search row, read on <paramref name="connection"/> (inside <paramref name="transaction"/>, if given).</summary>
    internal static async Task<string> StateAsync(DbConnection connection, int id, DbTransaction? transaction = null)
    {
        async Task<object?> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = ("$id", id);
            command.Parameters.Add(parameter);
            return await command.ExecuteScalarAsync();
        }
        var state = new PublishState(
            (long)(await Scalar("SELECT Status FROM Articles WHERE Id = $id"))!,
            (string)(await Scalar("SELECT Title FROM Articles WHERE Id = $id"))!,
            (long)(await Scalar("SELECT Version FROM Articles WHERE Id = $id"))!,
            (long)(await Scalar("SELECT count(*) FROM ArticleRevisions WHERE ArticleId = $id"))!,
            (string)(await Scalar("SELECT group_concat(Action, ',') FROM (SELECT Action FROM AuditEntries WHERE Subject = 'Article' AND SubjectId = $id ORDER BY Id)"))!,
            await Scalar("SELECT Title FROM ArticleSearch WHERE rowid = $id") as string);
        return JsonSerializer.Serialize(state);
    }

    private async Task<PublishState> StateOfFileAsync(int id)
    {
        await using var connection = await OpenFileAsync();
        return JsonSerializer.Deserialize<PublishState>(await StateAsync(connection, id))!;
    }

    private async Task<object?> ScalarOfFileAsync(string sql)
    {
        await using var connection = await OpenFileAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async Task<SqliteConnection> OpenFileAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private async Task<(int SectionId, int AuthorId)> ChoicesAsync() => (
        Convert.ToInt32(await ScalarOfFileAsync("SELECT min(Id) FROM Sections"), CultureInfo.InvariantCulture),
        Convert.ToInt32(await ScalarOfFileAsync("SELECT min(Id) FROM Authors"), CultureInfo.InvariantCulture));

    /// <summary>Runs one of the program's commands (seed-demo, create-admin) on the test's database; its exit code.</summary>
    private async Task<int> RunCommandAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments, holdCommitMarker: null))!;
        var output = ChildSite.Drain(process);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"{string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
        return process.ExitCode;
    }

    /// <summary>
    /// The app as built next to the tests, started with the tests' dependency list so the hosting startup in this
    /// assembly can be loaded into it; Production settings on plain HTTP, the files in the test's own folder.
    /// </summary>
    private ProcessStartInfo StartInfo(IEnumerable<string> arguments, string? holdCommitMarker)
    {
        var bin = AppContext.BaseDirectory;
        // The dotnet CLI names itself to the processes it starts; "dotnet" on the PATH otherwise.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = bin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["exec", "--depsfile", Path.Combine(bin, "NewsSite.Tests.deps.json"),
                     "--runtimeconfig", Path.Combine(bin, "NewsSite.runtimeconfig.json"), Path.Combine(bin, "NewsSite.dll"), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["News__RequireHttps"] = "false";
        environment["News__DemoContent"] = "false";
        environment["ConnectionStrings__News"] = $"Data Source={DatabaseFile}";
        environment["News__MediaPath"] = Path.Combine(_folder, "media");
        environment["News__KeysPath"] = Path.Combine(_folder, "keys");
        environment["News__Smtp__PickupDirectory"] = Path.Combine(_folder, "mail");
        environment["NEWS_ADMIN_PASSWORD"] = AdminPassword;
        environment["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = "NewsSite.Tests";
        environment[HoldCommitStartup.MarkerVariable] = holdCommitMarker;
        return start;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class ChildSite : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output;
        private readonly Uri _address;

        private ChildSite(Process process, StringBuilder output, Uri address) => (_process, _output, _address) = (process, output, address);

        public static async Task<ChildSite> StartAsync(KilledPublishTests test, string? holdCommitMarker)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var start = test.StartInfo([], holdCommitMarker);
            start.Environment["ASPNETCORE_URLS"] = address.ToString();
            var process = Process.Start(start)!;
            var site = new ChildSite(process, Drain(process), address);
            using var client = new HttpClient { BaseAddress = address };
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (true)
            {
                Assert.False(process.HasExited, $"the site exited at start-up: {site.Output}");
                Assert.True(DateTime.UtcNow < deadline, $"the site did not answer within a minute: {site.Output}");
                try
                {
                    if ((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                    {
                        return site;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(200);
            }
        }

        private string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.Length > 4000 ? _output.ToString(_output.Length - 4000, 4000) : _output.ToString();
                }
            }
        }

        /// <summary>A client signed in through the site's /admin/login form as the admin made by create-admin.</summary>
        public async Task<HttpClient> SignInAsync()
        {
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _address };
            client.DefaultRequestHeaders.UserAgent.ParseAdd(NewsSiteFactory.BrowserUserAgent);
            var response = await NewsSiteFactory.PostLoginAsync(client, AdminEmail, AdminPassword);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {response.StatusCode}: {Output}");
            return client;
        }

        /// <summary>What the held transaction saw, once the site stops before its commit (the request must not finish first).</summary>
        public async Task<PublishState> WaitForHeldCommitAsync(string marker, Task request)
        {
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (!File.Exists(marker))
            {
                Assert.False(request.IsCompleted, $"the publish finished without reaching the held commit: {Output}");
                Assert.True(DateTime.UtcNow < deadline, $"the publish did not reach its commit within a minute: {Output}");
                await Task.Delay(50);
            }
            Assert.False(request.IsCompleted);
            return JsonSerializer.Deserialize<PublishState>(await File.ReadAllTextAsync(marker))!;
        }

        /// <summary>SIGKILL: no shutdown, no flush, no rollback; the process is simply gone.</summary>
        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }

        public static StringBuilder Drain(Process process)
        {
            var output = new StringBuilder();
            DataReceivedEventHandler append = (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            };
            process.OutputDataReceived += append;
            process.ErrorDataReceived += append;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return output;
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
