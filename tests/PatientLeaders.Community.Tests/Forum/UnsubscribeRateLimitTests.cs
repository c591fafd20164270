using System.Net;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Email;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>The unsubscribe page is open to anyone, so every request to it counts against a per-address budget.</summary>
public sealed class UnsubscribeRateLimitTests
{
    [Test]
    public async Task UnsubscribeRequests_BeyondThePerAddressLimit_GetThe429Page_GetAndPostAlike()
    {
        await using var world = await ForumWorld.CreateAsync(new Dictionary<string, string?> { ["RateLimits:UnsubscribePerMinute"] = "3" });
        var kitId = await world.App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'kit'");
        var link = "/unsubscribe/" + world.App.Service<UnsubscribeTokens>().For(kitId, MailingLists.Immediate);
        var client = world.App.NewBrowser();

        Assert.That((await client.GetAsync(link)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/unsubscribe/guessed-token")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "guesses count too");
        Assert.That((await client.GetAsync(link)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var limitedGet = await client.GetAsync(link);
        var limitedPost = await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));

        foreach (var limited in new[] { limitedGet, limitedPost })
        {
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
            var page = await Forms.ParseAsync(limited);
            Assert.That(page.Text("h1"), Is.EqualTo("Please wait a moment"));
            Assert.That(page.Text("main"), Does.Not.Contain("Exception"));
            Assert.That(page.Text("main"), Does.Contain("Too many unsubscribe requests from your network just now")
                .And.Contain("your email settings have not changed").And.Not.Contain("Nothing you typed"));
        }
        Assert.That(await world.App.ScalarAsync<bool>("SELECT EmailImmediately FROM Members WHERE Id = @kitId", new { kitId }), Is.True,
            "a limited post changes nothing");
        Assert.That((await world.Kit.GetAsync("/forum")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "other pages are not limited");
    }
}
