using AngleSharp.Html.Dom;
using PatientLeaders.Community.Tests.Infrastructure;

namespace PatientLeaders.Community.Tests.Forum;

/// <summary>
/// The forum's busiest pages write their forms without the form tag helper, so each form's antiforgery token is
/// written by hand: every form that posts carries one, every button that names a form names one that does, and the
/// token works.
/// </summary>
public sealed class FormTokenTests
{
    [Test]
    public async Task EveryPostingFormOnTheForumPages_CarriesAWorkingToken_ForModeratorAndMember()
    {
        await using var app = await TestApp.CreateAsync();
        var admin = await app.SetUpAdminAsync();
        var sam = await app.InviteMemberAsync(admin, "sam@example.org", "sam");
        await admin.CreateCategoryAsync("Introductions");
        var thread = await admin.StartThreadAsync("introductions", "Hello there", "First post");
        var reply = await sam.ReplyAsync(thread, "A reply from Sam");
        var opening = await app.OpeningPostIdAsync(thread);
        var checkedForms = 0;
        foreach (var (who, client, urls) in new[]
        {
            ("admin", admin, new[] { $"/forum/t/{thread}/hello-there?page=1", $"/forum/t/{thread}/hello-there?page=1&view=nested", "/forum/new", $"/forum/reply/{thread}", $"/forum/p/{opening}/edit", "/forum", "/forum/introductions", "/" }),
            ("sam", sam, new[] { $"/forum/t/{thread}/hello-there?page=1", $"/forum/reply/{thread}?to={opening}", $"/forum/p/{reply}/edit", "/forum/latest" }),
        })
        {
            foreach (var url in urls)
            {
                var page = await client.GetPageAsync(url);
                var posting = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                    .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ToList();
                foreach (var form in posting)
                {
                    Assert.That(form.QuerySelectorAll("input[name=__RequestVerificationToken]").Length, Is.EqualTo(1),
                        $"{who} {url}: form {form.GetAttribute("action") ?? form.Id} carries one token");
                    checkedForms++;
                }
                foreach (var button in page.QuerySelectorAll("button[form]"))
                {
                    var named = page.GetElementById(button.GetAttribute("form")!);
                    Assert.That(named?.QuerySelector("input[name=__RequestVerificationToken]"), Is.Not.Null,
                        $"{who} {url}: the form {button.GetAttribute("form")} named by \"{button.TextContent.Trim()}\" carries a token");
                }
            }
        }
        // The thread page alone: follow, mute, pin, lock, the posts' actions and the reply composer, plus sign-out.
        Assert.That(checkedForms, Is.GreaterThanOrEqualTo(30), "forms checked");

        // The hand-written tokens are accepted: Priya, new to the thread, follows it through its own form and
        // bookmarks a post through the page's one actions form.
        var priya = await app.InviteMemberAsync(admin, "priya@example.org", "priya");
        var following = await app.ScalarAsync<long>("SELECT COUNT(*) FROM ThreadSubscriptions WHERE Level = 'Following'");
        var follow = await priya.ClickAsync($"/forum/t/{thread}/hello-there?page=1", "form[action*='handler=Subscribe'] button");
        Assert.That((int)follow.StatusCode, Is.LessThan(400), "follow");
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM ThreadSubscriptions WHERE Level = 'Following'"), Is.EqualTo(following + 1));
        var bookmark = await priya.ClickAsync($"/forum/t/{thread}/hello-there?page=1", "button[formaction*='handler=Bookmark']");
        Assert.That((int)bookmark.StatusCode, Is.LessThan(400), "bookmark");
        Assert.That(await app.ScalarAsync<long>("SELECT COUNT(*) FROM PostBookmarks"), Is.EqualTo(1));
    }
}
