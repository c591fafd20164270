using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.BrowserTests.Sets;

public sealed partial class RoomBrowserTests
{
    /// <summary>
    /// A whole meeting in which Priya presents and commits to an action, then the next meeting, where she reviews it
    /// and sees that her report is saved: on the page, not only in the status region.
    /// </summary>
    [Test]
    public async Task ActionCommittedInOneMeeting_IsReviewedInTheNext_WithAVisibleConfirmation()
    {
        await using var browser = await Chromium.LaunchAsync();
        await using var community = await LiveCommunity.StartAsync();
        var csp = new List<string>();
        var (faye, sam, priya) = await ThreeAtTheBidsAsync(community, browser, csp);
        await ClickAsync(priya, "Send my bid");
        await ClickAsync(sam, "No time today");
        await Assertions.Expect(faye.Locator("#bids")).ToContainTextAsync("Sam: no time today");
        await ClickAsync(faye, "Propose: presenters in the order they bid");
        await Assertions.Expect(priya.Locator("#allocation")).ToContainTextAsync("Priya");
        foreach (var phase in new[] { "Presentation", "Clarifying questions", "Open questions", "Action commitment" })
        {
            await ClickAsync(faye, "Move on");
            await ExpectPhaseAsync(priya, phase);
        }
        await priya.GetByLabel("Your action").FillAsync("Ask the board chair for ten minutes at the next meeting");
        await ClickAsync(priya, "Record my action");
        await Assertions.Expect(sam.Locator("#actions-now")).ToContainTextAsync("Priya: Ask the board chair");
        foreach (var phase in new[] { "Reflection", "Process review", "Check-out round" })
        {
            await ClickAsync(faye, "Move on");
            await ExpectPhaseAsync(sam, phase);
        }
        await ClickAsync(faye, "Move on");
        await ClickAsync(faye, "Close the meeting");
        await ExpectPhaseAsync(sam, "Closed");

        // The next meeting, a day later: after the check-in, the review of previous actions.
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        TestApp.AssertRedirect(await community.Client("faye").SubmitAsync($"/sets/{community.SetId}/meetings/new", new Dictionary<string, string>
        {
            ["Input.Date"] = date, ["Input.Time"] = "10:00", ["Input.TimeZone"] = "Europe/London", ["Input.DurationMinutes"] = "180",
        }), $"/sets/{community.SetId}");
        foreach (var page in new[] { faye, sam, priya })
        {
            await page.ReloadAsync();
            await ExpectPhaseAsync(page, "Lobby");
        }
        await ExpectPresenceAsync(faye, "Priya: here");
        await ClickAsync(faye, "Start the meeting");
        await ExpectPhaseAsync(priya, "Opening");
        await ClickAsync(faye, "Move on");
        await ExpectPhaseAsync(priya, "Check-in round");
        await ClickAsync(faye, "Move on");
        await ClickAsync(faye, "Move on");
        await ExpectPhaseAsync(priya, "Review of previous actions");

        await Assertions.Expect(priya.Locator("#review-list")).ToContainTextAsync("Ask the board chair for ten minutes at the next meeting");
        await Assertions.Expect(sam.Locator("#review-area")).ToBeHiddenAsync();
        await priya.GetByLabel("How did it go?").SelectOptionAsync(new SelectOptionValue { Label = "Partly done" });
        await priya.GetByLabel("Note (optional)").FillAsync("She offered five minutes");
        await ClickAsync(priya, "Save");
        var saved = priya.Locator("#review-list .saved-note");
        await Assertions.Expect(saved).ToBeVisibleAsync();
        await Assertions.Expect(saved).ToHaveTextAsync("Your report is saved.");
        await Assertions.Expect(priya.Locator("#review-list")).ToContainTextAsync("now: Partly done");
        await priya.AssertAccessibleAsync("review of previous actions, report saved");
        Assert.That(csp, Is.Empty, "CSP violations");
    }
}
