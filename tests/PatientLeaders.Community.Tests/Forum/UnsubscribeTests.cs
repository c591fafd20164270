using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Email;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>RFC 8058 one-click unsubscribe: works signed out, never on GET, only for the member and list in the token.</summary>
public sealed class UnsubscribeTests
{
    private static async Task<string> MentionKitAndGetLinkAsync(ForumWorld world, string title = "Hello")
    {
        await world.Sam.StartThreadAsync("general-chat", title, "Hi @kit");
        var mail = (await EmailNotificationTests.ForumMailToAsync(world.App, "kit@example.org"))[^1];
        return new Uri(EmailNotificationTests.UnsubscribeLink(mail)).PathAndQuery;
    }

    /// <summary>The member's two settings as "at once:digest", e.g. "1:Off".</summary>
    internal static Task<string> SettingsAsync(TestApp app, string handle) =>
        app.ScalarAsync<string>("SELECT CAST(EmailImmediately AS TEXT) || ':' || DigestFrequency FROM Members WHERE Handle = @Handle", new { Handle = handle });

    private static Task<string> SettingsAsync(ForumWorld world, string handle) => SettingsAsync(world.App, handle);

    private static FormUrlEncodedContent OneClick() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

    [Test]
    public async Task Get_SignedOut_ShowsAConfirmationButton_AndChangesNothing()
    {
        await using var world = await ForumWorld.CreateAsync();
        var link = await MentionKitAndGetLinkAsync(world);
        var scanner = world.App.NewBrowser();

        var page = await scanner.GetPageAsync(link);
        var again = await scanner.GetAsync(link);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Text("h1"), Is.EqualTo("Stop these emails"));
        Assert.That(page.QuerySelector("main form[method=post] button")?.TextContent, Is.EqualTo("Unsubscribe"));
        Assert.That(page.QuerySelector("main form input[name='List-Unsubscribe']")?.GetAttribute("value"), Is.EqualTo("One-Click"));
        Assert.That(page.Text("main"), Does.Contain("turns off only your setting “Email me at once when someone mentions me or replies to me”"));
        Assert.That(await SettingsAsync(world, "kit"), Is.EqualTo("1:Off"));
    }

    [Test]
    public async Task OneClickPost_FromAMailClient_WithoutSignInOrAntiforgery_UnsubscribesAtOnce()
    {
        await using var world = await ForumWorld.CreateAsync();
        var link = await MentionKitAndGetLinkAsync(world);
        var mailClient = world.App.NewBrowser();

        var response = await mailClient.PostAsync(link, OneClick());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await Forms.ParseAsync(response);
        Assert.That(page.Text("h1"), Is.EqualTo("You are unsubscribed"));
        Assert.That(page.QuerySelector(".notice[role=status]")?.TextContent, Does.Contain("when someone mentions you or replies to you"));
        Assert.That(page.Text("main"), Does.Contain("Your setting “Email me at once when someone mentions me or replies to me” is now off"));
        Assert.That(page.QuerySelector("main a[href='/account/settings']"), Is.Not.Null, "a way back to all the settings");
        Assert.That(await SettingsAsync(world, "kit"), Is.EqualTo("0:Off"));
        var before = (await EmailNotificationTests.ForumMailToAsync(world.App, "kit@example.org")).Count;
        await world.Sam.StartThreadAsync("general-chat", "After", "Still there @kit?");
        Assert.That((await EmailNotificationTests.ForumMailToAsync(world.App, "kit@example.org")).Count, Is.EqualTo(before), "no more mail");
    }

    [Test]
    public async Task ButtonOnTheConfirmationPage_Unsubscribes()
    {
        await using var world = await ForumWorld.CreateAsync();
        var link = await MentionKitAndGetLinkAsync(world);
        var response = await world.App.NewBrowser().SubmitAsync(link, new Dictionary<string, string>());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await SettingsAsync(world, "kit"), Is.EqualTo("0:Off"));
    }

    [Test]
    public async Task BadRequests_ChangeNothing_AndATamperedTokenLooksLikeAMissingPage()
    {
        await using var world = await ForumWorld.CreateAsync();
        var link = await MentionKitAndGetLinkAsync(world);
        var client = world.App.NewBrowser();
        var tampered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];

        Assert.That((await client.GetAsync(tampered)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.PostAsync(tampered, OneClick())).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.GetAsync("/unsubscribe/nonsense")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "Yes" }))).StatusCode,
            Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await SettingsAsync(world, "kit"), Is.EqualTo("1:Off"));
    }

    [Test]
    public async Task DigestLink_TurnsOffOnlyTheDigest_OfOnlyTheMemberInTheToken_AndMailAtOnceKeepsComing()
    {
        await using var world = await ForumWorld.CreateAsync();
        var tokens = world.App.Service<UnsubscribeTokens>();
        var kitId = await world.App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'kit'");
        var digestLink = "/unsubscribe/" + tokens.For(kitId, MailingLists.Digest);

        var off = await world.App.NewBrowser().GetPageAsync(digestLink);
        Assert.That(off.Text("main"), Does.Contain("“Digest of threads and categories you follow” is already off").And.Contain("Nothing needs doing"));

        foreach (var member in new[] { world.Kit, world.Sam })
        {
            TestApp.AssertRedirect(await member.SubmitAsync("/account/settings", new Dictionary<string, string> { ["Input.DigestFrequency"] = "Weekly" }), "/account/settings");
        }
        Assert.That(await SettingsAsync(world, "kit"), Is.EqualTo("1:Weekly"), "mentions at once and a weekly digest, both");
        var response = await world.App.NewBrowser().PostAsync(digestLink, OneClick());
        var done = await Forms.ParseAsync(response);
        Assert.That(done.Text("main"), Does.Contain("Your setting “Digest of threads and categories you follow” is now off"));
        Assert.That(await SettingsAsync(world, "kit"), Is.EqualTo("1:Off"), "only the digest");
        Assert.That(await SettingsAsync(world, "sam"), Is.EqualTo("1:Weekly"), "only the member in the token");

        var before = (await EmailNotificationTests.ForumMailToAsync(world.App, "kit@example.org")).Count;
        await world.Sam.StartThreadAsync("general-chat", "After the digest", "Still there @kit?");
        Assert.That((await EmailNotificationTests.ForumMailToAsync(world.App, "kit@example.org")).Count, Is.EqualTo(before + 1), "mentions still come at once");
    }

    [Test]
    public async Task ImmediateLink_TurnsOffOnlyMailAtOnce_AndTheDigestKeepsComing()
    {
        var clock = new FakeClock(FakeClock.DefaultStart);
        await using var world = await ForumWorld.CreateAsync(clock: clock);
        TestApp.AssertRedirect(await world.Kit.SubmitAsync("/account/settings", new Dictionary<string, string> { ["Input.DigestFrequency"] = "Daily" }), "/account/settings");
        var threadId = await world.Kit.StartThreadAsync("general-chat", "Kit's question", "Opening");
        var link = await MentionKitAndGetLinkAsync(world);

        await world.App.NewBrowser().PostAsync(link, OneClick());
        Assert.That(await SettingsAsync(world, "kit"), Is.EqualTo("0:Daily"), "the digest stays");
        var before = (await EmailNotificationTests.ForumMailToAsync(world.App, "kit@example.org")).Count;
        await world.Sam.ReplyAsync(threadId, "Answering @kit in a followed thread");
        Assert.That((await EmailNotificationTests.ForumMailToAsync(world.App, "kit@example.org")).Count, Is.EqualTo(before), "no mail at once");

        clock.SetUtcNow(FakeClock.DefaultStart.AddDays(1));
        Assert.That(await world.App.Service<ForumDigests>().SendDueAsync(CancellationToken.None), Is.EqualTo(1));
        var digest = await world.App.LastMailToAsync("kit@example.org");
        Assert.That(digest.Subject, Does.StartWith("Forum digest"));
        Assert.That(digest.TextBody, Does.Contain("Answering @kit in a followed thread"));
    }

    [Test]
    public void Antiforgery_IsSkippedOnlyByUnsubscribe_AndTheErrorPages()
    {
        var skipping = typeof(UnsubscribeModel).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null
                || t.GetMethods().Any(m => m.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null))
            .Select(t => t.FullName)
            .Order()
            .ToList();
        Assert.That(skipping, Is.EqualTo(new[]
        {
            "PatientLeaders.Community.Web.Features.Errors.StatusModel",
            "PatientLeaders.Community.Web.Features.Forum.Email.UnsubscribeModel",
        }));
    }
}
