using Dapper;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Moderation;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>Moderators hear of a report at once: a badge, a notification and an email; a worried report is urgent.</summary>
public sealed class ReportAlertTests
{
    [Test]
    public async Task WorriedReport_EmailsEveryModeratorAndTheOnCall_AsUrgent_AndShowsTheBadge()
    {
        await using var world = await ForumWorld.CreateAsync(new Dictionary<string, string?> { ["Moderation:OnCall"] = "@lee, nobody-by-this-name" });
        var moderator = await world.App.InviteMemberAsync(world.Admin, "moe@example.org", "moe", Roles.Moderator);
        await moderator.TurnOnTwoFactorAsync();
        await world.App.InviteMemberAsync(world.Admin, "lee@example.org", "lee");
        var threadId = await world.Sam.StartThreadAsync("general-chat", "A bad day", "I can't cope any more");
        var postId = await world.App.OpeningPostIdAsync(threadId);
        var before = (await world.App.MailAsync()).Count;

        Assert.That((await moderator.GetPageAsync("/forum")).Text("#moderation-badge"), Is.EqualTo("Moderation"), "no reports, no count");
        await world.Kit.SubmitAsync($"/forum/p/{postId}/flag", new Dictionary<string, string> { ["Input.Reason"] = "Worried", ["Input.Note"] = "Sounds low" });

        var mail = (await world.App.MailAsync()).Skip(before).ToList();
        Assert.That(mail.Select(m => m.ToAddress), Is.EquivalentTo(new[] { "admin@example.org", "moe@example.org", "lee@example.org" }));
        Assert.That(mail.Select(m => m.Subject), Is.All.EqualTo("URGENT: a member may be at risk (A bad day)"));
        Assert.That(mail[0].TextBody, Does.Contain("/forum/moderation").And.Not.Contain("Sounds low").And.Not.Contain("cope"),
            "the email links to the queue; it carries neither the post nor the note");

        var badge = (await moderator.GetPageAsync("/forum")).Text("#moderation-badge");
        Assert.That(badge, Does.Contain("1 open report").And.Contain("1 urgent"));
        var notifications = await moderator.GetPageAsync("/notifications");
        Assert.That(notifications.Text(".notification-list"), Does.Contain("Urgent").And.Contain("is worried about someone who wrote in").And.Contain("A bad day"));
        Assert.That((await world.Kit.GetPageAsync("/forum")).QuerySelector("#moderation-badge"), Is.Null, "members have no moderation link");

        // An ordinary report goes to the moderators only, and is not urgent.
        var reply = await world.Sam.ReplyAsync(threadId, "Something unkind");
        before = (await world.App.MailAsync()).Count;
        await world.Kit.SubmitAsync($"/forum/p/{reply}/flag", new Dictionary<string, string> { ["Input.Reason"] = "Unkind" });
        mail = (await world.App.MailAsync()).Skip(before).ToList();
        Assert.That(mail.Select(m => m.ToAddress), Is.EquivalentTo(new[] { "admin@example.org", "moe@example.org" }));
        Assert.That(mail.Select(m => m.Subject), Is.All.EqualTo("A post has been reported (A bad day)"));
        Assert.That((await moderator.GetPageAsync("/forum")).Text("#moderation-badge"), Does.Contain("2 open reports").And.Contain("1 urgent"));
        var queue = await moderator.GetPageAsync("/forum/moderation");
        Assert.That(queue.QuerySelectorAll(".flag-list > li").First().ClassName, Does.Contain("flag-worried"), "the urgent report comes first");
    }

    [Test]
    public async Task AReport_ItsNotificationsAndItsEmails_AreOneTransaction()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Checked", "Opening");
        var postId = await world.App.OpeningPostIdAsync(threadId);
        var kitId = await world.App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'kit'");
        var access = world.App.Service<ForumAccess>();
        var context = await access.PostAsync(postId, new ForumViewer(kitId, new HashSet<string> { Roles.Member }), CancellationToken.None);

        // The outbox refuses a header that is not one line, so the admin's email fails part-way through the report.
        await using (var connection = await world.App.Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE Members SET DisplayName = 'Alex\nAdmin' WHERE Handle = 'admin'");
        }
        Assert.That(async () => await world.App.Service<ModerationStore>().FlagAsync(context!, kitId, FlagReasons.Unkind, "", CancellationToken.None), Throws.Exception);
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM PostFlags"), Is.Zero);
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Notifications WHERE Kind = 'Report'"), Is.Zero);

        await using (var connection = await world.App.Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE Members SET DisplayName = 'Alex Admin' WHERE Handle = 'admin'");
        }
        await world.App.Service<ModerationStore>().FlagAsync(context!, kitId, FlagReasons.Unkind, "", CancellationToken.None);
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM PostFlags"), Is.EqualTo(1));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Notifications WHERE Kind = 'Report'"), Is.EqualTo(1));
        Assert.That((await world.App.MailAsync()).Count(m => m.Subject.StartsWith("A post has been reported", StringComparison.Ordinal)), Is.EqualTo(1));
    }
}
