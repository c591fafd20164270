using AngleSharp.Html.Parser;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Tests.Content;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new(new HtmlSanitizer());

    private string Render(string markdown) => renderer.Render(markdown).Value;

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   \n\t")]
    public void Render_NullOrBlank_ReturnsEmpty(string? markdown)
    {
        Assert.That(renderer.Render(markdown), Is.SameAs(SanitizedHtml.Empty));
    }

    [Test]
    public void Render_Emphasis_RendersEmStrongAndDel()
    {
        Assert.That(Render("*a* **b** ~~c~~"), Is.EqualTo("<p><em>a</em> <strong>b</strong> <del>c</del></p>\n"));
    }

    [Test]
    public void Render_Lists_RenderUlAndOlWithStart()
    {
        var html = Render("- one\n- two\n\n3. three\n4. four");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"));
            Assert.That(html, Does.Contain("<ol start=\"3\">\n<li>three</li>"));
        });
    }

    [Test]
    public void Render_TaskList_RendersDisabledCheckboxes()
    {
        var html = Render("- [ ] todo\n- [x] done");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<input type=\"checkbox\" disabled=\"disabled\"> todo"));
            Assert.That(html, Does.Contain("<input type=\"checkbox\" checked=\"checked\" disabled=\"disabled\"> done"));
        });
    }

    [Test]
    public void Render_ExternalLink_GetsNofollowUgcRel()
    {
        Assert.That(
            Render("[site](https://example.com/a?b=1&c=2 \"Title\")"),
            Is.EqualTo("<p><a href=\"https://example.com/a?b=1&amp;c=2\" title=\"Title\" rel=\"nofollow ugc noopener noreferrer\">site</a></p>\n"));
    }

    [Test]
    public void Render_BareUrl_BecomesLinkWithRel()
    {
        Assert.That(
            Render("see https://example.com now"),
            Does.Contain("<a href=\"https://example.com\" rel=\"nofollow ugc noopener noreferrer\">https://example.com</a>"));
    }

    [Test]
    public void Render_FencedCode_KeepsLanguageClassAndEscapesContent()
    {
        Assert.That(
            Render("```csharp\nvar x = a < b && c > d;\n```"),
            Is.EqualTo("<pre><code class=\"language-csharp\">var x = a &lt; b &amp;&amp; c &gt; d;\n</code></pre>\n"));
    }

    [Test]
    public void Render_InlineCode_EscapesContent()
    {
        Assert.That(Render("`<b>`"), Is.EqualTo("<p><code>&lt;b&gt;</code></p>\n"));
    }

    [Test]
    public void Render_PipeTable_KeepsAlignmentAsAttributeNotStyle()
    {
        var html = Render("| a | b |\n|:--|:-:|\n| 1 | 2 |");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<table>"));
            Assert.That(html, Does.Contain("<th align=\"left\">a</th>"));
            Assert.That(html, Does.Contain("<td align=\"center\">2</td>"));
            Assert.That(html, Does.Not.Contain("style"));
        });
    }

    [TestCase("# a", "<h3>a</h3>\n")]
    [TestCase("## a", "<h4>a</h4>\n")]
    [TestCase("### a", "<h5>a</h5>\n")]
    [TestCase("#### a", "<h6>a</h6>\n")]
    [TestCase("##### a", "<h6>a</h6>\n")]
    [TestCase("###### a", "<h6>a</h6>\n")]
    [TestCase("a\n===", "<h3>a</h3>\n")]
    public void Render_Heading_DemotedByTwoLevels(string markdown, string expected)
    {
        Assert.That(Render(markdown), Is.EqualTo(expected));
    }

    [Test]
    public void Render_SoftLineBreak_BecomesBr()
    {
        Assert.That(Render("line one\nline two"), Is.EqualTo("<p>line one<br>\nline two</p>\n"));
    }

    [TestCase("<script>alert(1)</script>")]
    [TestCase("<img src=x onerror=alert(1)>")]
    [TestCase("<div onclick=\"alert(1)\">x</div>")]
    public void Render_RawHtml_ShownAsText(string markdown)
    {
        var html = Render(markdown);
        var fragment = new HtmlParser().ParseDocument("<body>" + html).Body!;

        Assert.Multiple(() =>
        {
            Assert.That(fragment.TextContent.Trim(), Is.EqualTo(markdown));
            Assert.That(fragment.QuerySelectorAll("script, img, div"), Is.Empty);
        });
    }

    [TestCase("[a](javascript:alert(1))")]
    [TestCase("[a](JaVaScRiPt:alert(1))")]
    [TestCase("[a](java&#x09;script:alert(1))")]
    [TestCase("[a](&#106;avascript:alert(1))")]
    [TestCase("[a](javascript&#58;alert(1))")]
    [TestCase("[a](< javascript:alert(1)>)")]
    [TestCase("[a]( javascript:alert(1))")]
    [TestCase("[a](vbscript:msgbox(1))")]
    [TestCase("[a](data:text/html,<script>alert(1)</script>)")]
    [TestCase("[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [TestCase("[a][r]\n\n[r]: javascript:alert(1)")]
    [TestCase("<javascript:alert(1)>")]
    public void Render_DangerousLinkScheme_LinkNeutralised(string markdown)
    {
        var html = Render(markdown);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("href"));
            Assert.That(HtmlSafetyChecker.FindProblems(html), Is.Empty);
        });
    }

    [Test]
    public void Render_UnsafeLink_KeepsLinkText()
    {
        Assert.That(Render("[click me](javascript:alert(1))"), Is.EqualTo("<p><a>click me</a></p>\n"));
    }

    [Test]
    public void Render_MailtoLink_Allowed()
    {
        Assert.That(Render("[mail](mailto:someone@example.com)"), Does.Contain("href=\"mailto:someone@example.com\""));
    }

    [TestCase("[a](/members/42)", "/members/42")]
    [TestCase("[a](../up)", "../up")]
    [TestCase("[a](#section)", "#section")]
    [TestCase("[a](?page=2)", "?page=2")]
    public void Render_RelativeLink_Allowed(string markdown, string href)
    {
        Assert.That(Render(markdown), Does.Contain($"href=\"{href}\""));
    }

    [TestCase("![a](javascript:alert(1))")]
    [TestCase("![a](JAVASCRIPT:alert(1))")]
    [TestCase("![a](data:image/svg+xml,<svg onload=alert(1)>)")]
    [TestCase("![a](mailto:a@example.com)")]
    public void Render_ImageWithUnsafeSrc_NoImageAndNoUnsafeLink(string markdown)
    {
        var html = Render(markdown);
        Assert.That(html, Does.Not.Contain("<img").And.Not.Contain("href=\"javascript").IgnoreCase.And.Not.Contain("href=\"data"));
    }

    [Test]
    public void Render_ImageWithHttpsSrc_BecomesLinkReaderOpensOnPurpose()
    {
        Assert.That(
            Render("![a cat](https://example.com/cat.png)"),
            Is.EqualTo("<p><a href=\"https://example.com/cat.png\" rel=\"nofollow ugc noopener noreferrer\">Image: a cat</a></p>\n"));
    }

    [Test]
    public void Render_ImageWithoutAltText_LinkSaysImage()
    {
        Assert.That(
            Render("![](https://example.com/cat.png)"),
            Is.EqualTo("<p><a href=\"https://example.com/cat.png\" rel=\"nofollow ugc noopener noreferrer\">Image</a></p>\n"));
    }

    [Test]
    public void Render_GenericAttributesSyntax_StaysText()
    {
        var html = Render("# Title {#id onclick=alert(1)}\n\n[a](https://example.com){onclick=alert(1)}");
        var body = new HtmlParser().ParseDocument("<body>" + html).Body!;

        Assert.Multiple(() =>
        {
            Assert.That(body.QuerySelectorAll("[id], [onclick]"), Is.Empty);
            Assert.That(body.TextContent, Does.Contain("{#id onclick=alert(1)}").And.Contain("{onclick=alert(1)}"));
        });
    }

    [Test]
    public void Render_InputLongerThanCap_IsTruncated()
    {
        var markdown = new string('a', MarkdownRenderer.MaxInputLength) + "TAIL";

        var html = Render(markdown);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("TAIL"));
            Assert.That(html, Does.Contain(new string('a', 1000)));
        });
    }

    [Test]
    public void Render_TruncationInsideSurrogatePair_DoesNotSplitIt()
    {
        var markdown = new string('a', MarkdownRenderer.MaxInputLength - 1) + "😀";

        var html = Render(markdown);

        Assert.That(html, Does.Not.Contain("\uFFFD").And.Not.Contain("\uD83D"));
    }

    [TestCase(">")]
    [TestCase("- ")]
    [TestCase("[")]
    [TestCase("*")]
    [TestCase("<div>")]
    public void Render_DeeplyNestedInput_CompletesSafely(string unit)
    {
        var markdown = string.Concat(Enumerable.Repeat(unit, MarkdownRenderer.MaxInputLength / unit.Length)) + " x";

        var html = Render(markdown);

        Assert.That(HtmlSafetyChecker.FindProblems(html), Is.Empty);
    }
}
