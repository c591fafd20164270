using System.Text.Encodings.Web;
using Microsoft.Extensions.DependencyInjection;
using PatientLeaders.Community.Web.Infrastructure.Content;

namespace PatientLeaders.Community.Tests.Content;

public sealed class SanitizedHtmlTests
{
    [Test]
    public void WriteTo_SanitizedValue_WrittenWithoutEncoding()
    {
        var html = new HtmlSanitizer().Sanitize("<p><em>hi</em> &amp; bye</p>");
        using var writer = new StringWriter();

        html.WriteTo(writer, HtmlEncoder.Default);

        Assert.That(writer.ToString(), Is.EqualTo("<p><em>hi</em> &amp; bye</p>"));
    }

    [Test]
    public void Empty_Always_HasEmptyValue()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SanitizedHtml.Empty.Value, Is.Empty);
            Assert.That(SanitizedHtml.Empty.IsEmpty, Is.True);
        });
    }

    [Test]
    public void Constructor_FromOtherAssemblies_NotPublic()
    {
        Assert.That(typeof(SanitizedHtml).GetConstructors(), Is.Empty);
    }

    [Test]
    public void AddContentRendering_Resolved_ReturnsSingletons()
    {
        using var provider = new ServiceCollection().AddContentRendering().BuildServiceProvider();

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<MarkdownRenderer>(), Is.SameAs(provider.GetRequiredService<MarkdownRenderer>()));
            Assert.That(provider.GetRequiredService<HtmlSanitizer>(), Is.SameAs(provider.GetRequiredService<HtmlSanitizer>()));
        });
    }
}
