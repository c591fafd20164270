using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class ComposerTests
{
    [Test]
    public async Task PreviewWithoutJavaScript_ShowsTheRenderedPost_AndKeepsTheText()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Previewing", "Opening");
        var page = await world.Kit.GetPageAsync($"/forum/reply/{threadId}");
        // What the Preview button's formaction does.
        page.QuerySelector("main form[data-composer]")!.SetAttribute("action", $"/forum/reply/{threadId}?handler=Preview");
        var response = await world.Kit.SubmitAsync(page, $"/forum/reply/{threadId}",
            new Dictionary<string, string> { ["Input.Body"] = "Some **bold** words <script>alert(1)</script>", ["Input.ContentNote"] = "grief" }, "main form[data-composer]");
        var preview = await Forms.ParseAsync(response);
        Assert.That(preview.QuerySelector("[data-preview-region]")?.HasAttribute("hidden"), Is.False);
        Assert.That(preview.QuerySelector("[data-preview-content] strong")?.TextContent, Is.EqualTo("bold"));
        Assert.That(preview.QuerySelector("[data-preview-content] script"), Is.Null);
        Assert.That(preview.Text("[data-preview-content] summary"), Is.EqualTo("Content note: grief"));
        Assert.That(preview.QuerySelector("#Input_Body")?.TextContent, Does.Contain("Some **bold** words"));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Posts"), Is.EqualTo(1), "a preview posts nothing");
    }

    [Test]
    public async Task EmptyFormsAndPreviews_NeverFail()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Empty things", "Opening");
        var page = await world.Kit.GetPageAsync($"/forum/reply/{threadId}");
        page.QuerySelector("main form[data-composer]")!.SetAttribute("action", $"/forum/reply/{threadId}?handler=Preview");
        Assert.That((await world.Kit.SubmitAsync(page, "/", new Dictionary<string, string> { ["Input.Body"] = "" }, "main form[data-composer]")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var newThread = await world.Kit.GetPageAsync("/forum/new");
        newThread.QuerySelector("main form[data-composer]")!.SetAttribute("action", "/forum/new?handler=Preview");
        Assert.That((await world.Kit.SubmitAsync(newThread, "/", new Dictionary<string, string> { ["Input.Body"] = "", ["Input.Title"] = "", ["Input.Category"] = "" }, "main form[data-composer]")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var token = TokenFrom(newThread);
        var preview = await world.Kit.PostAsync("/forum/preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var draft = await world.Kit.PostAsync("/forum/drafts", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.That(draft.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var flag = await world.Kit.SubmitAsync($"/forum/p/{await world.App.OpeningPostIdAsync(threadId)}/flag", new Dictionary<string, string> { ["Input.Reason"] = "" });
        Assert.That(flag.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task PreviewEndpoint_ReturnsTheSanitizedFragment()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Previewing", "Opening");
        var token = TokenFrom(await world.Kit.GetPageAsync($"/forum/reply/{threadId}"));
        var response = await world.Kit.PostAsync("/forum/preview", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["DraftKey"] = $"reply:{threadId}", ["Input.Body"] = "Hi @sam [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
        }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<a href=\"/members/sam\"").And.Not.Contain("javascript:").And.Not.Contain("<img"));
        Assert.That(html, Does.Not.Contain("<html"), "a fragment, not a page");
    }

    [Test]
    public async Task Draft_IsSavedAsYouType_RestoredOnAnyDevice_AndDeletedWhenPosted()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Drafting", "Opening");
        var token = TokenFrom(await world.Kit.GetPageAsync($"/forum/t/{threadId}/drafting?page=1"));
        var saved = await world.Kit.PostAsync("/forum/drafts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["DraftKey"] = $"reply:{threadId}", ["Input.Body"] = "Half-written thoughts", ["Input.ContentNote"] = "",
        }));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var otherDevice = world.App.NewBrowser();
        TestApp.AssertRedirect(await otherDevice.SignInAsync("kit@example.org", Journeys.Password), "/");
        var thread = await otherDevice.GetPageAsync($"/forum/t/{threadId}/drafting?page=1");
        Assert.That(thread.QuerySelector("form[data-composer] #Input_Body")?.TextContent, Is.EqualTo("Half-written thoughts"));
        Assert.That((await otherDevice.GetPageAsync($"/forum/reply/{threadId}")).QuerySelector("#Input_Body")?.TextContent, Is.EqualTo("Half-written thoughts"));

        await otherDevice.ReplyAsync(threadId, "Finished thoughts");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM PostDrafts"), Is.Zero);
    }

    [Test]
    public async Task NewThreadDraft_IsRestoredInTheNewThreadForm()
    {
        await using var world = await ForumWorld.CreateAsync();
        var token = TokenFrom(await world.Kit.GetPageAsync("/forum/new"));
        await world.Kit.PostAsync("/forum/drafts", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["DraftKey"] = "new", ["Input.Title"] = "Draft title", ["Input.Body"] = "Draft body", ["Input.Tags"] = "one",
        }));
        var page = await world.Kit.GetPageAsync("/forum/new");
        Assert.That(page.QuerySelector("#Input_Title")?.GetAttribute("value"), Is.EqualTo("Draft title"));
        Assert.That(page.QuerySelector("#Input_Body")?.TextContent, Is.EqualTo("Draft body"));
        Assert.That((await world.Kit.GetPageAsync("/forum/drafts")).Text("main"), Does.Contain("Draft title"));
    }

    [Test]
    public async Task Edit_KeepsARevision_ShowsEdited_AndOnlyAuthorAndModeratorsSeeRevisions()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Original title", "Original words");
        var postId = await world.App.OpeningPostIdAsync(threadId);
        var edit = await world.Sam.SubmitAsync($"/forum/p/{postId}/edit", new Dictionary<string, string> { ["Input.Title"] = "Better title", ["Input.Body"] = "Better words" });
        TestApp.AssertRedirect(edit, $"/forum/t/{threadId}/better-title");

        var page = await world.Kit.GetPageAsync($"/forum/t/{threadId}/better-title?page=1");
        Assert.That(page.Text("h1"), Is.EqualTo("Better title"));
        Assert.That(page.Text($"#post-{postId} .user-content"), Is.EqualTo("Better words"));
        Assert.That(page.Text($"#post-{postId} .post-meta"), Does.Contain("edited"));
        Assert.That((await world.Kit.GetAsync($"/forum/p/{postId}/revisions")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await world.Kit.GetAsync($"/forum/p/{postId}/edit")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var revisions = await world.Sam.GetPageAsync($"/forum/p/{postId}/revisions");
        Assert.That(revisions.Text("main"), Does.Contain("Original words").And.Contain("Original title"));
        Assert.That((await world.Admin.GetPageAsync($"/forum/p/{postId}/revisions")).Text("main"), Does.Contain("Original words"));
    }

    [Test]
    public async Task Delete_LeavesAPlaceholder_AndOnlyTheAuthorCanDelete()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Deleting", "Opening");
        var reply = await world.Kit.ReplyAsync(threadId, "Regrettable words");
        var thread = await world.Sam.GetPageAsync($"/forum/t/{threadId}/deleting?page=1");
        Assert.That(thread.QuerySelector($"#post-{reply} button[formaction*=Delete]"), Is.Null, "not Sam's post");
        var forged = await world.Sam.PostAsync($"/forum/p/{reply}?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenFrom(thread) }));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var deleted = await world.Kit.ClickAsync($"/forum/t/{threadId}/deleting?page=1", $"#post-{reply} button[formaction*=Delete]");
        TestApp.AssertRedirect(deleted, $"/forum/t/{threadId}");
        var after = await world.Sam.GetPageAsync($"/forum/t/{threadId}/deleting?page=1");
        Assert.That(after.Text($"#post-{reply}"), Does.Contain("This post was deleted.").And.Not.Contain("Regrettable"));
    }

    [Test]
    public async Task ContentNote_FoldsThePostBehindAnEncodedSummary()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Hard week", "It was **hard**.", contentNote: "self-harm <b>x</b>");
        var page = await world.Kit.GetPageAsync($"/forum/t/{threadId}/hard-week?page=1");
        var details = page.QuerySelector(".post details.content-note");
        Assert.That(details, Is.Not.Null);
        Assert.That(details!.QuerySelector("summary")!.TextContent, Is.EqualTo("Content note: self-harm <b>x</b>"));
        Assert.That(details.QuerySelector("summary b"), Is.Null, "the note is text, not markup");
        Assert.That(details.QuerySelector(".user-content strong")?.TextContent, Is.EqualTo("hard"));
        Assert.That(details.HasAttribute("open"), Is.False);
    }

    [Test]
    public async Task TooLongBody_GetsAClearError_AndKeepsTheText()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Limits", "Opening");
        var body = new string('a', 32_001);
        var response = await world.Kit.SubmitAsync($"/forum/reply/{threadId}", new Dictionary<string, string> { ["Input.Body"] = body });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await Forms.ParseAsync(response);
        Assert.That(page.ErrorSummary(), Is.EqualTo(new[] { "Your message must be 32,000 characters or fewer" }));
        Assert.That(page.QuerySelector("#Input_Body")?.TextContent, Has.Length.EqualTo(32_001));
        Assert.That(page.QuerySelector("#Input_Body")?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
        Assert.That(page.QuerySelector("#Input_Body")?.GetAttribute("aria-describedby"), Is.EqualTo("Input_Body-error Input_Body-hint"));
        Assert.That(page.Text("#Input_Body-error"), Is.EqualTo("Error: Your message must be 32,000 characters or fewer"));
        Assert.That(page.QuerySelector("#Input_Body")?.Closest(".field")?.ClassList, Does.Contain("field-invalid"));
        Assert.That(page.QuerySelector("#Input_ContentNote")?.HasAttribute("aria-invalid"), Is.False, "only the field in error");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Posts"), Is.EqualTo(1));

        var empty = await Forms.ParseAsync(await world.Kit.SubmitAsync($"/forum/reply/{threadId}", new Dictionary<string, string> { ["Input.Body"] = "   " }));
        Assert.That(empty.ErrorSummary(), Is.EqualTo(new[] { "Write your message" }));
    }

    [Test]
    public async Task Posting_IsRateLimitedPerMember()
    {
        await using var world = await ForumWorld.CreateAsync(new Dictionary<string, string?> { ["RateLimits:ForumPostsPerTenMinutes"] = "3" });
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Busy thread", "Opening");
        await world.Kit.ReplyAsync(threadId, "one");
        await world.Kit.ReplyAsync(threadId, "two");
        var third = await world.Kit.SubmitAsync($"/forum/reply/{threadId}", new Dictionary<string, string> { ["Input.Body"] = "three" });
        Assert.That((int)third.StatusCode, Is.EqualTo(302), await third.Content.ReadAsStringAsync());
        var fourth = await world.Kit.SubmitAsync($"/forum/reply/{threadId}", new Dictionary<string, string> { ["Input.Body"] = "four" });
        Assert.That(fourth.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(fourth.Headers.RetryAfter, Is.Not.Null);
        await world.Sam.ReplyAsync(threadId, "Sam is not limited by Kit's posts");
    }

    [Test]
    public async Task LockedThread_TakesRepliesOnlyFromModerators()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Closing soon", "Opening");
        var locked = await world.Admin.SubmitAsync($"/forum/t/{threadId}/closing-soon?page=1", new Dictionary<string, string>(), "form[action*=Lock]");
        TestApp.AssertRedirect(locked, $"/forum/t/{threadId}");
        var page = await world.Kit.GetPageAsync($"/forum/t/{threadId}/closing-soon?page=1");
        Assert.That(page.QuerySelector("form[data-composer]"), Is.Null);
        Assert.That(page.Text("main"), Does.Contain("This thread is locked"));
        Assert.That((await world.Kit.GetAsync($"/forum/reply/{threadId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await world.Admin.ReplyAsync(threadId, "Moderator's closing note");
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM ModerationActions WHERE Action = 'Lock'"), Is.EqualTo(1));
    }

    /// <summary>The reply composer under every thread: labelled, with its hints, and without attributes no script reads.</summary>
    [Test]
    public async Task TheComposersFields_AreLabelledAndCarryNoClientValidationAttributes()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Composer markup", "The opening post");
        var page = await world.Kit.GetPageAsync($"/forum/t/{threadId}/composer-markup?page=1");

        var fields = page.QuerySelectorAll("form[data-composer] textarea, form[data-composer] select, form[data-composer] input:not([type=hidden])");
        Assert.That(fields.Select(f => f.GetAttribute("name")), Is.SupersetOf(new[] { "Input.Body", "Input.Language", "Input.ContentNote" }));
        foreach (var field in fields.Where(f => f.GetAttribute("name")?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            Assert.That(page.QuerySelector($"label[for='{field.Id}']"), Is.Not.Null, $"{field.Id} has a label");
            Assert.That(page.GetElementById(field.GetAttribute("aria-describedby") ?? "")?.ClassList, Does.Contain("hint"), $"{field.Id} is described by its hint");
            Assert.That(field.Attributes.Select(a => a.Name), Has.None.StartsWith("data-val"), $"{field.Id}: the site has no script that reads data-val");
        }
    }

    [Test]
    public async Task AFailedReply_KeepsEveryFieldExactlyAsWritten()
    {
        await using var world = await ForumWorld.CreateAsync();
        var threadId = await world.Sam.StartThreadAsync("general-chat", "Kept text", "Opening");
        const string body = "\nAfter a blank line: <b>not bold</b> & \"quoted\"";
        var note = "grief \"and\" <loss> & " + new string('x', 100);
        var response = await world.Kit.SubmitAsync($"/forum/reply/{threadId}",
            new Dictionary<string, string> { ["Input.Body"] = body, ["Input.ContentNote"] = note, ["Input.Language"] = "cy-GB" });
        var page = await Forms.ParseAsync(response);

        Assert.That(page.ErrorSummary(), Is.EqualTo(new[] { "The content note must be 100 characters or fewer" }));
        Assert.That(page.QuerySelector("#Input_Body")?.TextContent, Is.EqualTo(body), "the leading blank line, the markup and the quotes survive");
        Assert.That(page.QuerySelector<IHtmlInputElement>("#Input_ContentNote")?.Value, Is.EqualTo(note));
        Assert.That(page.QuerySelector("#Input_ContentNote")?.GetAttribute("aria-invalid"), Is.EqualTo("true"));
        Assert.That(page.QuerySelector<IHtmlSelectElement>("#Input_Language")?.Value, Is.EqualTo("cy-GB"));
        Assert.That(page.QuerySelectorAll("#Input_Language option[selected]"), Has.Length.EqualTo(1));
        Assert.That(await world.App.ScalarAsync<long>("SELECT COUNT(*) FROM Posts"), Is.EqualTo(1));
    }

    private static string TokenFrom(IHtmlDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
}
