using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using QRCoder;

namespace PatientLeaders.Community.Web.Features.Accounts;

/// <summary>
/// The authenticator setup link as a QR code, drawn by QRCoder as SVG on the server and placed inline in the page:
/// no script and no image request. It is decoration for sighted phone users; the text key beside it stays the way in
/// for everyone else, so the drawing is hidden from screen readers.
/// </summary>
public static partial class SetupQrCode
{
    public static IHtmlContent Svg(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        // Inline in the page: no XML declaration, hidden from assistive technology, sized by the stylesheet.
        svg = XmlDeclaration().Replace(svg, "");
        svg = svg.Replace("<svg ", "<svg class=\"qr-code\" aria-hidden=\"true\" focusable=\"false\" ", StringComparison.Ordinal);
        return new HtmlString(svg);
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();
}
