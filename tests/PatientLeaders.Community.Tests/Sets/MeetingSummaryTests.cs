using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Sets;

/// <summary>A whole meeting driven through the room's services (the hub calls the same ones), then its summary.</summary>
public sealed class MeetingSummaryTests
{
    [Test]
    public async Task ClosedMeeting_HasSummaryWithAttendanceTimingsPresenterActions_ChatDeleted_ActionsReviewedNextTime()
    {
        await using var c = await SetCommunity.CreateAsync();
        var app = c.App;
        await c.Facilitator.ScheduleAsync(c.SetId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)), new TimeOnly(10, 0));
        await c.Facilitator.ScheduleAsync(c.SetId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)), new TimeOnly(10, 0));
        var (faye, sam, priya) = (await c.MemberIdAsync("faye"), await c.MemberIdAsync("sam"), await c.MemberIdAsync("priya"));
        var rooms = app.Service<RoomService>();
        var store = app.Service<RoomStore>();
        var connections = app.Service<RoomConnections>();
        var facilitator = new SetAccess(c.SetId, faye, SetRole.Facilitator);

        async Task<RoomStateView> Do(SetAccess who, Func<MeetingState, FlowContext, FlowResult> command)
        {
            var outcome = await rooms.ApplyAsync(who, command, CancellationToken.None);
            Assert.That(outcome.Error, Is.Null);
            return outcome.State!;
        }

        var first = (await store.OpenMeetingAsync(c.SetId, CancellationToken.None))!.Row.Id;
        connections.Join(c.SetId, faye, "f1");
        connections.Join(c.SetId, sam, "s1");
        connections.Join(c.SetId, priya, "p1");
        foreach (var id in new[] { sam, priya })
        {
            await store.TouchAttendanceAsync(first, id, CancellationToken.None);
        }
        await Do(facilitator, MeetingFlow.Start);
        await store.PostAsync(c.SetId, first, faye, Guid.NewGuid().ToString(), "Welcome, canary-chat-text", CancellationToken.None);
        await Do(facilitator, MeetingFlow.Next);
        await Do(facilitator, MeetingFlow.Next);
        var bidding = await Do(facilitator, MeetingFlow.Next);
        Assert.That(bidding.Phase, Is.EqualTo(nameof(MeetingPhase.Bidding)));
        await store.SaveBidAsync(first, sam, 20, "My project", false, CancellationToken.None);
        await Do(facilitator, (s, ctx) => MeetingFlow.ProposeAllocation(s, ctx, [new PresenterSlot(sam, 20)]));
        var presenting = await Do(facilitator, MeetingFlow.Next);
        Assert.That(presenting.Presenter!.Name, Is.EqualTo("Member sam"));
        for (var i = 0; i < 3; i++)
        {
            await Do(facilitator, MeetingFlow.Next);
        }
        await store.AddActionAsync(c.SetId, first, sam, "Talk to the ward manager", CancellationToken.None);
        while ((await rooms.CurrentViewAsync(c.SetId, CancellationToken.None))!.MeetingId == first)
        {
            await Do(facilitator, MeetingFlow.Next);
        }
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM RoomMessages WHERE SetId = @SetId", new { c.SetId }), Is.EqualTo(0), "chat deleted at close");

        var summary = await c.Sam.GetPageAsync($"/sets/{c.SetId}/meetings/{first}/summary");
        var text = summary.Text("main");
        Assert.That(text, Does.Contain("Member sam: joined").And.Contain("Member priya: joined").And.Contain("Talk to the ward manager")
            .And.Contain("Presentation").And.Contain("Check-in round").And.Not.Contain("canary-chat-text"));
        var markdown = await c.Sam.GetAsync($"/sets/{c.SetId}/meetings/{first}/summary.md");
        Assert.That(markdown.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/markdown"));
        var md = await markdown.Content.ReadAsStringAsync();
        Assert.That(md, Does.Contain("# Stroke leaders: meeting summary").And.Contain("Talk to the ward manager").And.Contain("## Attendance"));

        // Next meeting: Sam reviews his own action; Priya cannot review it.
        var second = (await store.OpenMeetingAsync(c.SetId, CancellationToken.None))!.Row.Id;
        Assert.That(second, Is.Not.EqualTo(first));
        var actionId = await app.ScalarAsync<long>("SELECT Id FROM SetActions WHERE OwnerId = @sam", new { sam });
        Assert.That(await store.ReviewActionAsync(c.SetId, second, priya, actionId, ActionStatuses.Done, "", CancellationToken.None), Is.False);
        Assert.That(await store.ReviewActionAsync(c.SetId, second, sam, actionId, ActionStatuses.Partly, "Met her once", CancellationToken.None), Is.True);
        await Do(facilitator, MeetingFlow.Start);
        var review = await Do(facilitator, MeetingFlow.Next);
        review = await Do(facilitator, MeetingFlow.Next);
        review = await Do(facilitator, MeetingFlow.Next);
        Assert.That(review.Phase, Is.EqualTo(nameof(MeetingPhase.ActionReview)));
        Assert.That(review.Speaker!.MemberId, Is.EqualTo(sam));
        Assert.That(review.ActionsToReview.Single().Status, Is.EqualTo(ActionStatuses.Partly));
        Assert.That((await c.Outsider.GetAsync($"/sets/{c.SetId}/meetings/{first}/summary.md")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task RetriedSend_StoresOnce_WithTheSameSeq()
    {
        await using var c = await SetCommunity.CreateAsync();
        var store = c.App.Service<RoomStore>();
        var sam = await c.MemberIdAsync("sam");
        var id = Guid.NewGuid().ToString();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.PostAsync(c.SetId, null, sam, id, "Hello", CancellationToken.None)));
        Assert.That(results.Select(r => r.Message.Seq).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await c.App.ScalarAsync<long>("SELECT COUNT(*) FROM RoomMessages"), Is.EqualTo(1));
        var next = await store.PostAsync(c.SetId, null, sam, Guid.NewGuid().ToString(), "Again", CancellationToken.None);
        Assert.That(next.Message.Seq, Is.EqualTo(results[0].Message.Seq + 1));
        var history = await c.Sam.GetAsync($"/sets/{c.SetId}/room/messages?after={results[0].Message.Seq}");
        Assert.That(await history.Content.ReadAsStringAsync(), Does.Contain("\"body\":\"Again\"").And.Not.Contain("\"body\":\"Hello\""));
    }
}
