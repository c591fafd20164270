using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Sets;

/// <summary>The site-wide hub filter speaks about the hub that was called: a room, the forum, or a mentoring conversation.</summary>
public sealed class RoomHubFilterTests
{
    private sealed class SignedOutCaller : HubCallerContext
    {
        public bool Aborted { get; private set; }
        public override string ConnectionId => "c1";
        public override string? UserIdentifier => null;
        public override ClaimsPrincipal User { get; } = new(new ClaimsIdentity());
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort() => Aborted = true;
    }

    private static IEnumerable<TestCaseData> Hubs()
    {
        yield return new TestCaseData(typeof(RoomHub), nameof(RoomHub.JoinRoom), "rejoin the room").SetName("RoomHubCall_AfterSessionEnded_TalksAboutTheRoom");
        yield return new TestCaseData(typeof(ForumHub), nameof(ForumHub.JoinThread), "new replies").SetName("ForumHubCall_AfterSessionEnded_TalksAboutReplies");
        yield return new TestCaseData(typeof(MentoringHub), nameof(MentoringHub.JoinPair), "rejoin the conversation").SetName("MentoringHubCall_AfterSessionEnded_TalksAboutTheConversation");
    }

    [TestCaseSource(nameof(Hubs))]
    public async Task HubCall_AfterSessionEnded_NamesWhatTheCallerWasUsing(Type hubType, string method, string expected)
    {
        await using var app = await TestApp.CreateAsync();
        var filter = app.Service<RoomHubFilter>();
        var hub = (Hub)ActivatorUtilities.CreateInstance(app.Services, hubType);
        var caller = new SignedOutCaller();
        var invocation = new HubInvocationContext(caller, app.Services, hub, hubType.GetMethod(method)!, [1L]);

        var refused = Assert.ThrowsAsync<HubException>(async () =>
            await filter.InvokeMethodAsync(invocation, _ => throw new AssertionException("the hub method must not run")));
        var onConnect = Assert.ThrowsAsync<HubException>(() =>
            filter.OnConnectedAsync(new HubLifetimeContext(caller, app.Services, hub), _ => throw new AssertionException("must not connect")));

        Assert.That(refused!.Message, Does.StartWith("Your session has ended.").And.Contain(expected));
        Assert.That(onConnect!.Message, Is.EqualTo(refused.Message));
        if (hubType != typeof(RoomHub))
        {
            Assert.That(refused.Message, Does.Not.Contain("room"));
        }
    }
}
