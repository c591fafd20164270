using System.Net;
using Dapper;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Sets;

namespace PatientLeaders.Community.Tests.Sets;

public sealed class SetsTests
{
    [Test]
    public async Task CreateSet_ByFacilitator_MembersSeeIt_OutsidersGet404()
    {
        await using var c = await SetCommunity.CreateAsync();

        var list = await c.Sam.GetPageAsync("/sets");
        Assert.That(list.Text(".set-list"), Does.Contain("Stroke leaders").And.Not.Contain("Other set"));
        var details = await c.Sam.GetPageAsync($"/sets/{c.SetId}");
        Assert.That(details.Text("h1"), Is.EqualTo("Stroke leaders"));
        Assert.That(details.Text("main"), Does.Contain("Confidentiality").And.Contain("Member sam").And.Contain("Member priya"));
        Assert.That((await c.Outsider.GetAsync($"/sets/{c.SetId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var facilitatorList = await c.Facilitator.GetPageAsync("/sets");
        Assert.That(facilitatorList.Text(".set-list"), Does.Contain("Stroke leaders").And.Contain("Other set"));
        var coordinatorList = await c.Coordinator.GetPageAsync("/sets");
        Assert.That(coordinatorList.Text("table"), Does.Contain("Stroke leaders").And.Contain("Other set"));
    }

    [Test]
    public async Task MySets_EachSetOnce_WhetherFacilitatingOrMember_AndFoundThroughIndexesNotAScanOfEverySet()
    {
        await using var c = await SetCommunity.CreateAsync();
        var sets = c.App.Service<SetStore>();
        var faye = await c.MemberIdAsync("faye");
        var sam = await c.MemberIdAsync("sam");
        // Faye facilitates both sets and is also added as a member of one: it is still listed once.
        Assert.That(await sets.AddMemberAsync(c.SetId, faye, CancellationToken.None), Is.True);
        await c.Facilitator.CreateSetAsync("Another set", "faye", "sam", quorum: 1);

        Assert.That((await sets.MySetsAsync(faye, CancellationToken.None)).Select(s => s.Name),
            Is.EqualTo(new[] { "Another set", "Other set", "Stroke leaders" }));
        Assert.That((await sets.MySetsAsync(sam, CancellationToken.None)).Select(s => s.Name), Is.EqualTo(new[] { "Another set", "Stroke leaders" }));
        Assert.That(await sets.MySetsAsync(await c.MemberIdAsync("cora"), CancellationToken.None), Is.Empty);

        // Read from the member's own rows, not by looking at every set: with the statistics of the generated community
        // (100 sets, 800 memberships), an OR across the two scanned every set.
        await using var connection = await c.App.Database.OpenAsync();
        await connection.ExecuteAsync("""
            ANALYZE;
            DELETE FROM sqlite_stat1 WHERE tbl IN ('Sets', 'SetMembers');
            INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('Sets', 'IX_Sets_FacilitatorId', '100 1'),
                ('SetMembers', 'IX_SetMembers_MemberId', '800 1 1'), ('SetMembers', 'sqlite_autoindex_SetMembers_1', '800 8 1');
            ANALYZE sqlite_schema;
            """);
        var plan = string.Join(" | ", (await connection.QueryAsync("EXPLAIN QUERY PLAN " + SetsSql.SelectMySets,
            new { MemberId = sam, Since = DateTimeOffset.UtcNow })).Select(r => (string)r.detail));
        Assert.That(plan, Does.Not.Match(@"SCAN (s|Sets)\b"), plan);
        Assert.That(plan, Does.Contain("SEARCH s USING INTEGER PRIMARY KEY"), plan);
    }

    [Test]
    public async Task CreateSet_ByPlainMember_Is404_AndInvalidInputKeepsText()
    {
        await using var c = await SetCommunity.CreateAsync();
        Assert.That((await c.Sam.GetAsync("/sets/new")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var response = await c.Facilitator.SubmitAsync("/sets/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kept name",
            ["Input.Purpose"] = "Kept purpose",
            ["Input.FacilitatorHandle"] = "sam",
            ["Input.MemberHandles"] = "priya, nobody-here",
            ["Input.Quorum"] = "2",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await Forms.ParseAsync(response);
        Assert.That(page.ErrorSummary(), Does.Contain("@sam does not have the facilitator role").And.Contain("There is no member with the handle @nobody-here"));
        Assert.That(page.QuerySelector("#Input_Name")!.GetAttribute("value"), Is.EqualTo("Kept name"));
        Assert.That(page.Title, Does.StartWith("Error: "));
    }

    [Test]
    public async Task GroundRules_AcceptanceRecorded_AndChangedRulesAskAgain()
    {
        await using var c = await SetCommunity.CreateAsync();
        var room = await c.Sam.GetPageAsync($"/sets/{c.SetId}/room");
        Assert.That(room.Text("main"), Does.Contain("Before you join: the ground rules"));
        Assert.That(room.QuerySelector("#chat-log"), Is.Null);

        await c.Sam.AcceptRulesAsync(c.SetId);
        room = await c.Sam.GetPageAsync($"/sets/{c.SetId}/room");
        Assert.That(room.QuerySelector("#chat-log[role=log]"), Is.Not.Null);
        Assert.That(await c.App.ScalarAsync<long>("SELECT COUNT(*) FROM GroundRuleAcceptances WHERE SetId = @SetId AND Version = 1", new { c.SetId }), Is.EqualTo(1));

        var edit = await c.Facilitator.SubmitAsync($"/sets/{c.SetId}/edit", new Dictionary<string, string> { ["Input.GroundRules"] = "- Be kind.\n- Phones away." });
        TestApp.AssertRedirect(edit, $"/sets/{c.SetId}");
        room = await c.Sam.GetPageAsync($"/sets/{c.SetId}/room");
        Assert.That(room.Text("main"), Does.Contain("have changed").And.Contain("Phones away"));
        await c.Sam.AcceptRulesAsync(c.SetId);
        Assert.That(await c.App.ScalarAsync<long>("SELECT MAX(Version) FROM GroundRuleAcceptances WHERE SetId = @SetId", new { c.SetId }), Is.EqualTo(2));
    }

    [Test]
    public async Task Membership_AddAndRemove_ChangesVisibility()
    {
        await using var c = await SetCommunity.CreateAsync();
        var add = await c.Facilitator.SubmitAsync($"/sets/{c.SetId}/members", new Dictionary<string, string> { ["Input.Handle"] = "olly" }, "form[action*=Add]");
        TestApp.AssertRedirect(add, $"/sets/{c.SetId}/members");
        Assert.That((await c.Outsider.GetAsync($"/sets/{c.SetId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var ollyId = await c.MemberIdAsync("olly");
        var members = await c.Facilitator.GetPageAsync($"/sets/{c.SetId}/members");
        var removeForm = members.QuerySelectorAll("form[action*=Remove]").First(f => f.QuerySelector($"input[name=memberId][value='{ollyId}']") is not null);
        removeForm.ClassList.Add("remove-olly");
        var removed = await c.Facilitator.SubmitAsync(members, $"/sets/{c.SetId}/members", new Dictionary<string, string>(), "form.remove-olly");
        TestApp.AssertRedirect(removed, $"/sets/{c.SetId}/members");
        Assert.That((await c.Outsider.GetAsync($"/sets/{c.SetId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ScheduleMeeting_QueuesInvitationWithIcs_ToEveryMemberAndFacilitator()
    {
        var clock = new FakeClock();
        await using var c = await SetCommunity.CreateAsync(clock);
        var response = await c.Facilitator.ScheduleAsync(c.SetId, new DateOnly(2030, 3, 4), new TimeOnly(10, 0), "Europe/Paris", 150);
        TestApp.AssertRedirect(response, $"/sets/{c.SetId}");

        await using var connection = await c.App.Database.OpenAsync();
        var rows = (await connection.QueryAsync<(string ToAddress, string Subject, string TextBody, string? CalendarAttachment)>(
            "SELECT ToAddress, Subject, TextBody, CalendarAttachment FROM MailOutbox WHERE Subject LIKE 'Invitation:%' ORDER BY ToAddress")).ToList();
        Assert.That(rows.Select(r => r.ToAddress), Is.EqualTo(new[] { "faye@example.org", "priya@example.org", "sam@example.org" }));
        var sam = rows.Single(r => r.ToAddress == "sam@example.org");
        Assert.That(sam.TextBody, Does.Contain("Monday 4 March 2030, 10:00 (Europe/Paris)").And.Contain("09:00 UTC").And.Contain($"/sets/{c.SetId}/room"));
        Assert.That(sam.CalendarAttachment, Does.Contain("BEGIN:VEVENT").And.Contain("DTSTART:20300304T090000Z").And.Contain("DTEND:20300304T113000Z")
            .And.Contain("mailto:sam@example.org").And.Contain("METHOD:REQUEST"));
        Assert.That(sam.TextBody, Does.Not.Contain("Learning together"), "no set content beyond its name in mail");

        var details = await c.Sam.GetPageAsync($"/sets/{c.SetId}");
        Assert.That(details.QuerySelector("time[data-local-time]")!.GetAttribute("datetime"), Is.EqualTo("2030-03-04T09:00:00Z"));
        var home = await c.Sam.GetPageAsync("/");
        Assert.That(home.Text(".dashboard-sets"), Does.Contain("Next meeting: Stroke leaders"));
    }

    [Test]
    public async Task ScheduleMeeting_InThePastOrInvalidZone_ShowsErrors()
    {
        var clock = new FakeClock();
        await using var c = await SetCommunity.CreateAsync(clock);
        var response = await c.Facilitator.ScheduleAsync(c.SetId, new DateOnly(2029, 1, 1), new TimeOnly(10, 0), "Mars/Olympus");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await Forms.ParseAsync(response);
        Assert.That(page.ErrorSummary(), Does.Contain("Choose a time zone from the list"));
        Assert.That((await c.Sam.GetAsync($"/sets/{c.SetId}/meetings/new")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Reminders_QueuedOnceTheDayBefore_NeverTwice()
    {
        var clock = new FakeClock();
        await using var c = await SetCommunity.CreateAsync(clock);
        await c.Facilitator.ScheduleAsync(c.SetId, new DateOnly(2030, 1, 20), new TimeOnly(10, 0), "UTC");
        var meetings = c.App.Service<MeetingStore>();
        Assert.That(await meetings.QueueDueRemindersAsync(CancellationToken.None), Is.EqualTo(0), "too early");

        clock.SetUtcNow(new DateTimeOffset(2030, 1, 19, 11, 0, 0, TimeSpan.Zero));
        var results = await Task.WhenAll(meetings.QueueDueRemindersAsync(CancellationToken.None), meetings.QueueDueRemindersAsync(CancellationToken.None));
        Assert.That(results.Sum(), Is.EqualTo(1));
        Assert.That(await meetings.QueueDueRemindersAsync(CancellationToken.None), Is.EqualTo(0));
        Assert.That(await c.App.ScalarAsync<long>("SELECT COUNT(*) FROM MailOutbox WHERE Subject LIKE 'Reminder:%'"), Is.EqualTo(3));
    }

    [Test]
    public async Task MeetingSoonerThanTheReminderWindow_GetsNoSeparateReminder()
    {
        var clock = new FakeClock();
        await using var c = await SetCommunity.CreateAsync(clock);
        await c.Facilitator.ScheduleAsync(c.SetId, new DateOnly(2030, 1, 14), new TimeOnly(18, 0), "UTC");
        Assert.That(await c.App.Service<MeetingStore>().QueueDueRemindersAsync(CancellationToken.None), Is.EqualTo(0));
    }
}
