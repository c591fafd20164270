using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests;

/// <summary>Oversized, hostile and malformed input never ends in a 500, and forms keep what was typed.</summary>
public sealed class BadInputTests
{
    private static readonly string[] SignedInPages =
    [
        "/account/settings", "/account/profile", "/account/password", "/account/email", "/account/two-factor",
        "/account/sessions", "/account/delete", "/admin", "/admin/members/2",
    ];

    public static readonly string Hostile = "<script>alert(1)</script>💥\u0000\r\nBcc: x@example.org " + new string('x', 50_000);

    [Test]
    public async Task EveryFormOnEverySignedInPage_SurvivesHostileOversizedInput()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        var checkedForms = 0;
        foreach (var url in SignedInPages)
        {
            var page = await admin.GetPageAsync(url);
            var forms = page.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().ToList();
            for (var index = 0; index < forms.Count; index++)
            {
                var fresh = await admin.GetPageAsync(url);
                var form = fresh.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().ElementAt(index);
                if (form.Action.Contains("TurnOff", StringComparison.Ordinal) || form.Action.Contains("Suspend", StringComparison.Ordinal))
                {
                    continue;
                }
                var values = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type is "text" or "email" or "number")
                    .Select(i => i.Name!).Concat(form.Elements.OfType<IHtmlTextAreaElement>().Select(t => t.Name!))
                    .Where(n => !string.IsNullOrEmpty(n))
                    .ToDictionary(n => n, _ => Hostile);
                var response = await admin.PostAsync(string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action"),
                    new FormUrlEncodedContent(FormFields(form, values)));
                Assert.That((int)response.StatusCode, Is.LessThan(500), $"{url} form {index} ({form.Action})");
                checkedForms++;
            }
        }
        Assert.That(checkedForms, Is.GreaterThanOrEqualTo(8), "the pages above hold at least this many forms");
        Assert.That((int)(await admin.GetAsync("/account/settings")).StatusCode, Is.EqualTo(200), "still signed in and working");
    }

    [Test]
    public async Task BodiesOverTheLimit_GetAPageSayingTheLimit_AndNothingRuns()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        await Forum.ForumJourneys.CreateCategoryAsync(admin, "Introductions");
        var thread = await Forum.ForumJourneys.StartThreadAsync(admin, "introductions", "Hello there", "First post");
        var posts = await app.ScalarAsync<long>("SELECT COUNT(*) FROM Posts");
        foreach (var megabytes in new[] { 1, 10, 31 })
        {
            foreach (var url in new[] { $"/forum/reply/{thread}", "/forum/new", "/forum/preview", "/forum/drafts" })
            {
                var body = new FormUrlEncodedContent([new("Input.Body", new string('x', megabytes * 1024 * 1024))]);
                var response = await admin.PostAsync(url, body);
                Assert.That((int)response.StatusCode, Is.EqualTo(413), $"{megabytes} MB to {url}");
                Assert.That((await Forms.ParseAsync(response)).Text("main"), Does.Contain("512 KB").And.Contain("draft you saved before is unchanged"), url);
            }
        }
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM Posts"), Is.EqualTo(posts));

        // Under the request limit but over a post's length: the preview says so (composer.js shows the form's message).
        var page = await admin.GetPageAsync($"/forum/t/{thread}/hello-there");
        var token = page.QuerySelector("form[data-composer] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var preview = await admin.PostAsync("/forum/preview", new FormUrlEncodedContent([new("Input.Body", new string('x', 40_000)), new("__RequestVerificationToken", token)]));
        Assert.That((int)preview.StatusCode, Is.EqualTo(413));
        Assert.That(page.QuerySelector("form[data-composer]")!.GetAttribute("data-too-long"), Does.Contain("32,000 characters"));
    }

    [Test]
    public async Task TamperedLinks_AreRefusedWithAClearMessage()
    {
        await using var app = await TestApp.CreateAsync();
        var browser = app.NewBrowser();
        var reset = await Forms.ParseAsync(await browser.SubmitAsync("/account/reset-password?member=1&code=tampered", new Dictionary<string, string> { ["Input.Password"] = "a brand new passphrase" }));
        Assert.That(reset.Text("main"), Does.Contain("expired or has already been used"));
        var confirm = await Forms.ParseAsync(await browser.SubmitAsync("/account/confirm-email?member=abc&code=x", new Dictionary<string, string>()));
        Assert.That(confirm.Text("main"), Does.Contain("expired or has already been used"));
        var invite = await browser.GetPageAsync("/account/register?invite=" + new string('a', 5000));
        Assert.That(invite.Text("main"), Does.Contain("expired, has already been used"));
    }

    [Test]
    public async Task OversizedName_ReRendersWithErrorSummary_AndKeepsTheText()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var longName = new string('N', 101);
        var page = await Forms.ParseAsync(await admin.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.DisplayName"] = longName, ["Input.Region"] = "Kept region" }));
        Assert.That(page.ErrorSummary(), Has.Some.Contains("100 characters or fewer"));
        Assert.That(page.QuerySelector("#Input_DisplayName")?.GetAttribute("value"), Is.EqualTo(longName));
        Assert.That(page.QuerySelector("#Input_Region")?.GetAttribute("value"), Is.EqualTo("Kept region"));
    }

    public static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form, Dictionary<string, string> values)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is "hidden" && !values.ContainsKey(i.Name!))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        fields.AddRange(values);
        return fields;
    }
}
