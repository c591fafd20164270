using System.Net;
using Microsoft.Playwright;
using PatientLeaders.Community.BrowserTests.Infrastructure;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.BrowserTests.Sets;

/// <summary>
/// The real site with an admin, a facilitator, three set members and an outsider, one set and a meeting, all made
/// through the site's own forms over HTTP; people then enter browsers with their session cookie.
/// </summary>
public sealed class LiveCommunity : IAsyncDisposable
{
    public const string Password = "a long and calm passphrase";

    private readonly Dictionary<string, CookieContainer> cookies = [];

    private LiveCommunity(LiveSite site) => Site = site;

    public LiveSite Site { get; }

    public long SetId { get; private set; }

    /// <param name="settings">More settings for the site (Section__Key), such as a TURN server.</param>
    public static async Task<LiveCommunity> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var site = await LiveSite.StartAsync(new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["RateLimits__RegistrationPerTenMinutes"] = "1000",
            ["RateLimits__SignInPerFiveMinutes"] = "1000",
            ["RateLimits__InvitationsPerHour"] = "1000",
            // The meeting is a week ahead: these tests are about the live room, so its lobby is open from the start
            // (the lead time is tested on a FakeClock in RoomLobbyAndFacilitatorTests).
            ["Sets__LobbyOpensMinutesBefore"] = "20160",
            // A facilitator's page that closes and comes back is a blip however slow the machine; the pause after
            // a longer absence is tested on a FakeClock.
            ["Sets__FacilitatorGraceSeconds"] = "600",
        });
        var community = new LiveCommunity(site);
        try
        {
            await community.BuildAsync();
            return community;
        }
        catch
        {
            await community.DisposeAsync();
            throw;
        }
    }

    private async Task BuildAsync()
    {
        var admin = Client("admin");
        var setup = new Uri(await Site.SetupLinkAsync());
        TestApp.AssertRedirect(await admin.SubmitAsync(setup.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Alex Admin", ["Input.Handle"] = "admin", ["Input.Email"] = "admin@example.org", ["Input.Password"] = Password,
        }), "/account/two-factor");
        await admin.TurnOnTwoFactorAsync();
        await InviteAsync(admin, "faye", Roles.Facilitator);
        await InviteAsync(admin, "cora", Roles.Coordinator);
        await Client("cora").TurnOnTwoFactorAsync();
        foreach (var handle in new[] { "sam", "priya", "joe", "olly" })
        {
            await InviteAsync(admin, handle, Roles.Member);
        }
        var faye = Client("faye");
        var created = await faye.SubmitAsync("/sets/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Stroke leaders", ["Input.Purpose"] = "Learning together", ["Input.FacilitatorHandle"] = "faye",
            ["Input.MemberHandles"] = "sam, priya, joe", ["Input.Quorum"] = "2",
        });
        SetId = long.Parse(created.Headers.Location!.OriginalString.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        // The set's way in by video call or phone, so that every room page a journey checks shows it.
        TestApp.AssertRedirect(await faye.SubmitAsync($"/sets/{SetId}/edit", new Dictionary<string, string>
        {
            ["Input.CallLink"] = "https://meet.example.org/stroke-leaders", ["Input.DialIn"] = "0300 123 4567, PIN 4321",
        }), $"/sets/{SetId}");
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        TestApp.AssertRedirect(await faye.SubmitAsync($"/sets/{SetId}/meetings/new", new Dictionary<string, string>
        {
            ["Input.Date"] = date, ["Input.Time"] = "10:00", ["Input.TimeZone"] = "Europe/London", ["Input.DurationMinutes"] = "180",
        }), $"/sets/{SetId}");
        foreach (var handle in new[] { "sam", "priya", "joe" })
        {
            TestApp.AssertRedirect(await Client(handle).SubmitAsync($"/sets/{SetId}", new Dictionary<string, string>(), "form.rules-form"), $"/sets/{SetId}");
        }
    }

    /// <summary>The admin invites this person with this role; they join from the link over HTTP and are signed in.</summary>
    public async Task InviteAsync(HttpClient admin, string handle, string role)
    {
        var email = handle + "@example.org";
        TestApp.AssertRedirect(await admin.SubmitAsync("/admin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = role }, "form[action*=Invite]"), "/admin");
        var browser = Client(handle);
        var register = new Uri(await Site.WaitForLinkAsync(email, "invited"));
        var registered = await browser.SubmitAsync(register.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = char.ToUpperInvariant(handle[0]) + handle[1..], ["Input.Handle"] = handle, ["Input.Password"] = Password,
        });
        Assert.That((int)registered.StatusCode, Is.EqualTo(302), string.Join("; ", (await Forms.ParseAsync(registered)).ErrorSummary()));
        // The invitation proves the address: they are signed in at once.
        TestApp.AssertRedirect(registered, "/welcome");
    }

    /// <summary>
    /// A new accredited mentor (invited, offer saved, accredited by the coordinator) matched with an existing member
    /// who asked for them; returns the pair's id.
    /// </summary>
    public async Task<long> PairAsync(string mentorHandle, string menteeHandle)
    {
        await InviteAsync(Client("admin"), mentorHandle, Roles.Mentor);
        TestApp.AssertRedirect(await Client(mentorHandle).SubmitAsync("/mentoring/offer", new Dictionary<string, string> { ["Input.FocusAreas"] = "CoProduction" },
            "form[action*=Save]"), "/mentoring/offer");
        var mentorName = char.ToUpperInvariant(mentorHandle[0]) + mentorHandle[1..];
        var dashboard = await Client("cora").GetPageAsync("/mentoring/coordinate");
        var mentorPage = dashboard.QuerySelectorAll("a").First(a => a.TextContent == mentorName).GetAttribute("href")!;
        var mentorId = mentorPage.Split('/')[^1];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        TestApp.AssertRedirect(await Client("cora").SubmitAsync(mentorPage, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Mentor", ["Input.GainedOn"] = today.AddYears(-1).ToString("yyyy-MM-dd"), ["Input.ExpiresOn"] = today.AddYears(2).ToString("yyyy-MM-dd"),
        }, "form[action*=Add]"), mentorPage);
        var mentee = Client(menteeHandle);
        var asked = await mentee.SubmitAsync("/mentoring/request", new Dictionary<string, string> { ["Input.Goals"] = "Speak up at the board", ["Input.FocusAreas"] = "CoProduction" });
        var requestUrl = asked.Headers.Location!.OriginalString;
        TestApp.AssertRedirect(await mentee.SubmitAsync(requestUrl, new Dictionary<string, string> { [$"Choose.Order[{mentorId}]"] = "1" }, "form[action*=Choose]"), requestUrl);
        var accepted = await Client(mentorHandle).SubmitAsync(requestUrl, new Dictionary<string, string>(), "form[action*=Accept]");
        return long.Parse(accepted.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An HTTP client signed in as this person (created on first use, cookies kept).</summary>
    public HttpClient Client(string handle)
    {
        if (!cookies.TryGetValue(handle, out var jar))
        {
            jar = new CookieContainer();
            cookies[handle] = jar;
        }
        return new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(Site.BaseUrl) };
    }

    /// <summary>A browser context signed in as this person, with CSP violations collected.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Csp)> BrowserAsync(IBrowser browser, string handle)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var jar = cookies[handle];
        await context.AddCookiesAsync(jar.GetAllCookies().Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Url = Site.BaseUrl,
        }));
        var page = await context.NewPageAsync();
        return (context, page, page.WatchCspViolations());
    }

    public ValueTask DisposeAsync() => Site.DisposeAsync();
}
