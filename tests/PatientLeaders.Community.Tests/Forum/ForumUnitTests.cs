using PatientLeaders.Community.Web.Data;
using PatientLeaders.Community.Web.Features.Forum;
using PatientLeaders.Community.Web.Features.Forum.Search;
using PatientLeaders.Community.Web.Features.Forum.Threads;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Tests.Forum;

public sealed class FullTextQueryTests
{
    [TestCase("' OR 1=1--", new[] { "or", "1" })]
    [TestCase("\"", new string[0])]
    [TestCase("*", new string[0])]
    [TestCase("%", new string[0])]
    [TestCase("NEAR(a b) AND \"x\"*", new[] { "near", "a", "b", "and", "x" })]
    [TestCase("Café  co-production", new[] { "café", "co", "production" })]
    [TestCase("   ", new string[0])]
    public void Words_KeepOnlyLettersAndDigits(string input, string[] expected) =>
        Assert.That(FullTextQuery.Words(input), Is.EqualTo(expected));

    [Test]
    public void Words_AreCappedInNumberAndLength()
    {
        var words = FullTextQuery.Words(string.Join(" ", Enumerable.Range(0, 50).Select(i => "w" + i)) + " " + new string('x', 500));
        Assert.That(words, Has.Count.EqualTo(FullTextQuery.MaxWords));
        Assert.That(FullTextQuery.Words(new string('y', 500)).Single(), Has.Length.EqualTo(FullTextQuery.MaxWordLength));
    }

    [Test]
    public void Dialects_AskForEveryWordInAnyOfItsForms()
    {
        Assert.That(new SqliteDialect(1).FullTextMatch(["care", "plan"], []), Is.EqualTo("\"care\" AND \"plan\""));
        Assert.That(new SqlServerDialect().FullTextMatch(["care", "plan"], []), Is.EqualTo("FORMSOF(INFLECTIONAL, \"care\") AND FORMSOF(INFLECTIONAL, \"plan\")"));
    }

    [Test]
    public void Sqlite_NarrowsToMonths_AndKeepsWordsWithDigitsOutOfTheMonthColumn()
    {
        var sqlite = new SqliteDialect(1);
        Assert.That(sqlite.FullTextMatch(["insulin"], ["m202406", "m202407"]), Is.EqualTo("(\"insulin\") AND Month : (m202406 OR m202407)"));
        Assert.That(sqlite.FullTextMatch(["m202406", "diet"], []), Is.EqualTo("{Title Body} : (\"m202406\" AND \"diet\")"));
        Assert.That(new SqlServerDialect().FullTextMatch(["insulin"], ["m202406"]), Is.EqualTo("FORMSOF(INFLECTIONAL, \"insulin\")"));
    }

    [Test]
    public void Fold_IgnoresCaseAndAccents() => Assert.That(FullTextQuery.Fold("CAFÉ"), Is.EqualTo("cafe"));
}

public sealed class SearchMonthsTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void Token_IsTheUtcMonth() =>
        Assert.That(SearchMonths.Token(new DateTimeOffset(2030, 4, 1, 9, 0, 0, TimeSpan.FromHours(13))), Is.EqualTo("m203003"));

    [Test]
    public void Spanned_ListsEveryMonthTheRangeTouches_EndExclusive()
    {
        var from = new DateTimeOffset(2029, 11, 30, 11, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2030, 2, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.That(SearchMonths.Spanned(from, to, Now), Is.EqualTo(new[] { "m202911", "m202912", "m203001" }));
    }

    [Test]
    public void Spanned_WithoutAnEnd_RunsToNow() =>
        Assert.That(SearchMonths.Spanned(new DateTimeOffset(2030, 5, 2, 0, 0, 0, TimeSpan.Zero), null, Now), Is.EqualTo(new[] { "m203005", "m203006" }));

    [Test]
    public void Spanned_IsEmpty_WhenOpenAtTheStart_Empty_OrWiderThanTheLimit()
    {
        Assert.That(SearchMonths.Spanned(null, Now, Now), Is.Empty);
        Assert.That(SearchMonths.Spanned(Now, Now, Now), Is.Empty);
        var yearBack = new DateTimeOffset(2029, 7, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.That(SearchMonths.Spanned(yearBack, Now, Now), Has.Count.EqualTo(SearchMonths.MaxNarrowed));
        Assert.That(SearchMonths.Spanned(yearBack.AddTicks(-1), Now, Now), Is.Empty);
    }
}

public sealed class MentionsTests
{
    [TestCase("Hi @sam and @Kit_2!", new[] { "sam", "kit_2" })]
    [TestCase("email me at sam@example.org", new string[0])]
    [TestCase("see https://x.org/@sam", new string[0])]
    [TestCase("@@sam", new string[0])]
    [TestCase("(@sam) @sam, @sam.", new[] { "sam" })]
    [TestCase("@sam-", new[] { "sam" })]
    public void Parse_FindsHandles(string text, string[] expected) => Assert.That(Mentions.Parse(text), Is.EqualTo(expected));

    [Test]
    public void Parse_StopsAtTheLimit() =>
        Assert.That(Mentions.Parse(string.Join(" ", Enumerable.Range(0, 30).Select(i => "@m" + i))), Has.Count.EqualTo(Mentions.MaxPerPost));

    [Test]
    public void Linker_LinksKnownMembers_NotInCodeOrLinks_AndStaysSanitized()
    {
        var renderer = new MarkdownRenderer(new HtmlSanitizer());
        var linker = new MentionLinker(new HtmlSanitizer());
        var html = renderer.Render("Thanks @sam and @nobody. `@sam` [@sam](https://example.org) <img src=x onerror=alert(1)>@sam");
        var linked = linker.Link(html, h => h == "sam").Value;
        Assert.That(linked, Does.Contain("<a href=\"/members/sam\" rel=\"nofollow ugc noopener noreferrer\">@sam</a> and @nobody"));
        Assert.That(linked, Does.Contain("<code>@sam</code>"));
        Assert.That(linked, Does.Not.Contain("<img").And.Contain("&lt;img src=x onerror=alert(1)&gt;"), "raw HTML stays text");
        Assert.That(MentionLinker.Handles(html), Is.EqualTo(new[] { "sam", "nobody" }));
    }

    [Test]
    public void RenderStored_SameAsRender_AndFollowsWhoIsAMember()
    {
        using var posts = new PostRenderer(new MarkdownRenderer(new HtmlSanitizer()), new MentionLinker(new HtmlSanitizer()));
        const string body = "Thanks @sam and @kim. *Pacing* helps.";
        var none = new Dictionary<string, long>();
        var samOnly = new Dictionary<string, long> { ["sam"] = 1 };
        var both = new Dictionary<string, long> { ["sam"] = 1, ["kim"] = 2 };

        foreach (var members in new[] { none, samOnly, both, samOnly, none })
        {
            Assert.That(posts.RenderStored(7, body, members).Value, Is.EqualTo(posts.Render(body, members).Value));
        }
        Assert.That(posts.RenderStored(7, body, samOnly).Value, Does.Contain("/members/sam").And.Not.Contain("/members/kim"));
        Assert.That(posts.RenderStored(7, body, both).Value, Does.Contain("/members/kim"));
        Assert.That(posts.RenderStored(7, body + " Edited.", none).Value, Does.Contain("Edited."), "a changed text is rendered afresh");
        // Kept by the post and the text's length: an edit of the same length, in the same bucket, is told apart by its text.
        var sameLength = body.Replace("Pacing", "Resting");
        sameLength = sameLength.Remove(sameLength.Length - 1);
        Assert.That(sameLength, Has.Length.EqualTo(body.Length));
        Assert.That(posts.RenderStored(7, sameLength, samOnly).Value, Does.Contain("Resting").And.Not.Contain("Pacing"));
        Assert.That(posts.RenderStored(8, sameLength, both).Value, Is.EqualTo(posts.Render(sameLength, both).Value), "another post with the same text");
    }
}

public sealed class PagingTests
{
    [TestCase(0, 20, 1)]
    [TestCase(1, 20, 1)]
    [TestCase(20, 20, 1)]
    [TestCase(21, 20, 2)]
    [TestCase(61, 30, 3)]
    public void PageCount_RoundsUp(long items, int size, int expected) => Assert.That(Paging.PageCount(items, size), Is.EqualTo(expected));

    [TestCase(1, 1)]
    [TestCase(20, 1)]
    [TestCase(21, 2)]
    [TestCase(40, 2)]
    [TestCase(41, 3)]
    public void PageOf_PostNumber(int number, int page) => Assert.That(Paging.PageOf(number, Paging.PostsPerPage), Is.EqualTo(page));

    [Test]
    public void Range_IsTheNumbersOnThePage() => Assert.That(Paging.Range(3, 20), Is.EqualTo((41L, 60L)));

    [Test]
    public void Links_ShowEndsAndNeighbours_WithGaps()
    {
        Assert.That(Paging.Links(6, 12), Is.EqualTo(new int?[] { 1, null, 4, 5, 6, 7, 8, null, 12 }));
        Assert.That(Paging.Links(1, 3), Is.EqualTo(new int?[] { 1, 2, 3 }));
        Assert.That(Paging.Links(5, 7), Is.EqualTo(new int?[] { 1, 2, 3, 4, 5, 6, 7 }), "a gap of one page is shown as the page");
        Assert.That(Paging.Links(1, 1), Is.EqualTo(new int?[] { 1 }));
    }

    [TestCase(0, 5, 1)]
    [TestCase(9, 5, 5)]
    public void Clamp_KeepsPagesInRange(int page, int count, int expected) => Assert.That(Paging.Clamp(page, count), Is.EqualTo(expected));
}

public sealed class SearchSnippetTests
{
    [Test]
    public void Build_MarksFormsOfTheWords_AndKeepsTextAsText()
    {
        var parts = SearchSnippet.Build("<b>Care</b> planning, cared for, a career and stories in a café", ["care", "cafe", "story"]);
        Assert.That(parts.Where(p => p.IsMatch).Select(p => p.Text), Is.EqualTo(new[] { "Care", "cared", "stories", "café" }));
        Assert.That(string.Concat(parts.Select(p => p.Text)), Is.EqualTo("<b>Care</b> planning, cared for, a career and stories in a café"));
    }

    [Test]
    public void Build_CentresOnTheFirstMatchInLongText()
    {
        var text = string.Join(" ", Enumerable.Repeat("filler", 200)) + " needle " + string.Join(" ", Enumerable.Repeat("filler", 200));
        var parts = SearchSnippet.Build(text, ["needle"]);
        Assert.That(parts[0].Text, Is.EqualTo("… "));
        Assert.That(parts.Any(p => p.IsMatch && p.Text == "needle"), Is.True);
        Assert.That(string.Concat(parts.Select(p => p.Text)).Length, Is.LessThan(SearchSnippet.Length + 10));
    }
}

public sealed class SlugTests
{
    [TestCase("Hello, World!", "hello-world")]
    [TestCase("  Café & co-production  ", "cafe-co-production")]
    [TestCase("!!!", "")]
    public void From_MakesUrlWords(string text, string slug) => Assert.That(Slugs.From(text), Is.EqualTo(slug));

    [Test]
    public void Tags_AreSlugged_AndDeduplicated() =>
        Assert.That(TagList.Parse("Mental health, mental-health; Co-Production,,"), Is.EqualTo(new[] { "mental-health", "co-production" }));
}
