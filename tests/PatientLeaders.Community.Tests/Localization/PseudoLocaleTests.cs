using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Localization;

/// <summary>
/// Pages rendered with every resource string pseudo-translated (accented, lengthened, in ［brackets］): any English
/// left over was written into the page instead of coming from the resources.
/// </summary>
public sealed partial class PseudoLocaleTests
{
    /// <summary>
    /// The pages localised so far, each wholly from resources. The header and footer of every page are checked too.
    /// The rest of the site is still English-only: each page joins this list when its strings move to the resources.
    /// </summary>
    private static readonly string[] GuestPages =
    [
        "/", "/account/login", "/help", "/help/accessibility", "/help/privacy", "/forum",
        "/errors/404", "/errors/400", "/errors/403", "/errors/413", "/errors/500", "/language", "/programmes",
    ];

    private static readonly string[] MemberPages =
    [
        "/errors/404", "/language", "/account/settings", "/account/two-factor", "/programmes/manage", "/programmes/manage/programme",
        "/programmes/applications",
    ];

    [Test]
    public async Task LocalisedPages_ShowNoTextThatSkippedTheResources()
    {
        await using var app = await PseudoAppAsync();
        var guest = app.NewBrowser();
        foreach (var url in GuestPages)
        {
            AssertAllPseudo(await Forms.ParseAsync(await guest.GetAsync(url)), "body", url);
        }
        var admin = await app.SetUpAdminAsync();
        foreach (var url in MemberPages)
        {
            // The member's own name, handle and address are theirs, not the site's.
            AssertAllPseudo(await Forms.ParseAsync(await admin.GetAsync(url)), "body", url + " signed in", ["Alex Admin", "@admin", "admin@example.org"]);
        }
        // A thread, its reply page and its category, with the members' own words (never translated) set aside.
        await Forum.ForumJourneys.CreateCategoryAsync(admin, "Introductions");
        var thread = await Forum.ForumJourneys.StartThreadAsync(admin, "introductions", "Hello there", "First post", contentNote: "low mood");
        await Forum.ForumJourneys.ReplyAsync(admin, thread, "Second post");
        string[] own = ["Introductions", "About Introductions", "Hello there", "low mood", "Alex Admin", "@admin"];
        foreach (var url in new[] { $"/forum/t/{thread}/hello-there", $"/forum/reply/{thread}", "/forum/introductions", "/forum", "/forum/new" })
        {
            AssertAllPseudo(await Forms.ParseAsync(await admin.GetAsync(url)), "body", url, own);
        }
        foreach (var url in new[] { "/help", "/account/settings", "/forum" })
        {
            var page = await Forms.ParseAsync(await admin.GetAsync(url));
            AssertAllPseudo(page, "header", url);
            AssertAllPseudo(page, "footer", url);
        }
    }

    [Test]
    public async Task ProgrammePages_ShowNoTextThatSkippedTheResources()
    {
        await using var app = await PseudoAppAsync();
        var admin = await app.SetUpAdminAsync();
        await app.InviteMemberAsync(admin, "faye@example.org", "faye", PatientLeaders.Community.Web.Features.Accounts.Roles.Facilitator);
        var faye = await app.ScalarAsync<long>("SELECT Id FROM Members WHERE Handle = 'faye'");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await admin.SubmitAsync($"/mentoring/coordinate/mentors/{faye}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Facilitator", ["Input.GainedOn"] = today.AddYears(-1).ToString("yyyy-MM-dd"), ["Input.ExpiresOn"] = today.AddYears(2).ToString("yyyy-MM-dd"),
        }, "form[action*=Add]");
        var programme = await admin.SubmitAsync("/programmes/manage/programme", new Dictionary<string, string>
        {
            ["Input.Title"] = "Leading", ["Input.Kind"] = "Partnership", ["Input.Summary"] = "Summary words", ["Input.Aims"] = "Aim words",
            ["Input.WhoFor"] = "Audience words", ["Input.MinSessions"] = "1", ["Input.IsPublished"] = "true",
        });
        var slug = programme.Headers.Location!.OriginalString.Split('/')[^1];
        var cohort = await admin.SubmitAsync($"/programmes/manage/{slug}/cohorts/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Spring", ["Input.FacilitatorHandles"] = "faye", ["Input.Sessions[0].Date"] = today.AddDays(30).ToString("yyyy-MM-dd"),
            ["Input.Sessions[0].Time"] = "10:00", ["Input.Sessions[0].Title"] = "Opening",
        });
        var id = cohort.Headers.Location!.OriginalString.Split('/')[^1];
        // The programme's and cohort's names and texts, people's names and the time zones are data, not the site's words.
        string[] own = ["Leading", "Summary words", "Aim words", "Audience words", "Spring", "Opening", "Member faye", "Alex Admin", "@admin", "faye",
            .. PatientLeaders.Community.Web.Features.Sets.MeetingTimes.CommonZones];
        var before = new[] { "/programmes", $"/programmes/{slug}", $"/programmes/cohorts/{id}", $"/programmes/cohorts/{id}/apply" };
        foreach (var url in before)
        {
            AssertAllPseudo(await Forms.ParseAsync(await admin.GetAsync(url)), "main", url, own);
        }
        await admin.SubmitAsync($"/programmes/cohorts/{id}/apply", new Dictionary<string, string>
        {
            ["Input.Why"] = "Why words", ["Input.Change"] = "Change words", ["Input.TakingPartAs"] = "Manager", ["Input.Organisation"] = "Org words",
        });
        string[] applied = [.. own, "Why words", "Change words", "Org words"];
        foreach (var url in new[] { "/programmes/applications", "/programmes/outcomes", "/programmes/manage", $"/programmes/manage/cohorts/{id}",
            $"/programmes/manage/cohorts/{id}/participants", $"/programmes/manage/cohorts/{id}/sessions", $"/programmes/manage/cohorts/{id}/trios",
            $"/programmes/cohorts/{id}/register", $"/programmes/cohorts/{id}/materials", $"/programmes/cohorts/{id}/materials/upload",
            $"/programmes/manage/{slug}/cohorts/new", $"/programmes/manage/{slug}/report", $"/programmes/manage/{slug}/report/{id}",
            $"/programmes/manage/programme/{slug}", $"/programmes/manage/programme/{slug}/questions", "/impact/goals" })
        {
            var response = await admin.GetAsync(url);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
            AssertAllPseudo(await Forms.ParseAsync(response), "main", url, applied);
        }
        // The cohort's set, whose pages a participant reaches from the cohort.
        var setId = await app.ScalarAsync<long>("SELECT SetId FROM ProgrammeCohorts WHERE Id = @id", new { id = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) });
        foreach (var url in new[] { "/sets", $"/sets/{setId}", $"/sets/{setId}/members", $"/sets/{setId}/attendance", $"/sets/{setId}/meetings/new" })
        {
            var response = await admin.GetAsync(url);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
            AssertAllPseudo(await Forms.ParseAsync(response), "main", url, applied);
        }
    }

    [Test]
    public async Task PoolPages_ShowNoTextThatSkippedTheResources()
    {
        await using var app = await PseudoAppAsync();
        var admin = await app.SetUpAdminAsync();
        var meg = await app.InviteMemberAsync(admin, "meg@example.org", "meg");
        var organisation = await admin.SubmitAsync("/organisations/manage", new Dictionary<string, string> { ["Input.Name"] = "Org words", ["Input.About"] = "About words" });
        var slug = organisation.Headers.Location!.OriginalString.Split('/')[^1];
        await admin.ClickAsync($"/organisations/manage/{slug}", "form[action*=Verify] button");
        await admin.SubmitAsync($"/organisations/manage/{slug}", new Dictionary<string, string> { ["Contact.Email"] = "meg@example.org" }, "form[action*=AddContact]");
        await meg.GetAsync("/opportunities");
        await admin.SubmitAsync("/pool", new Dictionary<string, string> { ["Input.Kinds"] = "Boards", ["Input.Remote"] = "true", ["Input.Payment"] = "Paid" });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var posted = await meg.SubmitAsync("/opportunities/edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "Role words", ["Input.Kind"] = "Boards", ["Input.Difference"] = "Difference words", ["Input.TimeCommitment"] = "Time words",
            ["Input.StartsOn"] = Day(10), ["Input.EndsOn"] = Day(20), ["Input.Place"] = "Remote", ["Input.PaymentLevel"] = "Level3", ["Input.HourlyRate"] = "25",
            ["Input.Expenses"] = "Expense words", ["Input.Support"] = "Support words", ["Input.PeopleWanted"] = "1", ["Input.ClosesOn"] = Day(5),
            ["Input.ContactName"] = "Contact words", ["Input.ContactEmail"] = "meg@example.org",
        });
        var id = posted.Headers.Location!.OriginalString.Split('/')[^1];
        foreach (var url in new[] { "/opportunities/review", $"/opportunities/edit/{id}" })
        {
            var response = await admin.GetAsync(url);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
        }
        await admin.ClickAsync("/opportunities/review", $"form[action*='opportunityId={id}'][action*=Approve] button");
        await admin.SubmitAsync($"/opportunities/{id}", new Dictionary<string, string> { ["Input.Statement"] = "Statement words" }, "main form[method=post]:not([action])");
        var application = await app.ScalarAsync<long>("SELECT Id FROM OpportunityApplications");
        await meg.ClickAsync($"/opportunities/{id}/applicants", $"form[action*='applicationId={application}'][action*=Select] button");
        await admin.ClickAsync("/involvement/applications", $"form[action*='applicationId={application}'][action*=Confirm] button");
        var engagement = await app.ScalarAsync<long>("SELECT Id FROM Engagements");
        await admin.SubmitAsync($"/involvement/work/{engagement}", new Dictionary<string, string>
        {
            ["Hours.WorkedOn"] = Day(0), ["Hours.Hours"] = "1", ["Hours.Minutes"] = "0", ["Hours.Description"] = "Claim words",
        }, "form[action*=Hours]");
        await admin.ClickAsync($"/involvement/work/{engagement}", "form[action*=End] button");
        string[] own = ["Org words", "About words", "Role words", "Difference words", "Time words", "Expense words", "Support words", "Contact words", "Statement words",
            "Claim words", "meg@example.org", "Member meg", "Alex Admin", "@admin", "meg", "GBP"];
        foreach (var (browser, url) in new[]
        {
            (admin, "/organisations/manage"), (admin, $"/organisations/manage/{slug}"), (admin, $"/organisations/{slug}"), (admin, "/pool"), (admin, "/opportunities"),
            (admin, $"/opportunities/{id}"), (admin, "/opportunities/edit"), (admin, "/involvement/applications"), (admin, "/involvement/work"),
            (admin, $"/involvement/work/{engagement}"), (admin, $"/involvement/work/{engagement}/expenses/upload"), (admin, "/involvement/statement"),
            (admin, "/involvement/overview"), (admin, $"/stories/offer?engagementId={engagement}"), (admin, "/stories/manage"), (admin, "/stories"), (admin, "/impact"),
            (meg, $"/opportunities/{id}/applicants"), (meg, "/opportunities"), (meg, $"/involvement/work/{engagement}"), (meg, "/pool"),
        })
        {
            var response = await browser.GetAsync(url);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
            AssertAllPseudo(await Forms.ParseAsync(response), "main", url, own);
        }
    }

    [Test]
    public async Task FrontDoorPages_ShowNoTextThatSkippedTheResources()
    {
        await using var app = await PseudoAppAsync();
        var admin = await app.SetUpAdminAsync();
        await Forum.ForumJourneys.CreateCategoryAsync(admin, "Introductions");
        await Forum.ForumJourneys.StartThreadAsync(admin, "introductions", "Hello there", "First post");
        await admin.SubmitAsync("/admin", new Dictionary<string, string> { ["Input.Email"] = "pat@example.org", ["Input.Name"] = "Pat Keys" }, "form[action*=Invite]");
        var invitation = Journeys.LinkIn(await app.LastMailToAsync("pat@example.org"));
        var checkedList = await admin.SubmitAsync("/admin/invitations", new Dictionary<string, string> { ["List"] = "Lee, lee@example.org\nnot an address" }, "form[action*=Check]");
        string[] own = ["Alex Admin", "@admin", "admin@example.org", "Introductions", "Hello there", "Pat Keys", "pat@example.org", "Lee", "lee@example.org", "not an address", "AA"];

        AssertAllPseudo(await Forms.ParseAsync(await app.NewBrowser().GetAsync(invitation)), "main", "joining by invitation", own);
        AssertAllPseudo(await Forms.ParseAsync(await app.NewBrowser().GetAsync("/forum/latest")), "main", "latest, guest", own);
        AssertAllPseudo(await Forms.ParseAsync(checkedList), "main", "bulk invitations, checked", own);
        foreach (var url in new[] { "/", "/welcome", "/forum/latest", "/forum/latest?filter=unread", "/members", "/mentoring/mentors", "/account/profile",
            "/admin", "/admin/invitations", "/notifications" })
        {
            var response = await admin.GetAsync(url);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
            AssertAllPseudo(await Forms.ParseAsync(response), "main", url, own);
        }
    }

    /// <summary>The site with every resource string pseudo-translated.</summary>
    private static Task<TestApp> PseudoAppAsync(TimeProvider? clock = null, IDictionary<string, string?>? overrides = null) =>
        TestApp.CreateAsync(clock, overrides, services: s =>
            s.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory>(provider => new PseudoFactory(
                ActivatorUtilities.CreateInstance<ResourceManagerStringLocalizerFactory>(provider)))));

    private static void AssertAllPseudo(IDocument page, string selector, string url, string[]? userContent = null)
    {
        var text = new StringBuilder();
        foreach (var node in page.QuerySelector(selector)!.Descendants().OfType<IText>())
        {
            // Not resource text: scripts, a reference number, dates (the culture formats them), an email address, user content.
            if (node.ParentElement?.Closest("script, code, time, a[href^='mailto:'], .user-content") is null)
            {
                text.Append(node.Data).Append(' ');
            }
        }
        var all = text.ToString();
        foreach (var words in (userContent ?? []).OrderByDescending(w => w.Length))
        {
            all = all.Replace(words, " ", StringComparison.Ordinal);
        }
        // Resource text may hold other resource text (a setting's name in a sentence): innermost brackets go first.
        while (Pseudo().IsMatch(all))
        {
            all = Pseudo().Replace(all, " ");
        }
        var leftover = Leftover().Replace(all, " ").Trim();
        // The languages name themselves in the switch, untranslated on purpose.
        leftover = Regex.Replace(leftover, @"\b(English|Cymraeg|Español|Alex Admin)\b", " ").Trim();
        Assert.That(leftover, Does.Not.Match("[A-Za-z]{2,}"), $"{url}: English outside the resources: {leftover}");
    }

    [GeneratedRegex(@"［[^［］]*］")]
    private static partial Regex Pseudo();

    [GeneratedRegex(@"[\s\d\p{P}\p{S}–]+")]
    private static partial Regex Leftover();

    private sealed class PseudoFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(inner.Create(resourceSource));

        public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(inner.Create(baseName, location));
    }

    private sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Wrap(inner[name]);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, Wrap(inner[name]).Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Wrap);

        private static LocalizedString Wrap(LocalizedString s) => new(s.Name, "［" + Accent(s.Value) + " ~~~］", s.ResourceNotFound);

        private static string Accent(string text)
        {
            var accented = new StringBuilder(text.Length);
            var inPlaceholder = false;
            foreach (var c in text)
            {
                inPlaceholder = c == '{' || (inPlaceholder && c != '}');
                accented.Append(inPlaceholder ? c : c switch
                {
                    'a' => 'á', 'e' => 'é', 'i' => 'í', 'o' => 'ö', 'u' => 'û', 'A' => 'Å', 'E' => 'É', 'O' => 'Ö', 'c' => 'ç', 'n' => 'ñ', 's' => 'š',
                    _ => c,
                });
            }
            return accented.ToString();
        }
    }
}
