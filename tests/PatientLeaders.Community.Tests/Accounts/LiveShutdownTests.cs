using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Sets;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Accounts;

/// <summary>When the site begins to stop, open live connections close and new ones are told to come back shortly.</summary>
public sealed class LiveShutdownTests
{
    [Test]
    public async Task Stopping_ClosesOpenHubConnections_AndRefusesNewOnesWithRetryAfter()
    {
        await using var c = await SetCommunity.CreateAsync();
        var cookies = new CookieContainer();
        TestApp.AssertRedirect(await c.App.NewBrowser(cookies).SignInAsync("sam@example.org", Journeys.Password), "/");
        await using var room = await c.App.ConnectHubAsync(RoomHub.Path, cookies);
        var closed = new TaskCompletionSource();
        room.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        var browser = c.App.NewBrowser(cookies);
        var before = await browser.PostAsync(RoomHub.Path + "/negotiate?negotiateVersion=1", null);
        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), "negotiation works while the site runs");

        c.App.Service<LiveShutdown>().Begin();

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(room.State, Is.EqualTo(HubConnectionState.Disconnected));
        var after = await browser.PostAsync(RoomHub.Path + "/negotiate?negotiateVersion=1", null);
        Assert.Multiple(() =>
        {
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(after.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(LiveShutdown.RetryAfterSeconds)));
        });
        Assert.That((await browser.GetAsync("/help")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "pages are still served until the process ends");
    }
}
