using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Sets;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.ScaleOut;

/// <summary>
/// Two site processes on one SQLite database and one real redis-server (SignalR:Redis, DataProtection:Store =
/// Database), on different ports: members on either server are in one site.
/// </summary>
[NonParallelizable]
public sealed partial class TwoServersTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Test]
    public async Task TwoServers_OneDatabaseAndRedis_BehaveAsOneSite()
    {
        await using var redis = await RedisTestServer.StartAsync();
        await using var c = await SetCommunity.CreateAsync();
        // A quorum of two, with Sam on A and Priya on B: the meeting starts only if A sees who is on B.
        var setId = await c.Facilitator.CreateSetAsync("Across two servers", "faye", "sam, priya", quorum: 2);
        await c.Sam.AcceptRulesAsync(setId);
        await c.Priya.AcceptRulesAsync(setId);
        await c.Facilitator.ScheduleSoonAsync(setId);
        await c.Admin.CreateCategoryAsync("General chat");
        var threadId = await c.Sam.StartThreadAsync("general-chat", "Across two servers", "Does this reach everyone?");

        var mailFolder = Path.Combine(TestDatabase.RootFolder, "two-servers-mail-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Community"] = c.App.Database.ConnectionString,
            ["Database:Provider"] = "Sqlite",
            ["SignalR:Redis"] = redis.Configuration,
            ["DataProtection:Store"] = "Database",
            ["Mail:Transport"] = "PickupFolder",
            ["Mail:PickupFolder"] = mailFolder,
            ["Mail:SenderEnabled"] = "true",
            ["Mail:PollIntervalSeconds"] = "1",
            ["ForumNewMembers:FirstDayHours"] = "0",
            ["Community:BaseUrl"] = "http://127.0.0.1",
        };
        await using var a = await SiteProcess.StartAsync(settings);
        await using var b = await SiteProcess.StartAsync(settings);

        // A sign-in on A is valid on B.
        var (fayeA, fayeCookies) = await SignInAsync(a, "faye@example.org");
        var (samA, samCookies) = await SignInAsync(a, "sam@example.org");
        var (priyaB, priyaCookies) = await SignInAsync(b, "priya@example.org");
        using var samOnB = Browser(b, samCookies);
        Assert.That((await samOnB.GetAsync("/account/settings")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "Sam's cookie from A opens a members' page on B");

        // Room chat between A and B: every message once, in the same order everywhere.
        await using var facilitatorRoom = await HubAsync(a, RoomHub.Path, fayeCookies);
        await using var samRoom = await HubAsync(a, RoomHub.Path, samCookies);
        await using var priyaRoom = await HubAsync(b, RoomHub.Path, priyaCookies);
        var samSees = Collect(samRoom);
        var priyaSees = Collect(priyaRoom);
        var priyaRevoked = new TaskCompletionSource<long>();
        priyaRoom.On<long>("AccessRevoked", id => priyaRevoked.TrySetResult(id));
        await facilitatorRoom.InvokeAsync<JsonElement>("JoinRoom", setId);
        await samRoom.InvokeAsync<JsonElement>("JoinRoom", setId);
        var priyaSnapshot = await priyaRoom.InvokeAsync<RoomSnapshot>("JoinRoom", setId);
        Assert.That(priyaSnapshot.Presence.Count(p => p.Status == "here"), Is.EqualTo(3), "B sees Faye and Sam, connected to A, in the room");
        var started = await facilitatorRoom.InvokeAsync<RoomStateView>("StartMeeting", setId);
        Assert.That(started.PresentCount, Is.EqualTo(2), "A counts Priya, on B, towards the quorum");
        await facilitatorRoom.InvokeAsync<JsonElement>("StopSet", setId);
        for (var i = 1; i <= 5; i++)
        {
            await samRoom.InvokeAsync<JsonElement>("SendMessage", setId, Guid.NewGuid().ToString(), $"Sam on A, {i}");
            await priyaRoom.InvokeAsync<JsonElement>("SendMessage", setId, Guid.NewGuid().ToString(), $"Priya on B, {i}");
        }
        await WaitUntilAsync(() => samSees.Count >= 10 && priyaSees.Count >= 10, "ten messages on both servers");
        await Task.Delay(500);
        Assert.Multiple(() =>
        {
            Assert.That(samSees.Select(m => m.Seq), Is.Unique.And.Ordered, "exactly once, in order, on A");
            Assert.That(priyaSees.Select(m => m.Seq), Is.EqualTo(samSees.Select(m => m.Seq)), "the same messages in the same order on B");
            Assert.That(priyaSees, Has.Count.EqualTo(10));
        });

        // A forum reply posted on A reaches a reader on B live; mentions written on A and on B.
        await using var priyaForum = await HubAsync(b, ForumHub.Path, priyaCookies);
        var added = new TaskCompletionSource<long>();
        priyaForum.On<long, long, int>("PostAdded", (thread, post, _) => added.TrySetResult(thread));
        await priyaForum.InvokeAsync("JoinThread", threadId);
        await samA.ReplyAsync(threadId, "Posted on server A for @priya");
        Assert.That(await added.Task.WaitAsync(Soon), Is.EqualTo(threadId), "the reply on A reached the reader on B");
        await priyaB.ReplyAsync(threadId, "Answered on server B for @sam");

        // Removing Priya from the set on A takes her connection, held by B, out of the room.
        var priyaId = await c.MemberIdAsync("priya");
        var members = await fayeA.GetPageAsync($"/sets/{setId}/members");
        members.QuerySelectorAll("form[action*=Remove]").First(f => f.QuerySelector($"input[name=memberId][value='{priyaId}']") is not null).ClassList.Add("remove-priya");
        TestApp.AssertRedirect(await fayeA.SubmitAsync(members, $"/sets/{setId}/members", new Dictionary<string, string>(), "form.remove-priya"), $"/sets/{setId}/members");
        Assert.That(await priyaRevoked.Task.WaitAsync(Soon), Is.EqualTo(setId), "B told Priya's page at once");
        await samRoom.InvokeAsync<JsonElement>("SendMessage", setId, Guid.NewGuid().ToString(), "After Priya left");
        await WaitUntilAsync(() => samSees.Count >= 11, "Sam's message after the removal");
        await Task.Delay(500);
        Assert.That(priyaSees.Select(m => m.Body), Has.None.EqualTo("After Priya left"), "B no longer delivers the room to her");
        Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => priyaRoom.InvokeAsync<JsonElement>("SendMessage", setId, Guid.NewGuid().ToString(), "Still here?"));

        // Mail written on either server is sent once, though both servers send.
        await WaitUntilAsync(async () => await c.App.ScalarAsync<long>("SELECT COUNT(*) FROM MailOutbox WHERE SentAt IS NULL AND FailedAt IS NULL") == 0, "the outbox to empty");
        var sentRows = await c.App.ScalarAsync<long>("SELECT COUNT(*) FROM MailOutbox WHERE SentAt IS NOT NULL");
        var messageIds = Directory.GetFiles(mailFolder, "*.eml").Select(f => MessageId().Match(File.ReadAllText(f)).Groups[1].Value).ToList();
        await using (var connection = await c.App.Database.OpenAsync())
        {
            var mentions = (await connection.QueryAsync<string>("SELECT ToAddress FROM MailOutbox WHERE Subject LIKE '%mentioned you%'")).ToList();
            Assert.That(mentions, Is.EquivalentTo(new[] { "priya@example.org", "sam@example.org" }), "a mention written on A and one on B");
        }
        Assert.Multiple(() =>
        {
            Assert.That(messageIds, Has.Count.EqualTo(sentRows));
            Assert.That(messageIds, Is.Unique, "no message sent by both servers");
        });
    }

    private static HttpClient Browser(SiteProcess site, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = site.Address };

    private static async Task<(HttpClient Browser, CookieContainer Cookies)> SignInAsync(SiteProcess site, string email)
    {
        var cookies = new CookieContainer();
        var browser = Browser(site, cookies);
        TestApp.AssertRedirect(await browser.SignInAsync(email, Journeys.Password), "/");
        return (browser, cookies);
    }

    private static async Task<HubConnection> HubAsync(SiteProcess site, string path, CookieContainer cookies)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(site.Address, path), o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static ConcurrentQueue<RoomMessageView> Collect(HubConnection room)
    {
        var seen = new ConcurrentQueue<RoomMessageView>();
        room.On<RoomMessageView>("MessagePosted", seen.Enqueue);
        return seen;
    }

    private static Task WaitUntilAsync(Func<bool> done, string what) => WaitUntilAsync(() => Task.FromResult(done()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting for " + what);
            }
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"(?im)^Message-Id:\s*(<[^>]+>)")]
    private static partial Regex MessageId();
}
