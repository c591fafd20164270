using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Localization;

public sealed partial class PseudoLocaleTests
{
    /// <summary>
    /// Private messages: the list (empty and with a conversation), writing one (empty, refused, sent), a conversation,
    /// reporting a message, the moderators' reports and one report (with its error), blocking and the blocked list,
    /// a message refused after a block, and the header's two badges.
    /// </summary>
    [Test]
    public async Task MessagesPages_ShowNoTextThatSkippedTheResources()
    {
        await using var app = await PseudoAppAsync();
        var admin = await app.SetUpAdminAsync();
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var kit = await app.InviteMemberAsync(admin, "kit@example.org", "kit");
        // Names, handles, initials and what the members wrote are theirs, not the site's.
        string[] own = ["Alex Admin", "@admin", "AA", "Member sam", "@sam", "Member kit", "@kit", "MS", "MK", "A hard week", "Thinking of you",
            "Reply words", "Note words", "Again words", "nobody-here"];

        async Task CheckAsync(HttpResponseMessage response, string what, string selector = "main")
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), what);
            AssertAllPseudo(await Forms.ParseAsync(response), selector, what, own);
        }

        await CheckAsync(await sam.GetAsync("/messages"), "no conversations");
        await CheckAsync(await sam.GetAsync("/messages/new?to=kit"), "a new message");
        await CheckAsync(await sam.SubmitAsync("/messages/new", new Dictionary<string, string> { ["Input.To"] = "nobody-here", ["Input.Body"] = "" }),
            "a new message refused");
        var sent = await sam.SubmitAsync("/messages/new", new Dictionary<string, string>
        {
            ["Input.To"] = "kit", ["Input.Subject"] = "A hard week", ["Input.Body"] = "Thinking of you",
        });
        TestApp.AssertRedirect(sent, "/messages/");
        var conversation = sent.Headers.Location!.OriginalString.Split('#')[0];
        await CheckAsync(await sam.GetAsync("/messages"), "a conversation listed");
        await CheckAsync(await kit.GetAsync("/messages/badge"), "the messages badge", "body");
        await CheckAsync(await kit.GetAsync("/notifications/badge"), "the notifications badge", "body");
        TestApp.AssertRedirect(await kit.SubmitAsync(conversation, new Dictionary<string, string> { ["Body"] = "Reply words" }, "#message-form"), conversation);
        await CheckAsync(await kit.GetAsync(conversation), "a conversation");
        await CheckAsync(await kit.SubmitAsync(conversation, new Dictionary<string, string> { ["Body"] = "" }, "#message-form"), "an empty reply refused");

        var message = await app.ScalarAsync<long>("SELECT Id FROM DirectMessages WHERE Body = 'Thinking of you'");
        await CheckAsync(await kit.GetAsync($"/messages/report/{message}"), "reporting a message");
        TestApp.AssertRedirect(await kit.SubmitAsync($"/messages/report/{message}", new Dictionary<string, string> { ["Note"] = "Note words" }), conversation);
        await CheckAsync(await admin.GetAsync("/messages/reports"), "reported messages");
        var report = (await admin.GetPageAsync("/messages/reports")).QuerySelector("main a[href^='/messages/reports/']")!.GetAttribute("href")!;
        await CheckAsync(await admin.GetAsync(report), "one report");
        await CheckAsync(await admin.SubmitAsync(report, new Dictionary<string, string>()), "resolving without a note refused");

        await kit.SubmitAsync(conversation, new Dictionary<string, string>(), "form[action*=Block]");
        await CheckAsync(await kit.GetAsync(conversation), "after blocking");
        await CheckAsync(await kit.GetAsync("/messages/blocked"), "blocked members");
        await CheckAsync(await sam.SubmitAsync(conversation, new Dictionary<string, string> { ["Body"] = "Again words" }, "#message-form"), "a message refused after a block");
    }
}
