using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Mentoring;

/// <summary>
/// A small mentoring community made through the site's own pages: an admin, a coordinator with two-factor sign-in,
/// and helpers to add accredited mentors with offers and mentees with requests.
/// </summary>
public sealed class MentoringWorld
{
    private MentoringWorld(TestApp app, FakeClock clock, HttpClient admin, HttpClient coordinator)
    {
        App = app;
        Clock = clock;
        Admin = admin;
        Coordinator = coordinator;
    }

    public TestApp App { get; }

    public FakeClock Clock { get; }

    public HttpClient Admin { get; }

    public HttpClient Coordinator { get; }

    public string Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    /// <summary>Test settings: a community this size registers more people than the per-address limits allow.</summary>
    public static Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:RegistrationPerTenMinutes"] = "1000",
            ["RateLimits:InvitationsPerHour"] = "1000",
            ["RateLimits:SignInPerFiveMinutes"] = "1000",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    public static async Task<MentoringWorld> CreateAsync(TestApp app, FakeClock clock)
    {
        var admin = await app.SetUpAdminAsync();
        var coordinator = await app.InviteMemberAsync(admin, "coordinator@example.org", "coordinator", Roles.Coordinator);
        await coordinator.TurnOnTwoFactorAsync();
        return new MentoringWorld(app, clock, admin, coordinator);
    }

    public Task<long> IdOfAsync(string handle) => App.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = @Handle", new { Handle = handle });

    /// <summary>Invites a mentor, saves their offer (telephone, English, capacity 1 unless given) and records a current accreditation.</summary>
    public async Task<HttpClient> MentorAsync(string handle, params (string Name, string Value)[] offer)
    {
        var mentor = await App.InviteMemberAsync(Admin, $"{handle}@example.org", handle, Roles.Mentor);
        await SaveOfferAsync(mentor, offer);
        await AccreditAsync(handle, "Mentor", DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddYears(2));
        return mentor;
    }

    public async Task SaveOfferAsync(HttpClient mentor, params (string Name, string Value)[] offer)
    {
        var values = new List<(string, string)>();
        var names = offer.Select(o => o.Name).ToHashSet();
        void Default(string name, string value)
        {
            if (!names.Contains(name))
            {
                values.Add((name, value));
            }
        }
        Default("Input.FocusAreas", "CoProduction");
        Default("Input.Formats", "Telephone");
        Default("Input.Languages", "English");
        Default("Input.Capacity", "1");
        values.AddRange(offer);
        TestApp.AssertRedirect(await mentor.PostFormAsync("/mentoring/offer", "form[action*=Save]", [.. values]), "/mentoring/offer");
    }

    public async Task AccreditAsync(string handle, string kind, DateOnly expires)
    {
        var id = await IdOfAsync(handle);
        var response = await Coordinator.PostFormAsync($"/mentoring/coordinate/mentors/{id}", "form[action*=Add]",
            ("Input.Kind", kind), ("Input.GainedOn", expires.AddYears(-3).ToString("yyyy-MM-dd")), ("Input.ExpiresOn", expires.ToString("yyyy-MM-dd")));
        TestApp.AssertRedirect(response, $"/mentoring/coordinate/mentors/{id}");
    }

    public Task<HttpClient> MenteeAsync(string handle) => App.InviteMemberAsync(Admin, $"{handle}@example.org", handle);

    /// <summary>Makes a request and returns its id (from the redirect to the request page).</summary>
    public async Task<long> RequestAsync(HttpClient mentee, params (string Name, string Value)[] answers)
    {
        var values = new List<(string, string)> { ("Input.Goals", "Find my voice at board meetings") };
        if (answers.All(a => a.Name != "Input.FocusAreas"))
        {
            values.Add(("Input.FocusAreas", "CoProduction"));
        }
        values.AddRange(answers);
        var response = await mentee.PostFormAsync("/mentoring/request", "main form[method=post]", [.. values]);
        TestApp.AssertRedirect(response, "/mentoring/requests/");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The mentee asks these mentors, in this order (one at a time unless <paramref name="allAtOnce"/>).</summary>
    public async Task<HttpResponseMessage> ChooseAsync(HttpClient mentee, long requestId, bool allAtOnce, params long[] mentorIds)
    {
        var values = mentorIds.Select((id, i) => ($"Choose.Order[{id}]", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        values.Add(("Choose.AllAtOnce", allAtOnce ? "true" : "false"));
        return await mentee.PostFormAsync($"/mentoring/requests/{requestId}", "form[action*=Choose]", [.. values]);
    }

    public async Task<long> AcceptAsync(HttpClient mentor, long requestId)
    {
        var response = await mentor.PostFormAsync($"/mentoring/requests/{requestId}", "form[action*=Accept]");
        TestApp.AssertRedirect(response, "/mentoring/");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A mentor and a mentee who asked for them, paired: the mentee asked, the mentor accepted.</summary>
    public async Task<(HttpClient Mentor, HttpClient Mentee, long PairId)> PairAsync(string mentorHandle, string menteeHandle)
    {
        var mentor = await MentorAsync(mentorHandle);
        var mentee = await MenteeAsync(menteeHandle);
        var requestId = await RequestAsync(mentee);
        await ChooseAsync(mentee, requestId, false, await IdOfAsync(mentorHandle));
        return (mentor, mentee, await AcceptAsync(mentor, requestId));
    }

    /// <summary>A fresh signed-in browser, for after the fake clock has moved past the idle timeout.</summary>
    public async Task<HttpClient> SignInAgainAsync(string handle)
    {
        var browser = App.NewBrowser();
        TestApp.AssertRedirect(await browser.SignInAsync($"{handle}@example.org", Journeys.Password), "/");
        return browser;
    }
}

public static class MentoringForms
{
    /// <summary>Like Forms.SubmitAsync, but a name may be given several times (checkbox lists); given names replace the form's own.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string formSelector, params (string Name, string Value)[] values)
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new AssertionException($"No form '{formSelector}' on {url}");
        var given = values.Select(v => v.Name).ToHashSet();
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when !given.Contains(name) && input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }
                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input when !given.Contains(name) && input.Type != "submit":
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } textArea when !given.Contains(name):
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select when !given.Contains(name):
                    fields.Add(new(name, select.Value ?? ""));
                    break;
            }
        }
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, new FormUrlEncodedContent(fields));
    }
}

public static class MentoringWorldExtensions
{
    /// <summary>The coordinator signs in again with the next authenticator code (codes work once).</summary>
    public static async Task<HttpClient> SignInAgainCoordinatorAsync(this MentoringWorld world)
    {
        var users = world.App.Service<Microsoft.AspNetCore.Identity.UserManager<Member>>();
        var key = await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync("coordinator@example.org"))!);
        var browser = world.App.NewBrowser();
        TestApp.AssertRedirect(await browser.SignInAsync("coordinator@example.org", Journeys.Password), "/account/login-two-factor");
        TestApp.AssertRedirect(await browser.SubmitAsync("/account/login-two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key!, DateTimeOffset.UtcNow.AddSeconds(30)) }), "/");
        return browser;
    }
}
