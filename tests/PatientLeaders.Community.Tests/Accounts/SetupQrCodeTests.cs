using AngleSharp.Html.Parser;
using PatientLeaders.Community.Web.Features.Accounts;

namespace PatientLeaders.Community.Tests.Accounts;

public sealed class SetupQrCodeTests
{
    [Test]
    public void Svg_SetupLink_InlineSvgHiddenFromScreenReadersWithNoStyleOrScript()
    {
        var html = SetupQrCode.Svg("otpauth://totp/Patient%20Leaders%20Community:sam%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Patient%20Leaders%20Community&digits=6").ToString()!;
        TestContext.Out.WriteLine(html[..Math.Min(400, html.Length)]);

        var document = new HtmlParser().ParseDocument("<!doctype html><body>" + html);
        var svg = document.QuerySelector("svg");
        Assert.Multiple(() =>
        {
            Assert.That(svg, Is.Not.Null);
            Assert.That(svg!.GetAttribute("aria-hidden"), Is.EqualTo("true"));
            Assert.That(svg.GetAttribute("viewBox"), Is.Not.Null);
            Assert.That(document.QuerySelectorAll("rect, path"), Is.Not.Empty);
            Assert.That(document.QuerySelectorAll("[style], style, script, image"), Is.Empty, "the CSP allows no inline style or script");
            Assert.That(html, Does.Not.Contain("<?xml"));
        });
    }
}
