using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsSite.Domain;

namespace NewsSite.Tests.Areas.Admin.Staff;

public sealed class StaffTests(NewsSiteFactory factory) : IClassFixture<NewsSiteFactory>
{
    private static string NewEmail() => $"staff-{Guid.NewGuid():N}@example.com";

    private static Task<string> IdOfAsync(NewsSiteFactory site, string email) =>
        site.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static Task<HttpResponseMessage> PostAsync(HttpClient admin, string id, string? handler, Dictionary<string, string>? fields = null) =>
        NewsSiteFactory.PostFormAsync(admin, $"/admin/staff/{id}", fields ?? [],
            handler is null ? $"/admin/staff/{id}" : $"/admin/staff/{id}?handler={handler}");

    /// <summary>Saves the edit form with one role ticked (in the query: see <see cref="CreateAsync"/>).</summary>
    private static Task<HttpResponseMessage> SaveRolesAsync(HttpClient admin, string id, string displayName, string role) =>
        NewsSiteFactory.PostFormAsync(admin, $"/admin/staff/{id}", new() { ["Input.DisplayName"] = displayName }, $"/admin/staff/{id}?Input.Roles={role}");

    private static Task<HttpResponseMessage> CreateAsync(HttpClient admin, string email, string password, params string[] roles)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "ليلى الراشد",
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        };
        // Several checkboxes share one name; a form body repeats it, which a dictionary can't, so the roles go in the query.
        var query = string.Concat(roles.Select((r, i) => $"{(i == 0 ? '?' : '&')}Input.Roles={r}"));
        return NewsSiteFactory.PostFormAsync(admin, "/admin/staff/new", form, "/admin/staff/new" + query);
    }

    [Fact]
    public async Task A_weak_password_is_refused_in_arabic_and_no_account_is_made()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var email = NewEmail();

        var response = await CreateAsync(admin, email, "short1", StaffRoles.Writer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await ReadAsync(response)).QuerySelector("[data-valmsg-for='Input.NewPassword']")!.TextContent;
        Assert.Contains("12 حرفًا", error);
        Assert.Contains("حرفًا لاتينيًا كبيرًا", error);
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_taken_email_or_no_role_is_refused_in_arabic()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var taken = await factory.CreateStaffAsync(StaffRoles.Writer);

        var duplicate = await ReadAsync(await CreateAsync(admin, taken, "Strong-Enough-2026", StaffRoles.Writer));
        var noRole = await ReadAsync(await CreateAsync(admin, NewEmail(), "Strong-Enough-2026"));

        Assert.Contains("مستخدم لحساب آخر", duplicate.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent);
        Assert.Contains("دورًا واحدًا", noRole.QuerySelector("[data-valmsg-for='Input.Roles']")!.TextContent);
    }

    [Fact]
    public async Task A_new_account_gets_its_roles_signs_in_and_is_listed_in_arabic()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var email = NewEmail();

        var response = await CreateAsync(admin, email, "Strong-Enough-2026", StaffRoles.Writer, StaffRoles.Editor);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await IdOfAsync(factory, email);
        Assert.Equal($"/admin/staff/{id}", response.Headers.Location!.OriginalString);
        using var member = await factory.SignInAsync(email, "Strong-Enough-2026");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        var (_, list) = await NewsSiteFactory.GetPageAsync(admin, "/admin/staff");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("كاتب، محرر", row.TextContent);
        Assert.Contains("نشط", row.TextContent);
        Assert.Contains("غير مفعّل", row.TextContent);

        var audit = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.Create && e.SubjectId == id));
        Assert.Contains(email, audit.Details);
        Assert.DoesNotContain("Strong-Enough-2026", audit.Details);
    }

    [Fact]
    public async Task Roles_and_name_change_and_the_change_is_audited()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        var id = await IdOfAsync(factory, email);

        var response = await SaveRolesAsync(admin, id, "سامي العلي", StaffRoles.Editor);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roles = await factory.QueryAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                                    where ur.UserId == id select r.Name).ToListAsync());
        Assert.Equal([StaffRoles.Editor], roles);
        var audit = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ChangeRoles && e.SubjectId == id));
        Assert.Contains("الأدوار: من «كاتب» إلى «محرر»", audit.Details);
        Assert.Contains("«سامي العلي»", audit.Details);
    }

    [Fact]
    public async Task Disabling_ends_the_open_session_and_refuses_sign_in_until_enabled()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var email = await factory.CreateStaffAsync(StaffRoles.Editor);
        var id = await IdOfAsync(factory, email);
        using var member = await factory.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        var disabled = await PostAsync(admin, id, "Disable");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var next = await member.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/admin/login", next.Headers.Location!.AbsolutePath);
        using var again = factory.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await NewsSiteFactory.PostLoginAsync(again, email)).StatusCode);
        var (_, list) = await NewsSiteFactory.GetPageAsync(admin, "/admin/staff");
        Assert.Contains("معطّل", list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal)).TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, id, "Enable")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await NewsSiteFactory.PostLoginAsync(again, email)).StatusCode);
        var actions = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectId == id && e.Subject == AuditSubjects.Staff)
            .Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.Disable, actions);
        Assert.Contains(AuditActions.Enable, actions);
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_disabled_nor_demoted()
    {
        await using var site = new NewsSiteFactory();
        var email = await site.CreateStaffAsync(StaffRoles.Admin);
        var id = await IdOfAsync(site, email);
        using var admin = await site.SignInAsync(email);

        var disable = await ReadAsync(await PostAsync(admin, id, "Disable"));
        var demote = await ReadAsync(await SaveRolesAsync(admin, id, "المدير", StaffRoles.Editor));

        Assert.Contains("آخر مدير", disable.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("آخر مدير", demote.QuerySelector("[role=alert]")!.TextContent);
        var user = await site.QueryAsync(db => db.Users.SingleAsync(u => u.Id == id));
        Assert.False(user.IsDisabled);
        Assert.True(await site.QueryAsync(db => db.UserRoles.AnyAsync(ur => ur.UserId == id)));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin/staff", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_disable_or_demote_themselves_while_another_admin_exists()
    {
        var email = await factory.CreateStaffAsync(StaffRoles.Admin);
        await factory.CreateStaffAsync(StaffRoles.Admin);
        var id = await IdOfAsync(factory, email);
        using var admin = await factory.SignInAsync(email);

        var disable = await ReadAsync(await PostAsync(admin, id, "Disable"));
        var demote = await ReadAsync(await SaveRolesAsync(admin, id, "المدير", StaffRoles.Writer));

        Assert.Contains("لا يمكنك تعطيل حسابك", disable.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("لا يمكنك سحب دور المدير", demote.QuerySelector("[role=alert]")!.TextContent);
        Assert.False(await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task A_typed_reset_password_replaces_the_old_one_and_ends_sessions()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        var id = await IdOfAsync(factory, email);
        using var member = await factory.SignInAsync(email);

        var weak = await PostAsync(admin, id, "ResetPassword", new() { ["Password.NewPassword"] = "abc", ["Password.ConfirmPassword"] = "abc" });
        var reset = await PostAsync(admin, id, "ResetPassword",
            new() { ["Password.NewPassword"] = "Another-Strong-2026", ["Password.ConfirmPassword"] = "Another-Strong-2026" });

        Assert.Contains("12 حرفًا", (await ReadAsync(weak)).QuerySelector("[data-valmsg-for='Password.NewPassword']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        using var fresh = factory.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await NewsSiteFactory.PostLoginAsync(fresh, email)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await NewsSiteFactory.PostLoginAsync(fresh, email, "Another-Strong-2026")).StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ResetPassword && e.SubjectId == id)));
    }

    [Fact]
    public async Task A_generated_password_is_shown_once_works_and_is_stored_nowhere()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);
        var email = await factory.CreateStaffAsync(StaffRoles.Writer);
        var id = await IdOfAsync(factory, email);

        var response = await PostAsync(admin, id, "ResetPassword", new() { ["Password.Generate"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var password = (await ReadAsync(response)).QuerySelector(".secret-value")!.TextContent;
        Assert.Matches("^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$", password);
        using var member = factory.CreateReader();
        Assert.Equal(HttpStatusCode.Redirect, (await NewsSiteFactory.PostLoginAsync(member, email, password)).StatusCode);
        var (_, again) = await NewsSiteFactory.GetPageAsync(admin, $"/admin/staff/{id}");
        Assert.Null(again.QuerySelector(".secret-value"));
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Details!.Contains(password))));
    }

    [Fact]
    public async Task An_unknown_account_is_a_404()
    {
        using var admin = await factory.SignInAsAsync(StaffRoles.Admin);

        var response = await admin.GetAsync(new Uri("/admin/staff/no-such-id", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
