using System.Globalization;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Programmes;

/// <summary>
/// A programme community made through the site's own pages: an admin, a programme coordinator with two-factor
/// sign-in, an accredited facilitator and a published programme. Helpers add cohorts, applicants and decisions.
/// </summary>
public sealed class ProgrammeWorld : IAsyncDisposable
{
    public required TestApp App { get; init; }
    public required FakeClock Clock { get; init; }
    public required HttpClient Admin { get; init; }
    public required HttpClient Coordinator { get; init; }
    public required HttpClient Facilitator { get; init; }
    public required string Slug { get; init; }

    public static async Task<ProgrammeWorld> CreateAsync(FakeClock? clock = null, params (string Key, string Value)[] settings)
    {
        clock ??= new FakeClock();
        var app = await TestApp.CreateAsync(clock, MentoringWorld.Settings([("Programmes:ApplicationsPerHour", "1000"), ("Community:IdleTimeoutMinutes", "1440"), .. settings]));
        var admin = await app.SetUpAdminAsync();
        var coordinator = await app.InviteMemberAsync(admin, "pat@example.org", "pat", Roles.ProgrammeCoordinator);
        await coordinator.TurnOnTwoFactorAsync();
        var facilitator = await app.InviteMemberAsync(admin, "faye@example.org", "faye", Roles.Facilitator);
        var world = new ProgrammeWorld { App = app, Clock = clock, Admin = admin, Coordinator = coordinator, Facilitator = facilitator, Slug = "" };
        await world.AccreditAsync("faye");
        var slug = await world.CreateProgrammeAsync("The Effective Patient Leader");
        return new ProgrammeWorld { App = app, Clock = clock, Admin = admin, Coordinator = coordinator, Facilitator = facilitator, Slug = slug };
    }

    /// <summary>
    /// Moves the clock on by whole days, a few hours at a time, with each browser making a request in between so
    /// that nobody's session ends for being idle (as a member using the site every day would not be signed out).
    /// </summary>
    public async Task PassDaysAsync(int days, params HttpClient[] members)
    {
        for (var hours = 0; hours < days * 24; hours += 12)
        {
            Clock.Advance(TimeSpan.FromHours(12));
            foreach (var browser in members.Concat([Admin, Coordinator, Facilitator]))
            {
                await browser.GetAsync("/account/keep-alive");
            }
        }
    }

    public Task<long> IdOfAsync(string handle) => App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = @Handle", new { Handle = handle });

    /// <summary>Records a current facilitator accreditation on the mentoring coordinators' page (admins coordinate mentoring too).</summary>
    public async Task AccreditAsync(string handle, string kind = "Facilitator", int yearsLeft = 2)
    {
        var id = await IdOfAsync(handle);
        var expires = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddYears(yearsLeft);
        var response = await Admin.PostFormAsync($"/mentoring/coordinate/mentors/{id}", "form[action*=Add]",
            ("Input.Kind", kind), ("Input.GainedOn", expires.AddYears(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Input.ExpiresOn", expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        TestApp.AssertRedirect(response, $"/mentoring/coordinate/mentors/{id}");
    }

    public async Task<string> CreateProgrammeAsync(string title, bool published = true, int minSessions = 2, int minCoachingCalls = 0, string kind = "Leadership")
    {
        var values = new List<(string, string)>
        {
            ("Input.Title", title), ("Input.Kind", kind), ("Input.MinSessions", minSessions.ToString(CultureInfo.InvariantCulture)),
            ("Input.MinCoachingCalls", minCoachingCalls.ToString(CultureInfo.InvariantCulture)), ("Input.Summary", "Five sessions to lead change from lived experience."),
            ("Input.Aims", "- Tell your story with purpose\n- Influence decisions"), ("Input.WhoFor", "People living with a long-term condition."),
        };
        if (published)
        {
            values.Add(("Input.IsPublished", "true"));
        }
        var response = await Coordinator.PostFormAsync("/programmes/manage/programme", "main form[method=post]", [.. values]);
        TestApp.AssertRedirect(response, "/programmes/");
        return response.Headers.Location!.OriginalString.Split('/')[^1];
    }

    /// <summary>A cohort whose sessions start <paramref name="daysAhead"/> days from now: a workshop, an action learning meeting and a coaching call.</summary>
    public async Task<long> CreateCohortAsync(int places = 8, int daysAhead = 30, string facilitators = "faye", string? slug = null)
    {
        var first = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(daysAhead);
        var response = await Coordinator.PostFormAsync($"/programmes/manage/{slug ?? Slug}/cohorts/new", "main form[method=post]",
            ("Input.Title", "Spring"), ("Input.Mode", "Online"), ("Input.Places", places.ToString(CultureInfo.InvariantCulture)),
            ("Input.FacilitatorHandles", facilitators), ("Input.TimeZone", "Europe/London"),
            ("Input.Sessions[0].Kind", "Workshop"), ("Input.Sessions[0].Title", "Telling your story"), ("Input.Sessions[0].Date", Day(first)), ("Input.Sessions[0].Time", "10:00"),
            ("Input.Sessions[1].Kind", "ActionLearning"), ("Input.Sessions[1].Date", Day(first.AddDays(14))), ("Input.Sessions[1].Time", "10:00"),
            ("Input.Sessions[2].Kind", "Coaching"), ("Input.Sessions[2].Date", Day(first.AddDays(21))), ("Input.Sessions[2].Time", "14:00"),
            ("Input.Sessions[2].DurationMinutes", "60"));
        TestApp.AssertRedirect(response, "/programmes/cohorts/");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>An accredited coach who offers telephone mentoring and has room.</summary>
    public async Task<HttpClient> CoachAsync(string handle)
    {
        var coach = await App.InviteMemberAsync(Admin, $"{handle}@example.org", handle, Roles.Mentor);
        TestApp.AssertRedirect(await coach.PostFormAsync("/mentoring/offer", "form[action*=Save]", ("Input.FocusAreas", "CoProduction"),
            ("Input.Formats", "Telephone"), ("Input.Languages", "English"), ("Input.Capacity", "3")), "/mentoring/offer");
        await AccreditAsync(handle, "Coach");
        return coach;
    }

    /// <summary>Offers a place and takes it; returns the application's id.</summary>
    public async Task<long> EnrolAsync(HttpClient member, long cohortId, string accessNeeds = "")
    {
        var applicationId = await ApplyAsync(member, cohortId, accessNeeds);
        TestApp.AssertRedirect(await DecideAsync(cohortId, applicationId, "Offer"), $"/programmes/manage/cohorts/{cohortId}");
        TestApp.AssertRedirect(await AnswerAsync(member, applicationId, "Accept"), "/programmes/applications");
        return applicationId;
    }

    public Task<HttpClient> MemberAsync(string handle) => App.InviteMemberAsync(Admin, $"{handle}@example.org", handle);

    /// <summary>Applies and returns the application's id.</summary>
    public async Task<long> ApplyAsync(HttpClient member, long cohortId, string accessNeeds = "")
    {
        var response = await member.PostFormAsync($"/programmes/cohorts/{cohortId}/apply", "main form[method=post]",
            ("Input.Why", "To speak up for stroke survivors"), ("Input.Change", "How discharge is planned"), ("Input.AccessNeeds", accessNeeds));
        TestApp.AssertRedirect(response, "/programmes/applications");
        return await App.ScalarAsync<long>("SELECT Id FROM CohortApplications WHERE CohortId = @cohortId ORDER BY Id DESC LIMIT 1", new { cohortId });
    }

    /// <summary>A coordinator's decision on the cohort's applications page: Offer, Wait or Decline.</summary>
    public Task<HttpResponseMessage> DecideAsync(long cohortId, long applicationId, string handler, string message = "") =>
        Coordinator.PostFormAsync($"/programmes/manage/cohorts/{cohortId}", $"section[aria-labelledby=application-{applicationId}] form[action*={handler}]",
            ("Input.Message", message));

    /// <summary>The applicant's own answer on their applications page: Accept or Withdraw.</summary>
    public static Task<HttpResponseMessage> AnswerAsync(HttpClient member, long applicationId, string handler) =>
        member.PostFormAsync("/programmes/applications", $"form[action*='applicationId={applicationId}'][action*={handler}]");

    public Task<string> StatusAsync(long applicationId) => App.ScalarAsync<string>("SELECT Status FROM CohortApplications WHERE Id = @applicationId", new { applicationId });

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
