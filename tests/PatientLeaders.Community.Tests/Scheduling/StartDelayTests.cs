using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Involvement;
using PatientLeaders.Community.Web.Features.Mentoring;
using PatientLeaders.Community.Web.Features.Programmes;
using PatientLeaders.Community.Web.Features.Sets;
using PatientLeaders.Community.Web.Infrastructure.Retention;

namespace PatientLeaders.Community.Tests.Scheduling;

/// <summary>
/// The background jobs hold back for Scheduling:StartDelaySeconds after the site starts, so that the first pages after
/// a restart are served at once; with no delay they make their first pass straight away.
/// </summary>
public sealed class StartDelayTests
{
    private static readonly Type[] Jobs =
        [typeof(RetentionPurge), typeof(MentoringScheduler), typeof(ProgrammeScheduler), typeof(InvolvementScheduler), typeof(MeetingReminderService)];

    [Test]
    public async Task Jobs_WaitForTheStartDelay_AndRunAtOnceWithoutOne()
    {
        await using var held = await TestApp.CreateAsync(overrides: Settings(600));
        await using var prompt = await TestApp.CreateAsync(overrides: Settings(0));
        // The held site starts first, so it has had at least as long as the prompt one when the prompt one's jobs have run.
        using var heldBrowser = held.NewBrowser();
        using var promptBrowser = prompt.NewBrowser();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Jobs.Any(job => !Ran(prompt, job)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.That(Jobs.Where(job => !Ran(prompt, job)).Select(job => job.Name), Is.Empty, "jobs that did not run at once without a start delay");
        Assert.That(Jobs.Where(job => Ran(held, job)).Select(job => job.Name), Is.Empty, "jobs that ran during the start delay");
        Assert.That((await heldBrowser.GetAsync("/")).IsSuccessStatusCode, "the held site serves pages meanwhile");
    }

    /// <summary>The delay, and the jobs' Debug lines, which say a pass found nothing due.</summary>
    private static Dictionary<string, string?> Settings(int delaySeconds) => new()
    {
        ["Scheduling:StartDelaySeconds"] = delaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logging:LogLevel:PatientLeaders"] = "Debug",
    };

    /// <summary>Every pass logs a line in the job's category, at least at Debug level, whether or not it found work.</summary>
    private static bool Ran(TestApp app, Type job) => app.Logs.Lines.Any(line => line.Contains(" " + job.FullName + ": ", StringComparison.Ordinal));
}
