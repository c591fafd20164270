using System.Net;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Profiles;

/// <summary>The member directory (opt-in, never health data) and the mentor directory with "ask this mentor".</summary>
public sealed class DirectoryTests
{
    [Test]
    public async Task TheDirectory_ListsOnlyMembersWhoOptedIn_AndNeverShowsTheirLivedExperience()
    {
        await using var world = await ForumWorld.CreateAsync();
        Assert.That((await world.Kit.GetPageAsync("/members")).Text(".empty-state"), Does.Contain("Nobody is listed yet."), "nobody is listed by default");
        TestApp.AssertRedirect(await world.App.NewBrowser().GetAsync("/members"), "/account/login");

        // Sam shares his lived experience with members on his profile, and lists himself in the directory.
        TestApp.AssertRedirect(await world.Sam.SubmitAsync("/account/profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Sam Jones", ["Input.Pronouns"] = "he/him", ["Input.Region"] = "Wales", ["Input.Interests"] = "co-production",
            ["Input.Consent"] = "true", ["Input.Conditions"] = "Type 1 diabetes", ["Input.ConditionsVisibility"] = "Members",
            ["Input.ServicesUsed"] = "Diabetes clinic", ["Input.ServicesUsedVisibility"] = "Members", ["Input.ListedInDirectory"] = "true",
        }, "main form[method=post]"), "/members/sam");
        Assert.That((await world.Kit.GetPageAsync("/members/sam")).Text("main"), Does.Contain("Type 1 diabetes"), "his profile shows it to members, as he chose");

        var directory = await world.Kit.GetPageAsync("/members");
        var html = directory.DocumentElement.OuterHtml;
        Assert.That(directory.QuerySelectorAll(".directory-name a").Select(a => a.TextContent.Trim()), Is.EqualTo(new[] { "Sam Jones" }));
        Assert.That(directory.Text(".card-grid"), Does.Contain("@sam").And.Contain("he/him").And.Contain("Wales").And.Contain("co-production"));
        Assert.That(html, Does.Not.Contain("Type 1 diabetes").And.Not.Contain("Diabetes clinic"), "health fields never reach the directory");

        Assert.That((await world.Kit.GetPageAsync("/members?q=wal")).QuerySelectorAll(".directory-name").Length, Is.EqualTo(1), "found by region");
        Assert.That((await world.Kit.GetPageAsync("/members?q=diabetes")).QuerySelectorAll(".directory-name").Length, Is.Zero, "never found by health data");
        Assert.That((await world.Kit.GetPageAsync("/members?q=100%25")).QuerySelectorAll(".directory-name").Length, Is.Zero, "a % is a character, not a wildcard");
        Assert.That((await world.Kit.GetPageAsync("/members?role=Mentor")).QuerySelectorAll(".directory-name").Length, Is.Zero);
        Assert.That((await world.Kit.GetAsync("/members?role=Admin&page=-4&q=" + new string('x', 500))).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Taking the tick away takes Sam out at once.
        TestApp.AssertRedirect(await world.Sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.ListedInDirectory"] = "false" },
            "main form[method=post]"), "/members/sam");
        Assert.That((await world.Kit.GetPageAsync("/members")).QuerySelectorAll(".directory-name").Length, Is.Zero);
    }

    [Test]
    public async Task TheMentorDirectory_ShowsWhoHasRoom_AndAskingOneMentor_PutsThemFirst()
    {
        var clock = new FakeClock();
        await using var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings());
        var world = await MentoringWorld.CreateAsync(app, clock);
        await world.MentorAsync("ann", ("Input.Summary", "Twenty years of board work"));
        await world.MentorAsync("bob", ("Input.IsPaused", "true"));
        await world.MentorAsync("cat");
        var sam = await world.MenteeAsync("sam");

        var all = await sam.GetPageAsync("/mentoring/mentors");
        Assert.That(all.QuerySelectorAll("h2.directory-name").Select(h => h.TextContent.Trim()), Is.EqualTo(new[] { "Member ann", "Member cat", "Member bob" }),
            "those with room first");
        Assert.That(all.Text("main"), Does.Contain("Twenty years of board work").And.Contain("Not taking mentees just now"));
        var withRoom = await sam.GetPageAsync("/mentoring/mentors?room=true&format=Telephone");
        Assert.That(withRoom.QuerySelectorAll("h2.directory-name").Select(h => h.TextContent.Trim()), Is.EqualTo(new[] { "Member ann", "Member cat" }));

        var catId = await world.IdOfAsync("cat");
        var ask = all.QuerySelectorAll("a.button").Single(a => a.TextContent.Contains("Member cat", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.That(ask, Is.EqualTo($"/mentoring/request?mentor={catId}"));
        Assert.That((await sam.GetPageAsync(ask)).Text(".notice"), Does.Contain("You chose Member cat"));
        var response = await sam.PostFormAsync(ask, "main form[method=post]", ("Input.Goals", "Speak up at board meetings"), ("Input.FocusAreas", "CoProduction"));
        TestApp.AssertRedirect(response, "/mentoring/requests/");
        var detail = await sam.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.That(detail.QuerySelectorAll("section.suggestion h3").First().TextContent.Trim(), Is.EqualTo("Member cat"));
        Assert.That(detail.QuerySelector($"select[name='Choose.Order[{catId}]'] option[selected]")?.GetAttribute("value"), Is.EqualTo("1"));
    }
}
