using System.Net;
using System.Text;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Accounts;

public sealed class PasswordAndProfileTests
{
    [TestCase("short7!", "at least 8 characters")]
    [TestCase("password1234", "too common")]
    [TestCase("PatientLeaders2025", "name of this site")]
    public async Task Registration_RejectsWeakPasswords_AndKeepsTheInput(string password, string message)
    {
        await using var app = await TestApp.CreateAsync(overrides: new Dictionary<string, string?> { ["Community:Registration"] = "Open" });
        var response = await app.NewBrowser().SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Rae", ["Input.Handle"] = "rae", ["Input.Email"] = "rae@example.org", ["Input.Password"] = password,
        });
        var page = await Forms.ParseAsync(response);
        Assert.That(page.ErrorSummary(), Has.Some.Contains(message));
        Assert.That(page.QuerySelector("#Input_Handle")?.GetAttribute("value"), Is.EqualTo("rae"));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM Members"), Is.Zero);
    }

    [Test]
    public async Task LongEmojiPassword_WorksExactlyAsTyped()
    {
        await using var app = await TestApp.CreateAsync(overrides: new Dictionary<string, string?> { ["Community:Registration"] = "Open" });
        var password = new StringBuilder().Insert(0, "🦋 spaces and ünïcode ", 6).ToString();
        var registered = await app.NewBrowser().SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Rae", ["Input.Handle"] = "rae", ["Input.Email"] = "rae@example.org", ["Input.Password"] = password,
        });
        TestApp.AssertRedirect(registered, "/account/check-email");
        var confirm = app.NewBrowser();
        TestApp.AssertRedirect(await confirm.SubmitAsync(Journeys.LinkIn(await app.LastMailToAsync("rae@example.org")), new Dictionary<string, string>()), "/account/login");

        Assert.That((await Forms.ParseAsync(await app.NewBrowser().SignInAsync("rae@example.org", password.Trim()))).ErrorSummary(), Is.Not.Empty);
        TestApp.AssertRedirect(await app.NewBrowser().SignInAsync("rae@example.org", password), "/");
    }

    [Test]
    public async Task StoredHash_IsSaltedPbkdf2WithAtLeast600000Iterations()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var hashes = (await app.MailAsync()).Count > 0 ? new[]
        {
            await app.ScalarAsync<string>("SELECT PasswordHash FROM Members WHERE Handle = 'admin'"),
            await app.ScalarAsync<string>("SELECT PasswordHash FROM Members WHERE Handle = 'sam'"),
        } : [];
        Assert.That(hashes[0], Is.Not.EqualTo(hashes[1]), "same password, different salts");
        var bytes = Convert.FromBase64String(hashes[0]);
        Assert.That(bytes[0], Is.EqualTo(0x01), "identity v3 format");
        var prf = (bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4];
        var iterations = (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
        Assert.That(prf, Is.EqualTo(2), "HMAC-SHA512");
        Assert.That(iterations, Is.GreaterThanOrEqualTo(600_000));
    }

    [Test]
    public async Task ForgotPassword_LinkWorksOnce_AndAnswersAlikeForUnknownAddresses()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var known = await Forms.ParseAsync(await app.NewBrowser().SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "sam@example.org" }));
        var unknown = await Forms.ParseAsync(await app.NewBrowser().SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "who@example.org" }));
        Assert.That(unknown.Text("[role=status]"), Is.EqualTo(known.Text("[role=status]")));

        var link = Journeys.LinkIn(await app.LastMailToAsync("sam@example.org"));
        var reset = await app.NewBrowser().SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "a brand new passphrase" });
        TestApp.AssertRedirect(reset, "/account/login");
        var again = await Forms.ParseAsync(await app.NewBrowser().SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "another new passphrase" }));
        Assert.That(again.Text("main"), Does.Contain("expired or has already been used"));
        TestApp.AssertRedirect(await app.NewBrowser().SignInAsync("sam@example.org", "a brand new passphrase"), "/");
    }

    [Test]
    public async Task LivedExperience_NeedsConsent_IsPrivateByDefault_AndWithdrawalDeletesIt()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var kim = await app.InviteMemberAsync(admin, "kim@example.org", "kim");

        var noConsent = await Forms.ParseAsync(await sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.Conditions"] = "Long covid" }));
        Assert.That(noConsent.ErrorSummary(), Has.Some.Contains("tick the box"));
        Assert.That(noConsent.QuerySelector("#Input_Conditions")?.TextContent.Trim(), Is.EqualTo("Long covid"));
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM LivedExperiences"), Is.Zero);

        TestApp.AssertRedirect(await sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.Consent"] = "true", ["Input.Conditions"] = "Long covid" }), "/members/sam");
        Assert.That((await sam.GetPageAsync("/members/sam")).Text("main"), Does.Contain("Long covid"));
        Assert.That((await kim.GetPageAsync("/members/sam")).Text("main"), Does.Not.Contain("Long covid"));

        TestApp.AssertRedirect(await sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.Consent"] = "true", ["Input.Conditions"] = "Long covid", ["Input.ConditionsVisibility"] = "Members" }), "/members/sam");
        Assert.That((await kim.GetPageAsync("/members/sam")).Text("main"), Does.Contain("Long covid"));

        TestApp.AssertRedirect(await sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.Consent"] = "false", ["Input.Conditions"] = "" }), "/members/sam");
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM LivedExperiences"), Is.Zero);
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM HealthDataConsents WHERE Action = 'Withdrawn'"), Is.EqualTo(1));
        Assert.That((await kim.GetPageAsync("/members/sam")).Text("main"), Does.Not.Contain("Long covid"));
    }

    [Test]
    public async Task OverpostedFields_ChangeNothing()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        await sam.SubmitAsync("/account/profile", new Dictionary<string, string>
        {
            ["Input.Region"] = "Leeds", ["MemberId"] = "1", ["Input.MemberId"] = "1", ["Role"] = "Admin", ["IsAdmin"] = "true", ["Input.Handle"] = "admin",
        });
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM MemberRoles WHERE Role = 'Admin'"), Is.EqualTo(1));
        Assert.That(await app.ScalarAsync<string>("SELECT Region FROM MemberProfiles WHERE MemberId = (SELECT Id FROM Members WHERE Handle = 'sam')"), Is.EqualTo("Leeds"));
        Assert.That(await app.ScalarAsync<string>("SELECT Handle FROM Members WHERE Email = 'sam@example.org'"), Is.EqualTo("sam"));
    }

    [Test]
    public async Task DeleteAccount_ErasesEveryTrace_FromTheDatabaseFile()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var sam = await app.InviteMemberAsync(admin, "canary-sam@example.org", "canarysam");
        await sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.Consent"] = "true", ["Input.Conditions"] = "CanaryConditionXyz", ["Input.Bio"] = "CanaryBioXyz" });
        var deleted = await sam.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = Journeys.Password });
        TestApp.AssertRedirect(deleted, "/");
        Assert.That((await app.NewBrowser().GetAsync("/members/canarysam")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(app.Database.FilePath);
        var wal = File.Exists(app.Database.FilePath + "-wal") ? await File.ReadAllBytesAsync(app.Database.FilePath + "-wal") : [];
        foreach (var canary in new[] { "canary-sam@example.org", "CANARY-SAM@EXAMPLE.ORG", "CanaryConditionXyz", "CanaryBioXyz" })
        {
            var needle = Encoding.UTF8.GetBytes(canary);
            Assert.That(bytes.AsSpan().IndexOf(needle), Is.EqualTo(-1), canary + " in database file");
            Assert.That(wal.AsSpan().IndexOf(needle), Is.EqualTo(-1), canary + " in WAL");
        }
    }
}
