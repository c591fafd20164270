using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Sets;

/// <summary>A community with one set, made through the site's own pages: admin, facilitator, members, outsiders.</summary>
public sealed class SetCommunity : IAsyncDisposable
{
    public required TestApp App { get; init; }
    public required HttpClient Admin { get; init; }
    public required HttpClient Facilitator { get; init; }
    public required HttpClient Coordinator { get; init; }
    public required HttpClient Sam { get; init; }
    public required HttpClient Priya { get; init; }
    public required HttpClient Outsider { get; init; }
    public required long SetId { get; init; }
    public required long OtherSetId { get; init; }

    public static async Task<SetCommunity> CreateAsync(FakeClock? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // Six people register from one address: lift the per-address limits that would otherwise stop the setup.
        var overrides = new Dictionary<string, string?>
        {
            ["RateLimits:RegistrationPerTenMinutes"] = "1000",
            ["RateLimits:SignInPerFiveMinutes"] = "1000",
            ["RateLimits:InvitationsPerHour"] = "1000",
            // Tests run the facilitator watch themselves, at the moments they choose on the FakeClock.
            ["Sets:FacilitatorWatchSeconds"] = "300",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }
        var app = await TestApp.CreateAsync(clock, overrides);
        var admin = await app.SetUpAdminAsync();
        var facilitator = await app.InviteMemberAsync(admin, "faye@example.org", "faye", Roles.Facilitator);
        var coordinator = await app.InviteMemberAsync(admin, "cora@example.org", "cora", Roles.Coordinator);
        await coordinator.TurnOnTwoFactorAsync();
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var priya = await app.InviteMemberAsync(admin, "priya@example.org", "priya");
        var outsider = await app.InviteMemberAsync(admin, "olly@example.org", "olly");
        var setId = await facilitator.CreateSetAsync("Stroke leaders", "faye", "sam, priya", quorum: 2);
        var otherSetId = await facilitator.CreateSetAsync("Other set", "faye", "olly", quorum: 1);
        return new SetCommunity
        {
            App = app, Admin = admin, Facilitator = facilitator, Coordinator = coordinator, Sam = sam, Priya = priya, Outsider = outsider,
            SetId = setId, OtherSetId = otherSetId,
        };
    }

    public Task<long> MemberIdAsync(string handle) => App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = @handle", new { handle });

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public static class SetJourneys
{
    public static async Task<long> CreateSetAsync(this HttpClient browser, string name, string facilitator, string members, int quorum = 2, bool keepChat = false)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Purpose"] = "Learning together about " + name,
            ["Input.FacilitatorHandle"] = facilitator,
            ["Input.MemberHandles"] = members,
            ["Input.Quorum"] = quorum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (keepChat)
        {
            values["Input.KeepChat"] = "true";
        }
        var response = await browser.SubmitAsync("/sets/new", values);
        Assert.That((int)response.StatusCode, Is.EqualTo(302), "set created");
        var location = response.Headers.Location!.OriginalString;
        return long.Parse(location.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<HttpResponseMessage> ScheduleAsync(this HttpClient browser, long setId, DateOnly date, TimeOnly time, string zone = "Europe/London", int minutes = 180) =>
        browser.SubmitAsync($"/sets/{setId}/meetings/new", new Dictionary<string, string>
        {
            ["Input.Date"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Time"] = time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TimeZone"] = zone,
            ["Input.DurationMinutes"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>A meeting six minutes from now (by the real clock, or the given time), so its lobby is open for live connections.</summary>
    public static async Task ScheduleSoonAsync(this HttpClient facilitator, long setId, DateTimeOffset? now = null)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var start = TimeZoneInfo.ConvertTime((now ?? DateTimeOffset.UtcNow).AddMinutes(6), london);
        TestApp.AssertRedirect(await facilitator.ScheduleAsync(setId, DateOnly.FromDateTime(start.DateTime), TimeOnly.FromDateTime(start.DateTime), "Europe/London", 60), $"/sets/{setId}");
    }

    public static async Task AcceptRulesAsync(this HttpClient browser, long setId)
    {
        var response = await browser.SubmitAsync($"/sets/{setId}", new Dictionary<string, string>(), "form.rules-form");
        TestApp.AssertRedirect(response, $"/sets/{setId}");
    }
}
