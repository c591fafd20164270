using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Sets;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Accounts;

/// <summary>Ending a member's sessions closes their live connections at once, not at their next call.</summary>
public sealed class LiveConnectionEndTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [TestCase("sign out everywhere else")]
    [TestCase("erase the account")]
    [TestCase("suspension")]
    public async Task EndingSessions_ClosesEveryOtherLiveConnection(string how)
    {
        await using var c = await SetCommunity.CreateAsync();
        var cookies = new CookieContainer();
        TestApp.AssertRedirect(await c.App.NewBrowser(cookies).SignInAsync("sam@example.org", Journeys.Password), "/");
        await c.Sam.AcceptRulesAsync(c.SetId);
        await using var forum = await c.App.ConnectHubAsync(ForumHub.Path, cookies);
        await using var room = await c.App.ConnectHubAsync(RoomHub.Path, cookies);
        var closed = new[] { Closed(forum), Closed(room) };

        switch (how)
        {
            case "sign out everywhere else":
                TestApp.AssertRedirect(await c.Sam.SubmitAsync("/account/sessions", new Dictionary<string, string>(), "form[action*=EndOthers]"), "/account/sessions");
                break;
            case "erase the account":
                TestApp.AssertRedirect(await c.Sam.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = Journeys.Password }), "/");
                break;
            default:
                TestApp.AssertRedirect(await c.Admin.SubmitAsync("/forum/moderation/members/sam", new Dictionary<string, string>
                {
                    ["Input.Days"] = "3", ["Input.Message"] = "Taking a short break.", ["Input.Confirm"] = "true",
                }, "form[action*=Suspend]"), "/forum/moderation/members/sam");
                break;
        }

        Assert.That(await Task.WhenAll(closed).WaitAsync(Soon).ContinueWith(t => t.IsCompletedSuccessfully), Is.True, $"{how}: both connections closed");
        Assert.That(forum.State, Is.EqualTo(HubConnectionState.Disconnected));
    }

    [Test]
    public async Task AnOutsiderAskingForARoom_IsRefused_AndLoggedAsInformationWithoutATrace()
    {
        await using var c = await SetCommunity.CreateAsync();
        var cookies = new CookieContainer();
        TestApp.AssertRedirect(await c.App.NewBrowser(cookies).SignInAsync("olly@example.org", Journeys.Password), "/");
        await using var room = await c.App.ConnectHubAsync(RoomHub.Path, cookies);

        Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => room.InvokeAsync<object>(nameof(RoomHub.JoinRoom), c.SetId));

        var lines = c.App.Logs.Lines.ToList();
        Assert.That(lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)), Is.Empty);
        Assert.That(lines, Has.Some.StartsWith("Information").And.Contain("Refused RoomHub.JoinRoom"));
        Assert.That(lines.Where(l => l.Contains("Refused RoomHub.JoinRoom", StringComparison.Ordinal)), Has.All.Not.Contain("   at "), "no stack trace");
    }

    private static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource();
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
