using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Sets;

/// <summary>A live room keeps its member signed in through a meeting longer than the idle timeout (120 minutes).</summary>
public sealed class RoomKeepAliveTests
{
    [Test]
    public async Task ListeningThroughALongMeeting_KeepsTheSession_WhileAnIdlePageIsSignedOut()
    {
        var clock = new FakeClock();
        await using var c = await SetCommunity.CreateAsync(clock);
        await c.Sam.AcceptRulesAsync(c.SetId);
        await c.Facilitator.ScheduleSoonAsync(c.SetId, clock.GetUtcNow());
        var listening = new CookieContainer();
        var idle = new CookieContainer();
        using var listener = c.App.NewBrowser(listening);
        using var elsewhere = c.App.NewBrowser(idle);
        TestApp.AssertRedirect(await listener.SignInAsync("sam@example.org", Journeys.Password), "/");
        TestApp.AssertRedirect(await elsewhere.SignInAsync("sam@example.org", Journeys.Password), "/");
        await using var room = await c.App.ConnectHubAsync(RoomHub.Path, listening);
        await room.InvokeAsync<JsonElement>("JoinRoom", c.SetId);

        // Three hours of listening, with the page's call every five minutes and nothing else.
        for (var minutes = 0; minutes < 180; minutes += 5)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            await room.InvokeAsync("KeepAlive", c.SetId);
        }

        Assert.Multiple(async () =>
        {
            Assert.That((await listener.GetAsync("/account/settings")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the room's session is alive");
            Assert.That((await elsewhere.GetAsync("/account/settings")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the idle session ended");
        });
    }
}
