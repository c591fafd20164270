using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Sets;

/// <summary>A room with a meeting starting in a few minutes, and its members' pages on real SignalR connections.</summary>
public sealed class LiveRoomTests
{
    [Test]
    public async Task Lobby_MembersChatBeforeTheStart_AndEveryPageSeesIt()
    {
        await using var c = await SetCommunity.CreateAsync();
        await c.Sam.AcceptRulesAsync(c.SetId);
        await c.Priya.AcceptRulesAsync(c.SetId);
        await c.Facilitator.ScheduleSoonAsync(c.SetId);
        var sam = await ConnectAsync(c, "sam@example.org");
        var priya = await ConnectAsync(c, "priya@example.org");
        await using var _ = sam.Connection;
        await using var __ = priya.Connection;
        var heard = new TaskCompletionSource<RoomMessageView>();
        priya.Connection.On<RoomMessageView>("MessagePosted", m => heard.TrySetResult(m));

        await sam.Connection.InvokeAsync<MessageAck>("SendMessage", c.SetId, Guid.NewGuid().ToString(), "Morning, all");

        var message = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var page = await c.Sam.GetPageAsync($"/sets/{c.SetId}/room");
        var log = page.QuerySelector("#chat-log[role=log]")!;
        Assert.That((log.GetAttribute("tabindex"), page.GetElementById(log.GetAttribute("aria-labelledby")!)?.TextContent), Is.EqualTo(("0", "Chat")),
            "a member can scroll the chat log from the keyboard, and it has a name");
        var view = (await c.App.Service<RoomService>().CurrentViewAsync(c.SetId, CancellationToken.None))!;
        Assert.Multiple(() =>
        {
            Assert.That(view.Phase, Is.EqualTo(nameof(MeetingPhase.Lobby)));
            Assert.That(view.Posting, Is.EqualTo("Everyone"));
            Assert.That(message.Body, Is.EqualTo("Morning, all"));
        });
    }

    /// <summary>
    /// Every change to a room's state moves its version, so a page that keeps the newest state it has seen (as room.js
    /// does) ends with the same state as the server, whatever order broadcasts arrive in.
    /// </summary>
    [Test]
    public async Task ConcurrentBids_EveryPageConvergesOnTheServersState()
    {
        await using var c = await SetCommunity.CreateAsync();
        await c.Sam.AcceptRulesAsync(c.SetId);
        await c.Priya.AcceptRulesAsync(c.SetId);
        await c.Facilitator.ScheduleSoonAsync(c.SetId);
        var faye = await ConnectAsync(c, "faye@example.org");
        var sam = await ConnectAsync(c, "sam@example.org");
        var priya = await ConnectAsync(c, "priya@example.org");
        await using var _ = faye.Connection;
        await using var __ = sam.Connection;
        await using var ___ = priya.Connection;
        await faye.Connection.InvokeAsync<RoomStateView>("StartMeeting", c.SetId);
        RoomStateView state = null!;
        for (var i = 0; i < 3; i++)
        {
            state = await faye.Connection.InvokeAsync<RoomStateView>("NextStep", c.SetId);
        }
        Assert.That(state.Phase, Is.EqualTo(nameof(MeetingPhase.Bidding)));

        for (var round = 1; round <= 5; round++)
        {
            await Task.WhenAll(
                sam.Connection.InvokeAsync<RoomStateView>("SubmitBid", c.SetId, 10 + round, "Sam's issue", false),
                priya.Connection.InvokeAsync<RoomStateView>("SubmitBid", c.SetId, 20 + round, "Priya's issue", false));
        }
        var final = (await c.App.Service<RoomService>().CurrentViewAsync(c.SetId, CancellationToken.None))!;
        await Task.Delay(500);

        Assert.That(Bids(final), Is.EqualTo("Member sam 15, Member priya 25"));
        foreach (var page in new[] { faye, sam, priya })
        {
            var states = page.States.ToList();
            Assert.Multiple(() =>
            {
                // Different content never shares a version, so "keep the newer" is well defined.
                Assert.That(states.GroupBy(s => s.Version).Where(g => g.Select(Bids).Distinct().Count() > 1), Is.Empty,
                    $"{page.Name}: two different states with one version");
                Assert.That(Bids(states.MaxBy(s => s.Version)!), Is.EqualTo(Bids(final)), $"{page.Name}: the newest state it saw is the server's");
            });
        }
    }

    /// <summary>
    /// Members entering at once: a join's answer and the others' broadcasts reach a page in any order, each stamped
    /// with when it was read. The newest reading a page keeps (as room.js does) shows everyone who is here.
    /// </summary>
    [Test]
    public async Task ConcurrentJoins_TheNewestPresenceEachPageKeepsShowsEveryone()
    {
        await using var c = await SetCommunity.CreateAsync();
        await c.Sam.AcceptRulesAsync(c.SetId);
        await c.Priya.AcceptRulesAsync(c.SetId);
        await c.Facilitator.ScheduleSoonAsync(c.SetId);
        var pages = new List<(string Name, HubConnection Connection, ConcurrentQueue<(long At, IReadOnlyList<PresenceView> Presence)> Readings)>();
        foreach (var email in new[] { "faye@example.org", "sam@example.org", "priya@example.org" })
        {
            var cookies = new CookieContainer();
            TestApp.AssertRedirect(await c.App.NewBrowser(cookies).SignInAsync(email, Journeys.Password), "/");
            var connection = await c.App.ConnectHubAsync(RoomHub.Path, cookies);
            var readings = new ConcurrentQueue<(long, IReadOnlyList<PresenceView>)>();
            connection.On<IReadOnlyList<PresenceView>, long>("PresenceChanged", (presence, at) => readings.Enqueue((at, presence)));
            pages.Add((email, connection, readings));
        }
        try
        {
            var snapshots = await Task.WhenAll(pages.Select(p => p.Connection.InvokeAsync<RoomSnapshot>("JoinRoom", c.SetId)));
            await Task.Delay(500);

            for (var i = 0; i < pages.Count; i++)
            {
                var readings = pages[i].Readings.Append((At: snapshots[i].PresenceAt, Presence: snapshots[i].Presence)).ToList();
                var newest = readings.MaxBy(r => r.At);
                Assert.Multiple(() =>
                {
                    Assert.That(readings.Select(r => r.At).Distinct().Count(), Is.EqualTo(readings.Count), $"{pages[i].Name}: every reading has its own stamp");
                    Assert.That(newest.Presence.Where(p => p.Status == "here").Select(p => p.MemberId).Distinct().Count(), Is.EqualTo(3),
                        $"{pages[i].Name}: the newest reading shows all three here");
                });
            }
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.Connection.DisposeAsync();
            }
        }
    }

    private static string Bids(RoomStateView state) =>
        string.Join(", ", state.Bids.OrderBy(b => b.MemberId).Select(b => $"{b.DisplayName} {b.Minutes}"));

    private sealed record Page(string Name, HubConnection Connection, ConcurrentQueue<RoomStateView> States);

    private static async Task<Page> ConnectAsync(SetCommunity c, string email)
    {
        var cookies = new CookieContainer();
        TestApp.AssertRedirect(await c.App.NewBrowser(cookies).SignInAsync(email, Journeys.Password), "/");
        var connection = await c.App.ConnectHubAsync(RoomHub.Path, cookies);
        var states = new ConcurrentQueue<RoomStateView>();
        connection.On<RoomStateView>("StateChanged", states.Enqueue);
        await connection.InvokeAsync<JsonElement>("JoinRoom", c.SetId);
        return new Page(email, connection, states);
    }
}
