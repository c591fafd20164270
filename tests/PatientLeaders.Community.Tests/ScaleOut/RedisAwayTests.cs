using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.ScaleOut;

/// <summary>With SignalR:Redis set but Redis unreachable, the site still starts and ending sessions still works.</summary>
public sealed class RedisAwayTests
{
    [Test]
    public async Task RedisUnreachable_SiteStarts_AndSigningOutEverywhereElseStillWorks()
    {
        var nothingListens = SmtpTestServer.FreePort();
        await using var app = await TestApp.CreateAsync(overrides: new Dictionary<string, string?>
        {
            ["SignalR:Redis"] = $"127.0.0.1:{nothingListens},connectTimeout=200,syncTimeout=500,asyncTimeout=500",
        });
        var admin = await app.SetUpAdminAsync();

        var ended = await admin.SubmitAsync("/account/sessions", new Dictionary<string, string>(), "form[action*=EndOthers]");

        TestApp.AssertRedirect(ended, "/account/sessions");
        Assert.That(app.Logs.Lines, Has.Some.Contains("Redis could not carry a server-to-server message"), "handled on this server instead");
    }
}
