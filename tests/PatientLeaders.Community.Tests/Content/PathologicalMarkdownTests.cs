using System.Diagnostics;
using System.Net;
using System.Reflection;
using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;
using PatientLeaders.Community.Tests.Sets;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Tests.Content;

/// <summary>
/// Text that Markdig cannot render never breaks a page: forms refuse it with the text kept, and text stored before
/// that check (or by any other route) is shown as plain text. Every field marked [MarkdownText] is driven here.
/// </summary>
public sealed class PathologicalMarkdownTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>Deep emphasis, brackets, quotes, lists and tables; long runs of one character; a large table.</summary>
    public static readonly IReadOnlyDictionary<string, string> Inputs = new Dictionary<string, string>
    {
        ["deep emphasis"] = new string('*', 1000) + "x" + new string('*', 1000),
        ["brackets"] = new string('[', 10_000),
        ["links in links"] = string.Concat(Enumerable.Repeat("[a", 3000)) + string.Concat(Enumerable.Repeat("](b)", 3000)),
        ["quotes"] = new string('>', 5000) + " quoted",
        ["nested lists"] = string.Join('\n', Enumerable.Range(0, 400).Select(i => new string(' ', i * 2) + "- item")),
        ["list markers"] = string.Concat(Enumerable.Repeat("- ", 4000)) + "x",
        ["quotes in lists"] = string.Concat(Enumerable.Repeat("> - ", 2000)) + "x",
        ["tables in quotes"] = string.Concat(Enumerable.Repeat("> ", 1000)) + "| a | b |\n|---|---|\n| c | d |",
        ["run of backticks"] = new string('`', 30_000),
        ["run of underscores"] = new string('_', 30_000),
        ["run of tildes"] = new string('~', 30_000),
        ["run of brackets and parens"] = string.Concat(Enumerable.Repeat("[(", 15_000)),
        ["large table"] = "|" + string.Concat(Enumerable.Repeat(" h |", 60)) + "\n|" + string.Concat(Enumerable.Repeat("---|", 60)) + "\n"
            + string.Join('\n', Enumerable.Range(0, 120).Select(_ => "|" + string.Concat(Enumerable.Repeat(" c |", 60)))),
    };

    private static IEnumerable<TestCaseData> Cases() => Inputs.Select(i => new TestCaseData(i.Value).SetName("Render_" + i.Key.Replace(' ', '_')));

    [TestCaseSource(nameof(Cases))]
    public void Render_NeverThrows_AndSaysWhenItShowsPlainText(string input)
    {
        var renderer = new MarkdownRenderer(new HtmlSanitizer());
        var clock = Stopwatch.StartNew();
        var html = renderer.Render(input);
        Assert.That(clock.Elapsed, Is.LessThan(Bound));
        Assert.That(html.IsEmpty, Is.False);
        Assert.That(html.Value.Contains(MarkdownRenderer.PlainTextNote, StringComparison.Ordinal), Is.EqualTo(!MarkdownRenderer.IsRenderable(input)));
    }

    [Test]
    public void DeepNesting_IsNotRenderable_AndOrdinaryNestingIs()
    {
        Assert.That(MarkdownRenderer.IsRenderable(Inputs["deep emphasis"]), Is.False);
        Assert.That(MarkdownRenderer.IsRenderable(Inputs["brackets"]), Is.False);
        Assert.That(MarkdownRenderer.IsRenderable("> quoted\n> > twice\n\n- a\n  - b\n    - **c _d_**\n\n| a | b |\n|---|---|\n| c | d |"), Is.True);
    }

    /// <summary>Every [MarkdownText] property, each with the form that saves it and the pages that show it.</summary>
    private static readonly Dictionary<string, Func<World, string, Task<Saved>>> Fields = new()
    {
        ["Forum.Threads.PostTextInput.Body"] = SavePostAsync,
        ["Profiles.EditModel+InputModel.Bio"] = SaveBioAsync,
        ["Sets.CreateModel+InputModel.GroundRules"] = CreateSetAsync,
        ["Sets.EditModel+InputModel.GroundRules"] = EditSetAsync,
        ["Programmes.Manage.EditProgrammeModel+InputModel.Aims"] = (world, text) => SaveProgrammeAsync(world, "Input.Aims", text),
        ["Programmes.Manage.EditProgrammeModel+InputModel.WhoFor"] = (world, text) => SaveProgrammeAsync(world, "Input.WhoFor", text),
        ["Programmes.AddMaterialModel+InputModel.Body"] = AddMaterialAsync,
    };

    [Test]
    public void EveryMarkdownField_IsDrivenByTheFieldTest()
    {
        var marked = typeof(MarkdownRenderer).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.GetCustomAttribute<MarkdownTextAttribute>() is not null)
            .Select(p => p.DeclaringType!.FullName!.Replace("PatientLeaders.Community.Web.Features.", "") + "." + p.Name)
            .Order().ToList();
        Assert.That(marked, Is.EqualTo(Fields.Keys.Order().ToList()), "a new Markdown field needs a journey in Fields");
    }

    [Test]
    public async Task EveryMarkdownField_RefusesUnrenderableText_KeepsIt_AndEveryPageStillAnswers()
    {
        await using var world = await World.CreateAsync();
        foreach (var (field, save) in Fields)
        {
            foreach (var (name, input) in Inputs)
            {
                var saved = await save(world, input);
                var renderable = MarkdownRenderer.IsRenderable(saved.Sent);
                if (renderable)
                {
                    Assert.That((int)saved.Response.StatusCode, Is.EqualTo(302), $"{field}, {name}: saved");
                }
                else
                {
                    Assert.That((int)saved.Response.StatusCode, Is.EqualTo(200), $"{field}, {name}: the form again");
                    var page = await Forms.ParseAsync(saved.Response);
                    Assert.That(page.ErrorSummary(), Has.Some.EqualTo(MarkdownRenderer.NotRenderableMessage), $"{field}, {name}");
                    Assert.That(page.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>().Select(t => t.Value.ReplaceLineEndings("\n").Trim()),
                        Has.Some.EqualTo(saved.Sent.Trim()), $"{field}, {name}: the text is kept");
                }
                foreach (var url in saved.Shown)
                {
                    await AssertAnswersAsync(world, url, $"{field}, {name}");
                }
            }
        }
    }

    [Test]
    public async Task TextStoredBeforeTheCheck_IsShownAsPlainText_OnEveryPage()
    {
        await using var world = await World.CreateAsync();
        var bad = Inputs["deep emphasis"];
        TestApp.AssertRedirect(await world.C.Sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.DisplayName"] = "Sam", ["Input.Bio"] = "Hello" }), "/");
        foreach (var (sql, args) in new (string, object)[]
        {
            ("UPDATE MemberProfiles SET Bio = @bad WHERE MemberId = (SELECT Id FROM Members WHERE Handle = 'sam')", new { bad }),
            ("UPDATE Sets SET GroundRules = @bad WHERE Id = @Id", new { bad, Id = world.C.SetId }),
            ("UPDATE Posts SET Body = @bad WHERE ThreadId = @Id", new { bad, Id = world.ThreadId }),
        })
        {
            Assert.That(await world.C.App.ScalarAsync<long>(sql + "; SELECT changes();", args), Is.GreaterThan(0), sql);
        }
        foreach (var url in new[] { "/members/sam", $"/sets/{world.C.SetId}", $"/sets/{world.C.SetId}/room", $"/forum/t/{world.ThreadId}/hello" })
        {
            var response = await AssertAnswersAsync(world, url, "stored", url.EndsWith("/room", StringComparison.Ordinal) ? world.C.Sam : null);
            Assert.That((await Forms.ParseAsync(response)).Body!.TextContent, Does.Contain(MarkdownRenderer.PlainTextNote), url);
        }
    }

    private static async Task<HttpResponseMessage> AssertAnswersAsync(World world, string url, string what, HttpClient? reader = null)
    {
        var clock = Stopwatch.StartNew();
        // The facilitator reads the sets' pages by default (members who have not confirmed the ground rules see them in
        // the room), and the cohort's pages, which only its people see.
        reader ??= url.StartsWith("/sets/", StringComparison.Ordinal) || url.StartsWith("/programmes/cohorts/", StringComparison.Ordinal) ? world.C.Facilitator : world.C.Sam;
        var response = await reader.GetAsync(url);
        Assert.That(clock.Elapsed, Is.LessThan(Bound), $"{what}: {url}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{what}: {url}");
        return response;
    }

    private static async Task<Saved> SavePostAsync(World world, string text)
    {
        var body = Cut(text, 32_000);
        var response = await world.C.Sam.SubmitAsync($"/forum/reply/{world.ThreadId}", new Dictionary<string, string> { ["Input.Body"] = body });
        var preview = await world.C.Sam.PostAsync("/forum/preview", new FormUrlEncodedContent([new("Input.Body", body)]));
        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest).Or.EqualTo(HttpStatusCode.OK), "preview without a token is refused, never a 500");
        return new Saved(response, body, [$"/forum/t/{world.ThreadId}/hello", $"/forum/t/{world.ThreadId}/hello?view=nested"]);
    }

    private static async Task<Saved> SaveBioAsync(World world, string text)
    {
        var bio = Cut(text, 4000);
        return new(await world.C.Sam.SubmitAsync("/account/profile", new Dictionary<string, string> { ["Input.DisplayName"] = "Sam", ["Input.Bio"] = bio }),
            bio, ["/members/sam", "/account/profile"]);
    }

    private static async Task<Saved> CreateSetAsync(World world, string text)
    {
        var response = await world.C.Facilitator.SubmitAsync("/sets/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Set " + Guid.NewGuid().ToString("N")[..6], ["Input.Purpose"] = "Testing", ["Input.FacilitatorHandle"] = "faye",
            ["Input.MemberHandles"] = "sam", ["Input.Quorum"] = "1", ["Input.GroundRules"] = Cut(text, 8000),
        });
        var shown = response.StatusCode == HttpStatusCode.Redirect ? new[] { response.Headers.Location!.OriginalString } : [];
        return new Saved(response, Cut(text, 8000), shown);
    }

    private static async Task<Saved> EditSetAsync(World world, string text) =>
        new(await world.C.Facilitator.SubmitAsync($"/sets/{world.C.SetId}/edit", new Dictionary<string, string> { ["Input.GroundRules"] = Cut(text, 8000) }),
            Cut(text, 8000), [$"/sets/{world.C.SetId}", $"/sets/{world.C.SetId}/room"]);

    private static async Task<Saved> SaveProgrammeAsync(World world, string field, string text)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Programme", ["Input.Kind"] = "Leadership", ["Input.Summary"] = "A summary", ["Input.Aims"] = "Aims", ["Input.WhoFor"] = "Everyone",
            ["Input.MinSessions"] = "1", ["Input.IsPublished"] = "true",
        };
        values[field] = Cut(text, 8000);
        var response = await world.C.Admin.SubmitAsync($"/programmes/manage/programme/{world.ProgrammeSlug}", values);
        return new Saved(response, values[field], [$"/programmes/{world.ProgrammeSlug}"]);
    }

    private static async Task<Saved> AddMaterialAsync(World world, string text)
    {
        var body = Cut(text, 20_000);
        var response = await world.C.Admin.SubmitAsync($"/programmes/cohorts/{world.CohortId}/materials/upload",
            new Dictionary<string, string> { ["Input.Title"] = "Notes", ["Input.Body"] = body });
        return new Saved(response, body, [$"/programmes/cohorts/{world.CohortId}/materials"]);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private sealed record Saved(HttpResponseMessage Response, string Sent, IReadOnlyList<string> Shown);

    private sealed class World : IAsyncDisposable
    {
        public required SetCommunity C { get; init; }

        public required long ThreadId { get; init; }

        public required string ProgrammeSlug { get; init; }

        public required long CohortId { get; init; }

        public static async Task<World> CreateAsync()
        {
            var c = await SetCommunity.CreateAsync();
            await c.Admin.CreateCategoryAsync("Introductions");
            var thread = await c.Sam.StartThreadAsync("introductions", "Hello", "First post");
            var (slug, cohortId) = await ProgrammeAsync(c);
            return new World { C = c, ThreadId = thread, ProgrammeSlug = slug, CohortId = cohortId };
        }

        /// <summary>A published programme with one cohort, which the admin (a coordinator too) runs with Faye, accredited.</summary>
        private static async Task<(string Slug, long CohortId)> ProgrammeAsync(SetCommunity c)
        {
            var faye = await c.MemberIdAsync("faye");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            TestApp.AssertRedirect(await c.Admin.SubmitAsync($"/mentoring/coordinate/mentors/{faye}", new Dictionary<string, string>
            {
                ["Input.Kind"] = "Facilitator", ["Input.GainedOn"] = today.AddYears(-1).ToString("yyyy-MM-dd"), ["Input.ExpiresOn"] = today.AddYears(2).ToString("yyyy-MM-dd"),
            }, "form[action*=Add]"), $"/mentoring/coordinate/mentors/{faye}");
            var programme = await c.Admin.SubmitAsync("/programmes/manage/programme", new Dictionary<string, string>
            {
                ["Input.Title"] = "Programme", ["Input.Kind"] = "Leadership", ["Input.Summary"] = "A summary", ["Input.Aims"] = "Aims", ["Input.WhoFor"] = "Everyone",
                ["Input.MinSessions"] = "1", ["Input.IsPublished"] = "true",
            });
            var slug = programme.Headers.Location!.OriginalString.Split('/')[^1];
            var cohort = await c.Admin.SubmitAsync($"/programmes/manage/{slug}/cohorts/new", new Dictionary<string, string>
            {
                ["Input.Title"] = "Spring", ["Input.FacilitatorHandles"] = "faye", ["Input.Sessions[0].Date"] = today.AddDays(30).ToString("yyyy-MM-dd"),
                ["Input.Sessions[0].Time"] = "10:00",
            });
            TestApp.AssertRedirect(cohort, "/programmes/cohorts/");
            return (slug, long.Parse(cohort.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
        }

        public ValueTask DisposeAsync() => C.DisposeAsync();
    }
}
