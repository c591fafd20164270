using System.Globalization;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Mentoring;
using PatientLeaders.Community.Tests.Programmes;

namespace PatientLeaders.Community.Tests.Involvement;

/// <summary>
/// The programme world (admin, programme coordinator with two-factor sign-in) plus a verified organisation with a
/// contact, made through the site's own pages. Helpers add pool members, opportunities and applications.
/// </summary>
public sealed class InvolvementWorld : IAsyncDisposable
{
    public required ProgrammeWorld Programmes { get; init; }
    public required HttpClient Contact { get; init; }
    public required string Slug { get; init; }
    public required long OrganisationId { get; init; }

    public TestApp App => Programmes.App;
    public HttpClient Coordinator => Programmes.Coordinator;
    public HttpClient Admin => Programmes.Admin;
    public FakeClock Clock => Programmes.Clock;

    public static async Task<InvolvementWorld> CreateAsync(FakeClock? clock = null)
    {
        var programmes = await ProgrammeWorld.CreateAsync(clock);
        var contact = await programmes.MemberAsync("tariq");
        var (slug, id) = await AddOrganisationAsync(programmes, "Northshire NHS Trust", contact, "tariq@example.org");
        return new InvolvementWorld { Programmes = programmes, Contact = contact, Slug = slug, OrganisationId = id };
    }

    /// <summary>Adds, verifies and gives a contact to an organisation on the coordinators' pages.</summary>
    public static async Task<(string Slug, long Id)> AddOrganisationAsync(ProgrammeWorld world, string name, HttpClient contact, string contactEmail)
    {
        var response = await world.Coordinator.PostFormAsync("/organisations/manage", "main form[method=post]", ("Input.Name", name), ("Input.Kind", "Trust"),
            ("Input.About", "Community services for the county."));
        TestApp.AssertRedirect(response, "/organisations/manage/");
        var slug = response.Headers.Location!.OriginalString.Split('/')[^1];
        TestApp.AssertRedirect(await world.Coordinator.PostFormAsync($"/organisations/manage/{slug}", "form[action*=Verify]"), $"/organisations/manage/{slug}");
        var added = await world.Coordinator.PostFormAsync($"/organisations/manage/{slug}", "form[action*=AddContact]", ("Contact.Email", contactEmail));
        Assert.That((int)added.StatusCode, Is.EqualTo(302), string.Join(" | ", (await Forms.ParseAsync(added)).ErrorSummary()));
        var id = await world.App.ScalarAsync<long>("SELECT Id FROM Organisations WHERE Slug = @slug", new { slug });
        await contact.GetAsync("/opportunities");
        return (slug, id);
    }

    /// <summary>A member who joins the pool with the given kinds, themes and access needs.</summary>
    public async Task<HttpClient> LeaderAsync(string handle, string kind = "ServiceRedesign", string theme = "", string privateTheme = "", string needs = "", string payment = "Paid")
    {
        var leader = await Programmes.MemberAsync(handle);
        var values = new List<(string, string)> { ("Input.Kinds", kind), ("Input.Remote", "true"), ("Input.Payment", payment), ("Input.Region", "Wales"), ("Input.AccessNeeds", needs) };
        if (theme.Length > 0) { values.Add(("Input.Themes", theme)); }
        if (privateTheme.Length > 0) { values.Add(("Input.PrivateThemes", privateTheme)); }
        if (theme.Length + privateTheme.Length + needs.Length > 0) { values.Add(("Input.HealthDataConsent", "true")); }
        TestApp.AssertRedirect(await leader.PostFormAsync("/pool", "main form[method=post]", [.. values]), "/opportunities");
        return leader;
    }

    /// <summary>The contact posts an opportunity and sends it for approval; returns its id.</summary>
    public async Task<long> PostOpportunityAsync(HttpClient? author = null, string title = "Stroke follow-up redesign group", string themes = "", int closesInDays = 14, int wanted = 1,
        string rate = "25", int workDays = 60)
    {
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var values = new List<(string, string)>
        {
            ("Input.Title", title), ("Input.Kind", "ServiceRedesign"), ("Input.Difference", "Decides how people are followed up at home after a stroke."),
            ("Input.TimeCommitment", "Four two-hour meetings"), ("Input.StartsOn", Day(today.AddDays(closesInDays + 7))), ("Input.EndsOn", Day(today.AddDays(closesInDays + 7 + workDays))),
            ("Input.Place", "Remote"), ("Input.Region", "Wales"), ("Input.PaymentLevel", "Level3"), ("Input.HourlyRate", rate), ("Input.Expenses", "Travel and carer costs"),
            ("Input.Support", "A briefing call and large-print papers"), ("Input.PeopleWanted", wanted.ToString(CultureInfo.InvariantCulture)),
            ("Input.ClosesOn", Day(today.AddDays(closesInDays))), ("Input.ContactName", "Tariq"), ("Input.ContactEmail", "tariq@example.org"),
        };
        if (themes.Length > 0) { values.Add(("Input.Themes", themes)); }
        var response = await (author ?? Contact).PostFormAsync("/opportunities/edit", "main form[method=post]", [.. values]);
        TestApp.AssertRedirect(response, "/opportunities/");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    public async Task ApproveAsync(long opportunityId) =>
        TestApp.AssertRedirect(await Coordinator.PostFormAsync("/opportunities/review", $"form[action*='opportunityId={opportunityId}'][action*=Approve]"), "/opportunities/review");

    public async Task<long> ApplyAsync(HttpClient leader, long opportunityId, bool shareNeeds = false, bool shareLived = false)
    {
        var values = new List<(string, string)> { ("Input.Statement", "I have used these services for ten years.") };
        if (shareNeeds) { values.Add(("Input.ShareAccessNeeds", "true")); }
        if (shareLived) { values.Add(("Input.ShareLivedExperience", "true")); }
        TestApp.AssertRedirect(await leader.PostFormAsync($"/opportunities/{opportunityId}", "main form[method=post]", [.. values]), "/involvement/applications");
        return await App.ScalarAsync<long>("SELECT Id FROM OpportunityApplications WHERE OpportunityId = @opportunityId ORDER BY Id DESC LIMIT 1", new { opportunityId });
    }

    public Task<HttpResponseMessage> DecideAsync(long opportunityId, long applicationId, string handler, string feedback = "", HttpClient? by = null) =>
        (by ?? Contact).PostFormAsync($"/opportunities/{opportunityId}/applicants", $"form[action*='applicationId={applicationId}'][action*={handler}]", ("Input.Feedback", feedback));

    /// <summary>The leader confirms; returns the engagement's id.</summary>
    public async Task<long> ConfirmAsync(HttpClient leader, long applicationId)
    {
        var response = await leader.PostFormAsync("/involvement/applications", $"form[action*='applicationId={applicationId}'][action*=Confirm]");
        TestApp.AssertRedirect(response, "/involvement/work/");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> UploadReceiptAsync(HttpClient leader, long engagementId, string day, string amount)
    {
        var url = $"/involvement/work/{engagementId}/expenses/upload";
        var page = await leader.GetPageAsync(url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(day), "Input.SpentOn" }, { new StringContent(amount), "Input.Amount" },
            { new StringContent("Train to York"), "Input.Description" }, { new ByteArrayContent(FileKindsTests.Png), "Receipt", "ticket.png" },
        };
        return await leader.PostAsync(url, content);
    }

    /// <summary>The leader logs hours on the work for today; returns the claim's id.</summary>
    public async Task<long> LogHoursAsync(HttpClient leader, long engagementId, int hours, string what)
    {
        var today = Day(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
        TestApp.AssertRedirect(await leader.PostFormAsync($"/involvement/work/{engagementId}", "form[action*=Hours]", ("Hours.WorkedOn", today),
            ("Hours.Hours", hours.ToString(CultureInfo.InvariantCulture)), ("Hours.Minutes", "0"), ("Hours.Description", what)), $"/involvement/work/{engagementId}");
        return await App.ScalarAsync<long>("SELECT MAX(Id) FROM WorkClaims");
    }

    public async Task ApproveClaimAsync(long engagementId, long claimId) =>
        TestApp.AssertRedirect(await Contact.PostFormAsync($"/involvement/work/{engagementId}", $"form[action*='claimId={claimId}'][action*=Approve]"), $"/involvement/work/{engagementId}");

    public ValueTask DisposeAsync() => Programmes.DisposeAsync();

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
