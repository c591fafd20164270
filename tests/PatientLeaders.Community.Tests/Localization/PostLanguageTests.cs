using PatientLeaders.Community.Tests.Forum;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Localization;

/// <summary>
/// A post keeps the language its author wrote it in: the composer offers the author's reading language first, the
/// author may choose another, and every reader's page marks the post's words with it, whatever the page's own language.
/// </summary>
public sealed class PostLanguageTests
{
    [Test]
    public async Task APost_KeepsItsAuthorsLanguage_OnEveryReadersPage()
    {
        await using var world = await ForumWorld.CreateAsync();
        // Sam reads the site in Welsh (the footer's switch); Kit and the admin in English.
        TestApp.AssertRedirect(await world.Sam.ClickAsync("/help", "form.language-switch button[value=cy-GB]"), "/help");

        var composer = await world.Sam.GetPageAsync("/forum/new?category=general-chat");
        Assert.That(composer.QuerySelector("#Input_Language option[selected]")?.GetAttribute("value"), Is.EqualTo("cy-GB"), "the author's own language first");
        var started = await world.Sam.SubmitAsync("/forum/new?category=general-chat", new Dictionary<string, string>
        {
            ["Input.Title"] = "Bore da", ["Input.Body"] = "Sut mae pawb?", ["Input.ContentNote"] = "hwyliau isel",
        });
        TestApp.AssertRedirect(started, "/forum/t/");
        var thread = long.Parse(started.Headers.Location!.OriginalString.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
        TestApp.AssertRedirect(await world.Sam.SubmitAsync($"/forum/reply/{thread}", new Dictionary<string, string>
        {
            ["Input.Body"] = "Hola a todos", ["Input.Language"] = "es-ES",
        }), $"/forum/t/{thread}");

        var page = await world.Kit.GetPageAsync($"/forum/t/{thread}/bore-da?page=1");
        Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("en-GB"), "the page speaks the reader's language");
        var bodies = page.QuerySelectorAll(".post-list .user-content");
        Assert.That(bodies.Select(b => b.GetAttribute("lang")), Is.EqualTo(new[] { "cy-GB", "es-ES" }), "each post speaks its author's");
        Assert.That(page.QuerySelector(".content-note summary span")!.GetAttribute("lang"), Is.EqualTo("cy-GB"), "the content note is the author's words too");

        // Editing can correct the language; a value that is not one of the site's keeps the reader's.
        var reply = await world.App.ScalarAsync<long>("SELECT Id FROM Posts WHERE Body = 'Hola a todos'");
        var edit = await world.Sam.GetPageAsync($"/forum/p/{reply}/edit");
        Assert.That(edit.QuerySelector("#Input_Language option[selected]")?.GetAttribute("value"), Is.EqualTo("es-ES"), "the form shows the post's language");
        TestApp.AssertRedirect(await world.Sam.SubmitAsync($"/forum/p/{reply}/edit", new Dictionary<string, string> { ["Input.Language"] = "en-GB" }), "/forum/");
        Assert.That(await world.App.ScalarAsync<string>("SELECT Language FROM Posts WHERE Id = @reply", new { reply }), Is.EqualTo("en-GB"));
        TestApp.AssertRedirect(await world.Kit.SubmitAsync($"/forum/reply/{thread}", new Dictionary<string, string>
        {
            ["Input.Body"] = "Hello both", ["Input.Language"] = "xx-not-ours",
        }), $"/forum/t/{thread}");
        Assert.That(await world.App.ScalarAsync<string>("SELECT Language FROM Posts WHERE Body = 'Hello both'"), Is.EqualTo("en-GB"));
    }
}
