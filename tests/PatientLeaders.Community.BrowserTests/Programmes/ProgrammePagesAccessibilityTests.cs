using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.BrowserTests.Sets;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Programmes;

/// <summary>
/// Every programme and set page the journey does not walk through, with data in it, checked with axe in real
/// Chromium: the coordinators' pages (participants with a certificate, dates, trios, questions, reports, paid
/// delivery), materials and their upload form with its errors, the questionnaire, the goals, and the sets' own pages.
/// </summary>
[NonParallelizable]
public sealed class ProgrammePagesAccessibilityTests
{
    [Test]
    public async Task EveryProgrammeAndSetPage_HasNoAxeViolations()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var site = community.Site;
        var admin = community.Client("admin");
        await ProgrammeJourneyTests.RecordAccreditationAsync(admin, "faye", "Facilitator", DateOnly.FromDateTime(DateTime.UtcNow));
        var programme = await admin.SubmitAsync("/programmes/manage/programme", new Dictionary<string, string>
        {
            ["Input.Title"] = "Partners in change", ["Input.Kind"] = "Partnership", ["Input.Summary"] = "A trio programme.", ["Input.Aims"] = "- Learn together",
            ["Input.WhoFor"] = "Trios from one organisation.", ["Input.MinSessions"] = "1", ["Input.MinCoachingCalls"] = "0", ["Input.IsPublished"] = "true",
        });
        var slug = programme.Headers.Location!.OriginalString.Split('/')[^1];
        var soon = DateTime.UtcNow.AddDays(2);
        var cohort = await admin.SubmitAsync($"/programmes/manage/{slug}/cohorts/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Autumn", ["Input.Places"] = "6", ["Input.FacilitatorHandles"] = "faye", ["Input.Sessions[0].Kind"] = "Workshop",
            ["Input.Sessions[0].Date"] = soon.ToString("yyyy-MM-dd"), ["Input.Sessions[0].Time"] = "10:00",
        });
        var cohortId = cohort.Headers.Location!.OriginalString.Split('/')[^1];
        TestApp.AssertRedirect(await community.Client("sam").SubmitAsync($"/programmes/cohorts/{cohortId}/apply", new Dictionary<string, string>
        {
            ["Input.Why"] = "To learn with my trust", ["Input.Change"] = "Discharge", ["Input.TakingPartAs"] = "PatientLeader", ["Input.Organisation"] = "Northshire",
        }), "/programmes/applications");
        var manage = $"/programmes/manage/cohorts/{cohortId}";
        TestApp.AssertRedirect(await admin.SubmitAsync(manage, new Dictionary<string, string>(), "section form[action*=Offer]"), manage);
        TestApp.AssertRedirect(await community.Client("sam").SubmitAsync("/programmes/applications", new Dictionary<string, string>(), "form[action*=Accept]"),
            "/programmes/applications");

        var (_, coordinator, csp) = await community.BrowserAsync(browser, "admin");
        var (_, sam, samCsp) = await community.BrowserAsync(browser, "sam");
        var (_, faye, fayeCsp) = await community.BrowserAsync(browser, "faye");
        foreach (var path in new[]
        {
            manage + "/participants", manage + "/sessions", manage + "/trios", manage + "/delivery", $"/programmes/manage/programme/{slug}/questions",
            $"/programmes/manage/{slug}/report", $"/programmes/manage/{slug}/report/{cohortId}", $"/programmes/manage/{slug}/cohorts/new", "/impact/goals", "/impact",
            $"/programmes/cohorts/{cohortId}/materials",
        })
        {
            await coordinator.GotoAsync(site.BaseUrl + path);
            await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await coordinator.AssertAccessibleAsync(path);
        }
        await coordinator.GotoAsync(site.BaseUrl + $"/programmes/cohorts/{cohortId}/materials/upload");
        await coordinator.AssertAccessibleAsync("add material");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Add the material" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".error-summary")).ToBeFocusedAsync();
        await coordinator.AssertAccessibleAsync("add material, with errors");
        await coordinator.AssertReflowsAt320Async();

        var applicationId = await ApplicationIdAsync(sam, site.BaseUrl);
        foreach (var path in new[] { "/programmes/outcomes", $"/programmes/outcomes/{applicationId}/Start", "/programmes/applications" })
        {
            await sam.GotoAsync(site.BaseUrl + path);
            await Assertions.Expect(sam.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await sam.AssertAccessibleAsync(path);
        }
        await sam.AssertReflowsAt320Async();

        var setId = community.SetId;
        foreach (var path in new[] { "/sets", $"/sets/{setId}", $"/sets/{setId}/members", $"/sets/{setId}/attendance", "/sets/new", $"/sets/{setId}/edit", $"/sets/{setId}/meetings/new" })
        {
            await faye.GotoAsync(site.BaseUrl + path);
            await Assertions.Expect(faye.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await faye.AssertAccessibleAsync(path);
        }
        Assert.That(csp.Concat(samCsp).Concat(fayeCsp), Is.Empty, "CSP violations");
    }

    private static async Task<string> ApplicationIdAsync(IPage sam, string baseUrl)
    {
        await sam.GotoAsync(baseUrl + "/programmes/applications");
        var id = await sam.Locator("section.card h2").First.GetAttributeAsync("id");
        return id!.Split('-')[^1];
    }
}
