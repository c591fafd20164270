using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Tests.Content;

public sealed class SafeUrlTests
{
    private static readonly string[] LinkSchemes = ["http", "https", "mailto"];

    [TestCase("https://example.com")]
    [TestCase("HtTpS://example.com")]
    [TestCase("mailto:a@example.com")]
    [TestCase("/a/b")]
    [TestCase("a/b:c")]
    [TestCase("?x=javascript:1")]
    [TestCase("#javascript:1")]
    [TestCase("")]
    public void IsSafeUrl_RelativeOrAllowedScheme_True(string url)
    {
        Assert.That(HtmlSanitizer.IsSafeUrl(url, LinkSchemes), Is.True);
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("JAVASCRIPT:alert(1)")]
    [TestCase("java\tscript:alert(1)")]
    [TestCase("java\r\nscript:alert(1)")]
    [TestCase("\u0000 \u001F javascript:alert(1)")]
    [TestCase("&#106;avascript:alert(1)")]
    [TestCase("&#x6A&#x61vascript:alert(1)")]
    [TestCase("javascript&colon;alert(1)")]
    [TestCase("&amp;#106;avascript:alert(1)")]
    [TestCase("java\u0000script:alert(1)")]
    [TestCase("vbscript:x")]
    [TestCase("data:text/html,x")]
    [TestCase("foo:bar")]
    public void IsSafeUrl_OtherScheme_False(string url)
    {
        Assert.That(HtmlSanitizer.IsSafeUrl(url, LinkSchemes), Is.False);
    }

    [Test]
    public void IsSafeUrl_MailtoForImages_False()
    {
        Assert.That(HtmlSanitizer.IsSafeUrl("mailto:a@example.com", ["http", "https"]), Is.False);
    }
}
