using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Forum;

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

    private static Task<string> FrequencyAsync(ForumWorld world, string handle) =>
        world.App.ScalarAsync<string>("SELECT EmailFrequency FROM Members WHERE Handle = @Handle", new { Handle = handle });

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
        Assert.That(await FrequencyAsync(world, "kit"), Is.EqualTo("Immediately"));
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
        Assert.That(page.QuerySelector(".notice[role=status]")?.TextContent, Does.Contain("mentions and replies"));
        Assert.That(await FrequencyAsync(world, "kit"), Is.EqualTo("Off"));
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
        Assert.That(await FrequencyAsync(world, "kit"), Is.EqualTo("Off"));
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
        Assert.That(await FrequencyAsync(world, "kit"), Is.EqualTo("Immediately"));
    }

    [Test]
    public async Task TokenNamesOneMemberAndOneList_ADigestLinkNeverUndoesALaterChoice()
    {
        await using var world = await ForumWorld.CreateAsync();
        var tokens = world.App.Service<UnsubscribeTokens>();
        var kitId = await world.App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'kit'");
        var digestLink = "/unsubscribe/" + tokens.For(kitId, MailingLists.Digest);

        var page = await world.App.NewBrowser().GetPageAsync(digestLink);
        Assert.That(page.Text("main"), Does.Contain("Nothing needs doing"));
        await world.App.NewBrowser().PostAsync(digestLink, OneClick());
        Assert.That(await FrequencyAsync(world, "kit"), Is.EqualTo("Immediately"), "kit chose immediate mail after that digest was sent");
        Assert.That(await FrequencyAsync(world, "sam"), Is.EqualTo("Immediately"));

        TestApp.AssertRedirect(await world.Kit.SubmitAsync("/account/settings", new Dictionary<string, string> { ["Input.EmailFrequency"] = "WeeklyDigest" }), "/account/settings");
        await world.App.NewBrowser().PostAsync(digestLink, OneClick());
        Assert.That(await FrequencyAsync(world, "kit"), Is.EqualTo("Off"));
        Assert.That(await FrequencyAsync(world, "sam"), Is.EqualTo("Immediately"), "only the member in the token");
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
            "PatientLeaders.Community.Web.Features.Forum.UnsubscribeModel",
        }));
    }
}
